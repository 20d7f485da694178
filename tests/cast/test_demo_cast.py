"""The demo cast: Heartstopper, its fourteen people and Alice Oseman."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from cast.models import PersonPage, Role, ShowPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return ShowPage.objects.get(slug="heartstopper")


def test_demo_show_has_its_seasons_score_and_source(demo):
    assert demo.url == "/shows/heartstopper/"
    assert demo.network == "Netflix"
    assert demo.source_author.title == "Alice Oseman"
    seasons = {s.number: s for s in demo.seasons.all()}
    assert seasons[1].status == "released" and seasons[1].release_date.isoformat() == "2022-04-22"
    assert seasons[2].status in {"renewed", "in_production"}
    (score,) = demo.review_scores.all()
    assert (score.source, score.score, score.season) == ("Rotten Tomatoes", "100%", 1)
    assert score.checked_on is not None


def test_demo_cast_matches_the_reference_sheet(demo):
    whole = {m.person.title: m.role.character_name for m in demo.whole_cast()}
    assert len(whole) == 14
    assert whole["Kit Connor"] == "Nick Nelson"
    assert whole["Echo"] == "Nellie"
    assert whole["Bradley Riches"] == "James McEwan"
    season_two = demo.cast_by_season()[1]
    assert sorted(m.person.title for m in season_two.joining) == [
        "Bradley Riches",
        "Jack Barton",
        "Leila Khan",
        "Nima Taleghani",
    ]
    assert len(season_two.returning) == 10
    assert Role.objects.get(character_name="Sarah Nelson").character_note == "Nick's mum"
    assert PersonPage.objects.get(slug="echo").kind == PersonPage.Kind.ANIMAL
    assert PersonPage.objects.get(slug="alice-oseman").live


def test_demo_profiles_render(client, demo):
    for url in ["/people/", "/shows/", demo.url, "/people/kit-connor/", "/people/echo/"]:
        assert client.get(url).status_code == 200, url
    kit = BeautifulSoup(client.get("/people/kit-connor/").content, "html.parser")
    assert "as Nick Nelson" in kit.select_one(".role-list__item").get_text()
    assert "Rocketman" in kit.find(id="known-for-heading").find_parent("section").get_text()


def test_demo_builder_returns_what_later_builders_use(demo):
    from cast import demo as cast_demo
    from magazine.demo import site

    context = site.build()
    result = cast_demo.build(**context)
    assert result["show"] == demo
    assert result["people"]["alice-oseman"].title == "Alice Oseman"
    assert len(result["people"]) == 15
    assert result["people_index"].url == "/people/"
    assert result["show_index"].url == "/shows/"
