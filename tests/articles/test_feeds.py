"""RSS feeds as a feed reader sees them."""

from datetime import UTC, datetime

import feedparser
import pytest

from tests.articles.factories import ArticlePageFactory
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feed_lists_live_articles_with_absolute_links_and_rfc_dates(client, article, tv):
    ArticlePageFactory(parent=tv, title="Draft <b>story</b>").unpublish()
    ArticlePageFactory(
        parent=tv,
        title="Tom & Jerry <reboot>",
        standfirst="Cats & mice",
        first_published_at=datetime(2023, 1, 1, tzinfo=UTC),
    )
    feed = parse(client, "/feeds/latest/")
    assert feed.version == "rss20"
    assert feed.feed.title == "The Reel Edit: latest stories"
    assert feed.feed.link == "http://testserver/"
    titles = [entry.title for entry in feed.entries]
    assert titles == [article.title, "Tom & Jerry <reboot>"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver/entertainment/tv/heartstopper-season-two/"
    assert entry.id == entry.link
    assert entry.summary == article.standfirst
    assert entry.published_parsed[:3] == article.first_published_at.utctimetuple()[:3]
    assert entry.author == "Piper Huxley"
    assert {tag.term for tag in entry.tags} == {"Heartstopper", "Netflix"}


def test_section_feed_lists_only_that_section(client, home, tv, article):
    film = SectionPageFactory(parent=home, title="Film", slug="film")
    ArticlePageFactory(parent=film, title="A film story")
    feed = parse(client, "/feeds/sections/film/")
    assert feed.feed.title == "The Reel Edit: Film"
    assert [entry.title for entry in feed.entries] == ["A film story"]
    assert client.get("/feeds/sections/no-such-section/").status_code == 404


def test_spoiler_article_feed_entry_uses_the_spoiler_free_summary(client, tv):
    ArticlePageFactory(
        parent=tv,
        standfirst="Nick dies",
        contains_spoilers=True,
        spoiler_free_summary="A finale to talk about.",
    )
    feed = parse(client, "/feeds/latest/")
    assert feed.entries[0].summary == "A finale to talk about."


def test_section_pages_advertise_their_feed(client, tv):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/entertainment/tv/").content, "html.parser")
    hrefs = [link["href"] for link in html.find_all("link", rel="alternate")]
    assert hrefs == ["/feeds/latest/", "/feeds/sections/tv/"]
