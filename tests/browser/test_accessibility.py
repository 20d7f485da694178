"""axe-core in real Chromium reports no violations on any page type of the demo site."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def one_url_per_page_type():
    """The first live page of every page type, plus search and the 404 page."""
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    urls["search"] = "/search/?q=heartstopper"
    urls["not found"] = "/no-such-page/"
    return urls


def axe_violations(browser, live_server, options, **context_options):
    """{page: [violation, …]} for one page of each type, axe run with `options`."""
    # axe is injected as a script; the site's own CSP rightly forbids that.
    context = browser.new_context(bypass_csp=True, **context_options)
    page = context.new_page()
    violations = {}
    try:
        for name, url in one_url_per_page_type().items():
            page.goto(live_server.url + url)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async (options) => JSON.stringify((await axe.run(document, options)).violations)",
                options,
            )
            found = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
                for v in json.loads(result)
            ]
            if found:
                violations[f"{name} {url}"] = found
    finally:
        context.close()
    return violations


def test_no_accessibility_violations_on_any_page_type(browser, live_server):
    assert AXE.exists(), "run `npm ci` (make test does) to install axe-core"
    call_command("load_demo", stdout=io.StringIO())

    assert axe_violations(browser, live_server, {"resultTypes": ["violations"]}) == {}


def test_links_and_buttons_are_big_enough_to_tap_on_a_phone(browser, live_server):
    """WCAG 2.2 target size (24 by 24 CSS pixels, or spaced as far apart), phone-sized."""
    call_command("load_demo", stdout=io.StringIO())

    violations = axe_violations(
        browser,
        live_server,
        {"runOnly": ["target-size"], "resultTypes": ["violations"]},
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )

    assert violations == {}
