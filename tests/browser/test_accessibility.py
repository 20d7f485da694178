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


def test_no_accessibility_violations_on_any_page_type(browser, live_server):
    assert AXE.exists(), "run `npm ci` (make test does) to install axe-core"
    call_command("load_demo", stdout=io.StringIO())
    # axe is injected as a script; the site's own CSP rightly forbids that.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    violations = {}
    try:
        for name, url in one_url_per_page_type().items():
            page.goto(live_server.url + url)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => JSON.stringify((await axe.run(document, "
                "{resultTypes: ['violations']})).violations)"
            )
            found = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
                for v in json.loads(result)
            ]
            if found:
                violations[f"{name} {url}"] = found
    finally:
        context.close()
    assert violations == {}
