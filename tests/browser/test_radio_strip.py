"""The listen-live strip in real Chromium: play/pause, its accessible name, failures."""

import pytest
from wagtail.models import Site

from magazine.demo.radio import write_demo_loop
from magazine.models import RadioStation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def station(home):
    station = RadioStation.for_site(Site.objects.get(is_default_site=True))
    station.name = "Reel Radio"
    station.stream_url = write_demo_loop()
    station.now_playing = "The Afternoon Reel"
    station.save()
    return station


def tab_to(page, selector, limit=30):
    """Move focus with the Tab key, as a keyboard user would, until it reaches selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_button_toggles_play_and_pause_and_its_accessible_name(page, live_server, station):
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Play Reel Radio live")
    assert button.is_visible()
    audio = page.locator("[data-radio-audio]")
    assert audio.evaluate("a => a.paused") is True
    assert audio.get_attribute("controls") is None  # the script replaced the native controls

    button.click()
    pause = page.get_by_role("button", name="Pause Reel Radio")
    pause.wait_for()
    assert audio.evaluate("a => !a.paused")

    pause.click()
    page.get_by_role("button", name="Play Reel Radio live").wait_for()
    assert audio.evaluate("a => a.paused")


def test_button_is_keyboard_operable_with_a_visible_focus_style(page, live_server, station):
    page.goto(live_server.url + "/")
    tab_to(page, "[data-radio-button]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")

    page.keyboard.press("Enter")
    page.get_by_role("button", name="Pause Reel Radio").wait_for()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Play Reel Radio live").wait_for()


def test_unreachable_stream_shows_a_message_not_a_broken_page(page, live_server, station):
    station.stream_url = "/media/radio/no-such-stream.mp3"
    station.save()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(live_server.url + "/")

    page.get_by_role("button", name="Play Reel Radio live").click()
    status = page.get_by_role("status")
    status.filter(has_text="can't be reached").wait_for()
    assert "Reel Radio can't be reached right now" in status.inner_text()
    # The rest of the page still works and the button offers another try.
    assert page.get_by_role("button", name="Play Reel Radio live").is_visible()
    assert page.locator("h1").is_visible()
    assert errors == []


def test_page_never_autoplays(page, live_server, station):
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-radio-audio]").evaluate("a => a.paused && a.currentTime === 0")
