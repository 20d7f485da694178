"""A writer and an editor produce an article in the real admin, and readers see it.

Driven in Chromium against the live server, on the demo site (the show, the books
and their offers, the authors).
"""

import io
import re
from datetime import timedelta
from unittest import mock

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"


@pytest.fixture(autouse=True)
def no_autosave(settings):
    """Wagtail's autosave re-renders the editor while the test clicks; steps must be exact."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def demo_site():
    call_command("load_demo", stdout=io.StringIO())


def make_user(username, group):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.test", PASSWORD, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="The Reel Edit")).to_be_visible()


def insert_block(page, kind, scope=None):
    """Add a block through the StreamField's block picker, as an editor does."""
    scope = scope or page.locator("[data-contentpath='body']").first
    scope.get_by_role("button", name="Insert a block").last.click()
    picker = page.get_by_role("combobox").filter(visible=True).last
    picker.fill(kind)
    page.locator(".w-combobox__menu [role=option]").filter(visible=True).filter(
        has_text=re.compile(f"^{re.escape(kind)}$")
    ).first.click()


def choose_page_in_modal(page, title, search=False):
    modal = page.locator(".modal-content")
    if search:
        modal.get_by_placeholder("Search…").fill(title)
    modal.get_by_role("link", name=title, exact=True).click()
    expect(page.locator(".modal-content")).to_have_count(0)


def footer_action(page, name):
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    return footer.get_by_role("button", name=name, exact=True)


def write_article(page, live_server, section, title):
    """The writer's part: every kind of block the reference article uses."""
    page.goto(live_server.url + f"/admin/pages/add/articles/articlepage/{section.pk}/")
    page.locator("#id_title").press_sequentially(title)
    page.locator("#id_title").blur()
    page.fill("#id_standfirst", "Paris was only the start 💘")

    page.click("#id_article_authors-OPEN_MODAL")
    modal = page.locator(".modal-content")
    modal.get_by_role("row", name=re.compile("Piper Huxley")).get_by_role("checkbox").check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(page.locator("#id_article_authors-FORMS")).to_contain_text("Piper Huxley")

    page.get_by_role("button", name="Choose an image").first.click()
    page.locator(".modal-content").get_by_role(
        "link", name=re.compile("Heartstopper season two hero")
    ).first.click()
    expect(page.locator(".modal-content")).to_have_count(0)

    insert_block(page, "Heading")
    page.fill("[name='body-0-value-text']", "What happens in Paris")
    insert_block(page, "Paragraph")
    page.locator("[data-contentpath='body'] .Draftail-Editor [contenteditable=true]").last.click()
    page.keyboard.type("The school trip everyone has been waiting for.")

    insert_block(page, "Spoiler section")
    insert_block(page, "Heading", page.locator("[data-contentpath='content']").first)
    page.fill("[name='body-2-value-content-0-value-text']", "Nick and Charlie")

    insert_block(page, "Cast rundown")
    page.get_by_role("button", name=re.compile("Choose a page|Choose show")).last.click()
    choose_page_in_modal(page, "Heartstopper")
    page.fill("[name='body-3-value-season']", "2")
    page.check("[name='body-3-value-joining_only']")

    insert_block(page, "Shop")
    page.fill("[name='body-4-value-title']", "Shop: Alice Oseman's books")
    page.get_by_role("button", name=re.compile("Choose a page|Choose book")).last.click()
    choose_page_in_modal(page, "Loveless", search=True)


def test_writer_submits_editor_publishes_reader_sees_it(page, live_server, demo_site):
    from magazine.models import SectionPage

    tv = SectionPage.objects.get(slug="tv")
    make_user("wendy", "Writers")
    make_user("eddie", "Editors")
    title = "Heartstopper season three: a first look"

    # The writer writes and submits; there is no way for her to publish.
    log_in(page, live_server, "wendy")
    write_article(page, live_server, tv, title)
    submit = footer_action(page, "Submit to Editorial review")
    footer = page.get_by_role("navigation", name="Actions (footer)")
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    submit.click()
    expect(page.locator(".messages")).to_contain_text(
        re.compile(rf"'{re.escape(title)}'.*submitted for moderation")
    )
    article = ArticlePage.objects.get(title=title)
    assert not article.live

    # Anonymous readers can't see the draft.
    anonymous = page.context.browser.new_context().new_page()
    assert anonymous.goto(live_server.url + "/entertainment/tv/" + article.slug + "/").status == 404

    # The editor finds it waiting, approves it, and it is published.
    log_in(page, live_server, "eddie")
    page.locator("#in-review-section").get_by_role("link", name=title).click()
    footer_action(page, "Approve and Publish").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{tv.pk}/$"))  # back to the section's pages
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text(title)
    article.refresh_from_db()
    assert article.live

    # A reader finds it in its section, in the feed, with the disclosure first.
    anonymous.goto(live_server.url + "/entertainment/tv/")
    anonymous.get_by_role("link", name=title).first.click()
    expect(anonymous.get_by_role("heading", level=1)).to_have_text(title)
    expect(anonymous.locator(".cast-rundown, [class*=cast]").first).to_contain_text("Leila Khan")
    first_affiliate_link = anonymous.locator("a[rel~=sponsored]").first
    disclosure = anonymous.locator(".affiliate-disclosure, [data-affiliate-disclosure]").first
    expect(disclosure).to_be_visible()
    assert disclosure.evaluate(
        "(d, link) => Boolean(d.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING)",
        first_affiliate_link.element_handle(),
    )
    assert first_affiliate_link.get_attribute("href").startswith("/shop/go/")

    feed = feedparser.parse(anonymous.request.get(live_server.url + "/feeds/latest/").body())
    assert title in [entry.title for entry in feed.entries]
    anonymous.context.close()


def test_editor_schedules_an_article_that_goes_live_when_the_job_runs(page, live_server, demo_site):
    from magazine.models import SectionPage

    tv = SectionPage.objects.get(slug="tv")
    make_user("eddie", "Editors")
    title = "Heartstopper season three: the trailer"
    go_live = timezone.localtime() + timedelta(days=2)

    log_in(page, live_server, "eddie")
    page.goto(live_server.url + f"/admin/pages/add/articles/articlepage/{tv.pk}/")
    page.locator("#id_title").press_sequentially(title)
    page.locator("#id_title").blur()
    page.fill("#id_standfirst", "Ninety seconds of Paris and we're not okay.")
    page.click("#id_article_authors-OPEN_MODAL")
    modal = page.locator(".modal-content")
    modal.get_by_role("row", name=re.compile("Piper Huxley")).get_by_role("checkbox").check()
    modal.get_by_role("button", name="Confirm selection").click()
    page.get_by_role("button", name="Choose an image").first.click()
    page.locator(".modal-content").get_by_role(
        "link", name=re.compile("Heartstopper season two hero")
    ).first.click()
    expect(page.locator(".modal-content")).to_have_count(0)

    # The schedule dialog states the time zone.
    page.get_by_role("button", name="Toggle status").click()
    page.locator("[data-side-panel='status']").get_by_role("button", name="Set schedule").click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_contain_text("Europe/London")
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%d/%m/%Y %H:%M"))
    dialog.get_by_role("button", name="Save schedule").click()
    # Saving the schedule saves the draft; publishing it now means scheduling it.
    expect(page.locator("[data-side-panel='status']")).to_contain_text("Go-live", timeout=30_000)
    footer_action(page, "Schedule to publish").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{tv.pk}/$"))
    expect(page.locator(".messages")).to_contain_text("scheduled")

    article = ArticlePage.objects.get(title=title)
    assert not article.live
    call_command("publish_scheduled", stdout=io.StringIO())
    article.refresh_from_db()
    assert not article.live  # not yet: the go-live time is two days away

    # Two days later, the periodic job runs.
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=3)):
        call_command("publish_scheduled", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.live

    reader = page.context.browser.new_context().new_page()
    response = reader.goto(live_server.url + article.url)
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    reader.context.close()
