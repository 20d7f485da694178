"""The spoiler section in real Chromium: closed on load, opened by click and by keyboard."""

import pytest

from tests.articles.factories import ArticlePageFactory, heading, paragraph, spoiler
from tests.factories import SectionPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article(home):
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    return ArticlePageFactory(
        parent=tv,
        slug="finale",
        body=[
            heading("What do we want from season two?"),
            spoiler(
                "Spoilers ahead for season one",
                heading("Nick and Charlie", "h3"),
                paragraph("<p>The secret plot point.</p>"),
            ),
        ],
    )


def test_spoiler_is_closed_on_load_and_opens_on_click(page, live_server, article):
    page.goto(live_server.url + article.url)
    secret = page.get_by_text("The secret plot point.")
    details = page.locator("details.spoiler")
    assert details.evaluate("d => d.open") is False
    assert not secret.is_visible()

    page.get_by_text("Spoilers ahead for season one").click()
    secret.wait_for(state="visible")
    assert details.evaluate("d => d.open") is True
    assert page.get_by_role("heading", name="Nick and Charlie").is_visible()


def test_spoiler_opens_and_closes_from_the_keyboard_with_visible_focus(page, live_server, article):
    page.goto(live_server.url + article.url)
    summary = page.locator("details.spoiler > summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if summary.evaluate("s => s === document.activeElement"):
            break
    else:
        raise AssertionError("The spoiler summary is not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")

    page.keyboard.press("Enter")
    page.get_by_text("The secret plot point.").wait_for(state="visible")
    page.keyboard.press("Space")
    page.get_by_text("The secret plot point.").wait_for(state="hidden")
    assert page.locator("details.spoiler").evaluate("d => d.open") is False
