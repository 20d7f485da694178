"""Pages do not move under the reader as they finish loading (cumulative layout shift 0).

Measured in Chromium with the Layout Instability API on a phone-sized viewport, with
the slow CPU and network of Lighthouse's mobile profile, where late changes (the radio
strip swapping its native player for the play button, images without reserved space,
web fonts) would show as shifts.
"""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/entertainment/tv/",
    "/entertainment/tv/heartstopper-season-two/",
    "/people/kit-connor/",
    "/shows/heartstopper/",
    "/shop/",
    "/why-you-can-trust-us/",
]

RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({
        value: entry.value,
        nodes: entry.sources.map((s) => s.node ? (s.node.className || s.node.nodeName) : "?"),
      });
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def test_no_page_type_shifts_its_layout_while_loading(browser, live_server):
    call_command("load_demo", stdout=io.StringIO())
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    # Lighthouse's "slow 4G": deferred scripts then run after the first paint.
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 1.6 * 1024 * 1024 / 8,
            "uploadThroughput": 750 * 1024 / 8,
        },
    )
    page.add_init_script(RECORD_SHIFTS)
    shifts = {}
    try:
        for path in PAGES:
            page.goto(live_server.url + path, wait_until="load")
            page.wait_for_timeout(500)
            found = page.evaluate("window.__shifts")
            if found:
                shifts[path] = found
    finally:
        context.close()

    assert shifts == {}


def boxes(browser, url, javascript):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        return page.evaluate(
            """() => ["main", ".radio"].map((selector) => {
                const box = document.querySelector(selector).getBoundingClientRect();
                return [selector, Math.round(box.top), Math.round(box.height)];
            })"""
        )
    finally:
        context.close()


def test_the_radio_strip_takes_the_same_room_before_and_after_its_script_runs(browser, live_server):
    """What a reader sees before the script runs (or without it) is where things stay."""
    call_command("load_demo", stdout=io.StringIO())
    for path in ("/", "/entertainment/tv/heartstopper-season-two/"):
        url = live_server.url + path
        assert boxes(browser, url, javascript=False) == boxes(browser, url, javascript=True)
