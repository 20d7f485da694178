"""Every page type fits a 320 px wide phone screen (and a wide desktop): no sideways scrolling."""

import io

import pytest
from django.core.management import call_command

from tests.browser.test_accessibility import one_url_per_page_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768, 1440)


def test_no_page_type_scrolls_sideways_from_320_to_1440_px(browser, live_server):
    # (tests/browser/conftest.py restores what migrations made, should a flush have removed it)
    call_command("load_demo", stdout=io.StringIO())
    urls = one_url_per_page_type()
    assert len(urls) >= 10
    too_wide = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        try:
            for name, url in urls.items():
                page.goto(live_server.url + url)
                # Open collapsed parts too: a spoiler's content must fit as well.
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
                if scroll_width > width:
                    too_wide[f"{width}px {name} {url}"] = scroll_width
        finally:
            context.close()
    assert too_wide == {}
