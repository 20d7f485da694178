"""The Google News sitemap: the last 48 hours of articles, listed where crawlers look."""

from datetime import UTC, datetime, timedelta
from unittest import mock
from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction

from tests.articles.factories import ArticlePageFactory
from tests.sitemap_xml import locations

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def news_entries(client, now):
    with mock.patch("articles.sitemaps.timezone.now", return_value=now):
        response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): url.find("news:news", NS)
        for url in root.iterfind("sm:url", NS)
    }


@pytest.fixture
def stories(tv):
    return {
        hours: ArticlePageFactory(
            parent=tv,
            title=f"Story from {hours} hours ago & more",
            slug=f"story-{hours}",
            first_published_at=NOW - timedelta(hours=hours),
        )
        for hours in (1, 47, 49)
    }


def test_articles_of_the_last_48_hours_are_listed_with_their_news_details(client, stories):
    entries = news_entries(client, NOW)

    assert set(entries) == {
        "http://testserver/entertainment/tv/story-1/",
        "http://testserver/entertainment/tv/story-47/",
    }
    news = entries["http://testserver/entertainment/tv/story-1/"]
    assert news.findtext("news:publication/news:name", namespaces=NS) == "The Reel Edit"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Story from 1 hours ago & more"
    published = datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
    assert published == NOW - timedelta(hours=1)


def test_an_article_leaves_the_news_sitemap_48_hours_after_it_was_published(client, stories):
    later = news_entries(client, NOW + timedelta(hours=2))

    assert set(later) == {"http://testserver/entertainment/tv/story-1/"}


def test_drafts_and_private_articles_are_not_news(client, stories, tv):
    stories[1].unpublish()
    members = ArticlePageFactory(
        parent=tv, slug="members-only", first_published_at=NOW - timedelta(hours=2)
    )
    PageViewRestriction.objects.create(page=members, restriction_type="login")

    assert set(news_entries(client, NOW)) == {"http://testserver/entertainment/tv/story-47/"}


def test_the_news_sitemap_is_in_the_sitemap_index_and_robots_txt(client, stories):
    index = client.get("/sitemap.xml")
    robots = client.get("/robots.txt").content.decode()

    assert "http://testserver/sitemap-news.xml" in locations(index.content)
    assert "Sitemap: http://testserver/sitemap-news.xml" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_the_news_sitemap_has_one_page(client, stories):
    assert client.get("/sitemap-news.xml?p=2").status_code == 404
    assert client.get("/sitemap-news.xml?p=x").status_code == 404


def test_articles_let_search_engines_show_large_image_previews(client, article):
    html = client.get(article.url).content.decode()

    assert '<meta name="robots" content="max-image-preview:large">' in html
