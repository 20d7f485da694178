"""The demo's reference article has the reference sheet's shape."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles.models import ArticlePage, Author

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_reference_article_has_its_sections_asides_and_spoiler(client, demo):
    article = ArticlePage.objects.get(slug="heartstopper-season-two")
    assert article.title == "Netflix's Heartstopper: here's what we know about season two"
    assert article.get_parent().slug == "tv"
    assert {t.name for t in article.tags.all()} == {
        "Heartstopper",
        "Netflix",
        "LGBTQ+",
        "Alice Oseman",
    }
    assert [a.name for a in article.authors] == ["Piper Huxley"]

    response = client.get(article.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    body = html.select_one(".article__body")
    top_h2s = [h.get_text() for h in body.find_all("h2")]
    assert top_h2s == [
        "What is Heartstopper about?",
        "Who's in Heartstopper?",
        "Will Heartstopper return for a second season?",
        "What do we want from season two?",
        "Shop: Heartstopper and Alice Oseman's other best-sellers",
    ]
    spoiler = body.find("details")
    assert spoiler.find_previous("h2").get_text() == "What do we want from season two?"
    assert [h.get_text() for h in spoiler.find_all("h3")] == [
        "Nick and Charlie",
        "Tao and Elle",
        "Isaac",
    ]
    assert len(body.select("aside.aside-note")) >= 3
    caption = html.select_one(".article__hero figcaption").get_text()
    assert "Joe Locke as Charlie" in caption and "Kit Connor as Nick Nelson" in caption
    assert "Netflix" in html.select_one(".article__hero .credit").get_text()
    assert len(html.select("nav.toc li")) == 4
    assert html.select(".related .teaser")
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["author"][0]["name"] == "Piper Huxley"


def test_demo_has_other_sections_and_writers_for_listings(client, demo):
    assert Author.objects.count() >= 2
    sections = {a.get_parent().slug for a in ArticlePage.objects.live()}
    assert {"tv", "film", "celebrity", "books"} <= sections
    for url in ["/", "/books/", "/tags/alice-oseman/", "/authors/sam-adeyemi/", "/feeds/latest/"]:
        assert client.get(url).status_code == 200
