"""The show page as a reader and a search engine see it."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from cast.models import PersonPage, ReviewScore, Season
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def get_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


@pytest.fixture
def show(heartstopper, world):
    alice = world.person("Alice Oseman")
    heartstopper.based_on = "the graphic novel series Heartstopper"
    heartstopper.source_author = alice
    heartstopper.key_image = ImageFactory(description="Nick and Charlie", credit="Netflix")
    heartstopper.save_revision().publish()
    Season.objects.create(
        show=heartstopper,
        number=1,
        status=Season.Status.RELEASED,
        release_date=datetime.date(2022, 4, 22),
    )
    Season.objects.create(show=heartstopper, number=2, status=Season.Status.IN_PRODUCTION)
    ReviewScore.objects.create(
        show=heartstopper,
        source="Rotten Tomatoes",
        score="100%",
        season=1,
        checked_on=datetime.date(2022, 5, 20),
    )
    heartstopper.alice = alice
    return heartstopper


def test_show_page_shows_network_source_and_author_link(client, show):
    soup = get_soup(client, show)
    assert soup.find("h1").get_text(strip=True) == "Heartstopper"
    assert len(soup.find_all("h1")) == 1
    assert "Netflix" in soup.select_one(".profile__kicker").get_text()
    lead = soup.select_one(".profile__lead")
    assert "Based on the graphic novel series Heartstopper by Alice Oseman" in lead.get_text()
    assert lead.find("a")["href"] == show.alice.url
    assert "grammar school" in soup.find(id="synopsis-heading").find_parent("section").get_text()


def test_show_page_lists_seasons_with_status_and_release_date(client, show):
    facts = get_soup(client, show).select_one(".fact-list")
    rows = [" ".join(item.get_text(" ", strip=True).split()) for item in facts.select("div")]
    assert rows == ["Season 1 Released : 22 April 2022", "Season 2 In production"]
    assert facts.find("time")["datetime"] == "2022-04-22"


def test_show_page_gives_review_scores_with_source_and_date(client, show):
    score = get_soup(client, show).select_one(".score")
    text = " ".join(score.get_text(" ", strip=True).split())
    assert text == "100% Rotten Tomatoes, season 1 as of 20 May 2022"


def test_show_page_groups_cast_into_returning_and_joining(client, show):
    soup = get_soup(client, show)
    cast = soup.find(id="cast-heading").find_parent("section")
    headings = [h.get_text(strip=True) for h in cast.find_all("h3")]
    assert headings == ["Season 1", "Returning for season 2", "Joining in season 2"]

    joining = soup.find(id="cast-joining-2").find_parent("section")
    pairs = [
        (li.select_one(".cast-member__name").get_text(), li.select_one(".cast-member__as").text)
        for li in joining.select("li.cast-member")
    ]
    assert [name for name, _ in pairs] == ["Leila Khan", "Bradley Riches", "Jack Barton"]
    assert "James McEwan" in pairs[1][1]

    returning = cast.select_one(".cast-returning").get_text(" ", strip=True)
    assert "Kit Connor (Nick Nelson)" in returning
    assert "Bradley Riches" not in returning


def test_cast_photos_are_lazy_with_explicit_size_and_link_to_profiles(client, show):
    soup = get_soup(client, show)
    member = soup.select_one("li.cast-member")
    img = member.find("img")
    assert img["loading"] == "lazy"
    assert (img["width"], img["height"]) == ("96", "96")
    assert member.find("a")["href"] == show.cast_people["Kit Connor"].url


def test_key_image_comes_in_phone_and_desktop_sizes_as_webp_and_jpeg(client, show):
    show.key_image = ImageFactory(
        description="Nick and Charlie", credit="Netflix", file__width=1600, file__height=900
    )
    show.save_revision().publish()
    figure = get_soup(client, show).select_one("figure.profile__key-image")
    img = figure.find("img")
    assert img["alt"] == "Nick and Charlie"
    assert img["fetchpriority"] == "high"
    assert (img["width"], img["height"]) == ("640", "360")
    assert [w.split()[-1] for w in img["srcset"].split(", ")] == ["640w", "1200w"]
    webp = figure.find("source", type="image/webp")
    assert [w.split()[-1] for w in webp["srcset"].split(", ")] == ["640w", "1200w"]
    assert "100vw" in webp["sizes"]
    assert "Image: Netflix" in figure.figcaption.get_text()


def test_show_json_ld_is_a_tv_series_with_seasons_and_performance_roles(client, show):
    echo = show.cast_people["Guest Star"]
    echo.kind = PersonPage.Kind.ANIMAL
    echo.save()
    (data,) = json_ld(get_soup(client, show))
    assert data["@type"] == "TVSeries"
    assert data["name"] == "Heartstopper"
    assert data["url"] == show.full_url
    assert data["image"].startswith("http")
    assert data["isBasedOn"]["author"] == {
        "@type": "Person",
        "name": "Alice Oseman",
        "url": show.alice.full_url,
    }
    assert data["containsSeason"] == [
        {"@type": "TVSeason", "seasonNumber": 1, "name": "Season 1", "datePublished": "2022-04-22"},
        {"@type": "TVSeason", "seasonNumber": 2, "name": "Season 2"},
    ]
    actors = {a["actor"]["name"]: a for a in data["actor"]}
    assert len(data["actor"]) == 7
    assert actors["Kit Connor"] == {
        "@type": "PerformanceRole",
        "actor": {
            "@type": "Person",
            "name": "Kit Connor",
            "url": show.cast_people["Kit Connor"].full_url,
        },
        "characterName": "Nick Nelson",
    }
    assert actors["Bradley Riches"]["characterName"] == "James McEwan"
    # An animal performer is never claimed to be a Person.
    assert actors["Guest Star"]["actor"]["@type"] != "Person"


def test_show_meta_description_falls_back_to_the_synopsis(client, show):
    soup = get_soup(client, show)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == "Two boys at a British grammar school fall for each other."


def test_shows_index_lists_live_shows_a_to_z(client, world):
    world.show("Young Royals")
    world.show("Heartstopper")
    world.show("Draft show").unpublish()
    response = client.get(world.show_index.url)
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text() for a in soup.select(".teaser__title a")]
    assert titles == ["Heartstopper", "Young Royals"]


def test_people_index_is_paginated_a_to_z(client, world, monkeypatch):
    from cast.models import PeopleIndexPage

    for name in ["Zed Zee", "Amy Ant", "Kit Connor"]:
        world.person(name)
    monkeypatch.setattr(PeopleIndexPage, "per_page", 2)

    first = BeautifulSoup(client.get(world.people_index.url).content, "html.parser")
    second = BeautifulSoup(client.get(world.people_index.url + "?page=2").content, "html.parser")
    assert [a.get_text() for a in first.select(".person-card__name")] == ["Amy Ant", "Kit Connor"]
    assert [a.get_text() for a in second.select(".person-card__name")] == ["Zed Zee"]
    assert first.select_one("a[rel=next]")["href"] == "?page=2"
    assert client.get(world.people_index.url + "?page=9").status_code == 404
