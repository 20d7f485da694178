"""The cast rundown block in an article body."""

import pytest
from bs4 import BeautifulSoup

from articles.blocks import ArticleBodyBlock, CastRundownBlock

pytestmark = pytest.mark.django_db


def render(show_or_id, season=None, joining_only=False, heading=""):
    block = CastRundownBlock()
    value = block.to_python(
        {
            "show": getattr(show_or_id, "pk", show_or_id),
            "season": season,
            "joining_only": joining_only,
            "heading": heading,
        }
    )
    return BeautifulSoup(block.render(value), "html.parser")


def pairs(soup):
    return [
        (
            li.select_one(".cast-member__name").get_text(),
            li.select_one(".cast-member__as").get_text(" ", strip=True),
        )
        for li in soup.select("li.cast-member")
    ]


def test_whole_show_lists_every_actor_once_with_their_character(heartstopper):
    soup = render(heartstopper, heading="Who's in Heartstopper?")
    assert soup.find("h3").get_text() == "Who's in Heartstopper?"
    result = pairs(soup)
    assert ("Kit Connor", "as → Nick Nelson") in result
    assert [name for name, _ in result].count("Bradley Riches") == 1
    assert ("Bradley Riches", "as → James McEwan") in result


def test_one_season_lists_its_whole_cast(heartstopper):
    names = [name for name, _ in pairs(render(heartstopper, season=2))]
    assert names == [
        "Kit Connor",
        "Joe Locke",
        "Olivia Colman",
        "Leila Khan",
        "Bradley Riches",
        "Jack Barton",
    ]


def test_joining_only_lists_the_newcomers_of_that_season(heartstopper):
    soup = render(heartstopper, season=2, joining_only=True)
    assert [name for name, _ in pairs(soup)] == ["Leila Khan", "Bradley Riches", "Jack Barton"]
    # Without a heading the list is still named for screen readers.
    assert soup.find("section")["aria-label"] == "Joining Heartstopper in season 2"


def test_actors_link_to_their_profiles_with_lazy_sized_photos(heartstopper):
    soup = render(heartstopper, season=1)
    first = soup.select_one("li.cast-member")
    assert first.find("a")["href"] == heartstopper.cast_people["Kit Connor"].url
    img = first.find("img")
    assert img["loading"] == "lazy" and img["width"] == "96" and img["height"] == "96"


def test_unpublished_person_is_named_without_a_dead_link(heartstopper):
    heartstopper.cast_people["Kit Connor"].unpublish()
    first = render(heartstopper, season=1).select_one("li.cast-member")
    assert first.select_one(".cast-member__name").get_text() == "Kit Connor"
    assert first.find("a") is None


def test_block_pointing_at_an_unpublished_show_renders_nothing(heartstopper):
    heartstopper.unpublish()
    assert str(render(heartstopper)).strip() == ""


def test_block_pointing_at_a_deleted_show_renders_nothing(heartstopper):
    show_id = heartstopper.pk
    heartstopper.delete()
    assert str(render(show_id)).strip() == ""


def test_block_inside_an_article_body_renders_through_the_stream(heartstopper):
    body = ArticleBodyBlock()
    value = body.to_python(
        [
            {
                "type": "cast_rundown",
                "value": {"show": heartstopper.pk, "season": 2, "joining_only": True},
            }
        ]
    )
    soup = BeautifulSoup(body.render(value), "html.parser")
    assert [name for name, _ in pairs(soup)] == ["Leila Khan", "Bradley Riches", "Jack Barton"]


def test_joining_only_without_a_season_is_refused_with_a_clear_message(heartstopper):
    from wagtail.blocks import StructBlockValidationError

    block = CastRundownBlock()
    value = block.to_python({"show": heartstopper.pk, "season": None, "joining_only": True})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Choose the season" in str(error.value.block_errors["season"])


def test_admin_preview_value_renders_a_live_show(heartstopper):
    block = CastRundownBlock()
    soup = BeautifulSoup(block.render(block.get_preview_value()), "html.parser")
    assert pairs(soup)
