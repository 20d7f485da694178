"""Section, home, tag and author listings; related articles."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.articles.factories import ArticlePageFactory, AuthorFactory
from tests.factories import ImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".teaser__title")]


def dated(n):
    return datetime(2024, 1, n, tzinfo=UTC)


def test_section_lists_live_articles_newest_first_without_drafts(client, tv):
    ArticlePageFactory(parent=tv, title="Old", first_published_at=dated(1))
    ArticlePageFactory(parent=tv, title="New", first_published_at=dated(5))
    ArticlePageFactory(parent=tv, title="Draft", first_published_at=dated(9)).unpublish()
    assert titles(client, "/entertainment/tv/") == ["New", "Old"]
    assert titles(client, "/entertainment/") == ["New", "Old"]
    assert titles(client, "/") == ["New", "Old"]


def test_private_articles_are_not_listed(client, tv):
    ArticlePageFactory(parent=tv, title="Open")
    private = ArticlePageFactory(parent=tv, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client, "/entertainment/tv/") == ["Open"]


def test_teaser_shows_image_headline_standfirst_and_date(client, tv):
    ArticlePageFactory(
        parent=tv,
        title="Season two is coming",
        standfirst="Here's everything we know.",
        hero_image=ImageFactory(),
        first_published_at=dated(3),
    )
    html = BeautifulSoup(client.get("/entertainment/tv/").content, "html.parser")
    teaser = html.select_one(".teaser")
    img = teaser.select_one(".teaser__image img")
    assert img["loading"] == "lazy" and img["width"] and img["height"] and img["srcset"]
    assert teaser.find("source", type="image/webp")
    assert teaser.select_one(".teaser__summary").get_text() == "Here's everything we know."
    assert teaser.find("time")["datetime"].startswith("2024-01-03")
    assert teaser.select_one(".teaser__label") is None


def test_listings_paginate_and_bad_page_numbers_never_error(client, tv):
    for n in range(14):
        ArticlePageFactory(
            parent=tv, title=f"Story {n}", first_published_at=dated(n + 1), tag_names=["Telly"]
        )
    assert len(titles(client, "/entertainment/tv/")) == 12
    assert titles(client, "/entertainment/tv/?page=2") == ["Story 1", "Story 0"]
    assert client.get("/entertainment/tv/?page=abc").status_code == 200
    assert client.get("/entertainment/tv/?page=99").status_code == 404
    assert client.get("/?page=zz").status_code == 200
    assert client.get("/tags/telly/?page=abc").status_code == 200
    assert client.get("/tags/telly/?page=99").status_code == 404


@pytest.mark.usefixtures("no_page_cache")
def test_section_page_count_covers_exactly_the_articles_it_lists(client, home, tv):
    """Page N of M counts live, public articles in the section and its subsections only."""
    streaming = SectionPageFactory(parent=tv, title="Streaming", slug="streaming")
    for n in range(9):
        ArticlePageFactory(parent=tv, title=f"TV {n}", first_published_at=dated(n + 2))
    for n in range(3):
        ArticlePageFactory(parent=streaming, title=f"Stream {n}", first_published_at=dated(n + 12))
    ArticlePageFactory(parent=tv, title="Draft").unpublish()
    private_section = SectionPageFactory(parent=tv, title="Members", slug="members")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    ArticlePageFactory(parent=private_section, title="Members only")
    ArticlePageFactory(parent=home, title="Elsewhere")  # outside the section

    def pagination(url):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        line = html.select_one(".pagination span")
        return line.get_text(strip=True) if line else None

    # Exactly 12 listed articles fill one page: no pagination, and no page 2.
    assert len(titles(client, "/entertainment/tv/")) == 12
    assert pagination("/entertainment/tv/") is None
    assert client.get("/entertainment/tv/?page=2").status_code == 404

    ArticlePageFactory(parent=tv, title="TV oldest", first_published_at=dated(1))
    assert pagination("/entertainment/tv/") == "Page 1 of 2"
    assert titles(client, "/entertainment/tv/?page=2") == ["TV oldest"]


def test_tag_page_lists_articles_with_the_tag(client, tv, article):
    ArticlePageFactory(parent=tv, title="Other", tag_names=["Drama"])
    html = BeautifulSoup(client.get("/tags/heartstopper/").content, "html.parser")
    assert html.find("h1").get_text() == "Heartstopper"
    assert [h.get_text(strip=True) for h in html.select(".teaser__title")] == [article.title]
    assert html.find("link", rel="canonical")["href"] == "http://testserver/tags/heartstopper/"
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_author_page_shows_bio_and_their_articles(client, tv, article, piper):
    other = AuthorFactory(slug="sam", name="Sam")
    ArticlePageFactory(parent=tv, title="Not Piper's", authors=[other])
    html = BeautifulSoup(client.get("/authors/piper-huxley/").content, "html.parser")
    assert html.find("h1").get_text() == "Piper Huxley"
    assert "Piper writes about TV." in html.get_text()
    assert [h.get_text(strip=True) for h in html.select(".teaser__title")] == [article.title]
    assert client.get("/authors/nobody/").status_code == 404


def test_related_articles_share_tags_section_or_shows_newest_first(client, home, tv, article):
    film = SectionPageFactory(parent=home, title="Film", slug="film")
    same_tag = ArticlePageFactory(
        parent=film, title="Tagged", tag_names=["Netflix"], first_published_at=dated(20)
    )
    same_section = ArticlePageFactory(parent=tv, title="Same section", first_published_at=dated(10))
    ArticlePageFactory(parent=film, title="Unrelated", first_published_at=dated(25))
    ArticlePageFactory(
        parent=film, title="Draft", tag_names=["Netflix"], first_published_at=dated(26)
    ).unpublish()

    related = article.related_articles()
    assert [a.title for a in related] == [same_tag.title, same_section.title]
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    shown = [h.get_text(strip=True) for h in html.select(".related .teaser__title")]
    assert shown == ["Tagged", "Same section"]
    assert article.title not in shown


def test_related_articles_include_shared_people_and_shows(home, tv, article):
    from cast.models import PeopleIndexPage, PersonPage, ShowIndexPage, ShowPage

    people = PeopleIndexPage(title="People", slug="people")
    home.add_child(instance=people)
    kit = PersonPage(title="Kit Connor", slug="kit-connor")
    people.add_child(instance=kit)
    shows = ShowIndexPage(title="Shows", slug="shows")
    home.add_child(instance=shows)
    show = ShowPage(title="Heartstopper", slug="heartstopper")
    shows.add_child(instance=show)
    film = SectionPageFactory(parent=home, title="Film", slug="film")
    by_person = ArticlePageFactory(parent=film, title="About Kit", first_published_at=dated(2))
    by_show = ArticlePageFactory(parent=film, title="About the show", first_published_at=dated(3))
    article.people.add(kit)
    article.shows.add(show)
    article.save()
    by_person.people.add(kit)
    by_person.save()
    by_show.shows.add(show)
    by_show.save()
    assert {a.title for a in article.related_articles()} == {"About Kit", "About the show"}


def test_restricted_articles_and_sections_still_ask_readers_to_log_in(client, home, tv):
    article = ArticlePageFactory(parent=tv, slug="members")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get(article.url).status_code == 302

    vip = SectionPageFactory(parent=home, title="VIP", slug="vip")
    inside = ArticlePageFactory(parent=vip, slug="inside")
    PageViewRestriction.objects.create(page=vip, restriction_type="login")
    assert client.get("/vip/").status_code == 302
    assert client.get(inside.url).status_code == 302
    assert client.get(tv.url).status_code == 200
