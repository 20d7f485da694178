"""Search-engine and social metadata of articles: values, fallbacks, spoiler safety."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.articles.factories import ArticlePageFactory, heading, paragraph, spoiler

pytestmark = pytest.mark.django_db


def head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(html, key):
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(html):
    return json.loads(html.find("script", type="application/ld+json").string)


def test_title_description_and_canonical(client, article):
    html = head(client, article)
    assert html.title.get_text().startswith(article.title)
    assert meta(html, "description") == article.standfirst
    assert html.find("link", rel="canonical")["href"] == (
        "http://testserver/entertainment/tv/heartstopper-season-two/"
    )


def test_seo_overrides_win_over_title_and_standfirst(client, article):
    article.seo_title = "Heartstopper season 2: everything we know"
    article.search_description = "Cast, release and plot news for Heartstopper's second season."
    article.save_revision().publish()
    html = head(client, article)
    assert html.title.get_text().startswith("Heartstopper season 2: everything we know")
    assert meta(html, "og:title") == "Heartstopper season 2: everything we know"
    assert meta(html, "description") == article.search_description
    assert json_ld(html)["description"] == article.search_description


def test_open_graph_and_twitter_cards(client, article):
    html = head(client, article)
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == article.full_url
    assert meta(html, "og:site_name") == "The Reel Edit"
    assert "fill-1200x630" in meta(html, "og:image")
    assert meta(html, "og:image").startswith("http://testserver/")
    assert meta(html, "og:image:alt") == "Two boys on a bench"
    assert meta(html, "article:published_time").startswith("2024-")
    assert meta(html, "article:author") == "http://testserver/authors/piper-huxley/"
    assert meta(html, "article:section") == "TV"
    tags = [t["content"] for t in html.find_all("meta", attrs={"property": "article:tag"})]
    assert tags == ["Heartstopper", "Netflix"]
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == meta(html, "og:image")
    assert meta(html, "twitter:site") == "@reeledit"


def test_json_ld_news_article(client, article):
    data = json_ld(head(client, article))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert [url.rsplit(".", 2)[-2] for url in data["image"]] == [
        "fill-1200x675",
        "fill-1200x900",
        "fill-1200x1200",
    ]
    assert all(url.startswith("http://testserver/") for url in data["image"])
    assert data["datePublished"].startswith("2024-")
    assert data["dateModified"] == data["datePublished"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Piper Huxley",
            "url": "http://testserver/authors/piper-huxley/",
            "jobTitle": "Staff writer",
        }
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "The Reel Edit"
    assert publisher["logo"]["url"].startswith("http://testserver/media/")
    assert data["articleSection"] == "TV"
    assert data["keywords"] == ["Heartstopper", "Netflix"]
    assert data["mainEntityOfPage"]["@id"] == article.full_url


def test_date_modified_follows_a_significant_update(client, article):
    from datetime import UTC, datetime

    article.updated_at = datetime(2024, 9, 9, 9, tzinfo=UTC)
    article.save_revision().publish()
    html = head(client, article)
    assert json_ld(html)["dateModified"].startswith("2024-09-09")
    assert meta(html, "article:modified_time").startswith("2024-09-09")


def test_spoiler_flagged_article_keeps_spoilers_out_of_metadata(client, tv):
    article = ArticlePageFactory(
        parent=tv,
        title="The Heartstopper finale, explained",
        standfirst="Nick finally tells his brother the secret",
        contains_spoilers=True,
        spoiler_free_summary="What the last episode means for season two.",
        body=[
            heading("What happens"),
            paragraph("<p>Nick comes out to David at dinner.</p>"),
            spoiler("Finale spoilers", paragraph("<p>Charlie and Nick kiss on the beach.</p>")),
        ],
    )
    html = head(client, article)
    metadata_text = " ".join(
        [tag.get("content", "") for tag in html.find_all("meta")]
        + [html.find("script", type="application/ld+json").string]
    )
    for secret in ["secret", "comes out", "kiss on the beach", "Nick finally"]:
        assert secret not in metadata_text
    assert meta(html, "description") == "What the last episode means for season two."
    assert json_ld(html)["description"] == "What the last episode means for season two."


def test_article_without_hero_gets_a_summary_card(client, tv):
    article = ArticlePageFactory(parent=tv)
    html = head(client, article)
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"
    assert "image" not in json_ld(html)


def test_feeds_are_advertised(client, article):
    feeds = head(client, article).find_all("link", rel="alternate", type="application/rss+xml")
    assert [link["href"] for link in feeds] == ["/feeds/latest/", "/feeds/sections/tv/"]
