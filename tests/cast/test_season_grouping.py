"""Who is returning cast and who is joining, season by season."""

import pytest
from django.core.exceptions import ValidationError

from cast.models import Role, ShowPage

pytestmark = pytest.mark.django_db


def names(members):
    return [(m.person.title, m.role.character_name) for m in members]


def fresh(show):
    return ShowPage.objects.get(pk=show.pk)


def test_season_one_cast_is_everyone_who_started_in_it(heartstopper):
    season_one = fresh(heartstopper).cast_by_season()[0]
    assert season_one.number == 1
    assert season_one.returning == []
    assert names(season_one.joining) == [
        ("Kit Connor", "Nick Nelson"),
        ("Joe Locke", "Charlie Spring"),
        ("Olivia Colman", "Sarah Nelson"),
        ("Guest Star", "Rugby coach"),
        ("Bradley Riches", "Uncredited part"),
    ]


def test_season_two_splits_returning_cast_from_newcomers(heartstopper):
    season_two = fresh(heartstopper).cast_by_season()[1]
    assert season_two.number == 2
    assert names(season_two.returning) == [
        ("Kit Connor", "Nick Nelson"),
        ("Joe Locke", "Charlie Spring"),
        ("Olivia Colman", "Sarah Nelson"),
    ]
    # A role that ended in season one doesn't return; main billing comes first.
    assert names(season_two.joining) == [
        ("Leila Khan", "Sahar Zahid"),
        ("Bradley Riches", "James McEwan"),
        ("Jack Barton", "David Nelson"),
    ]


def test_person_with_earlier_small_role_is_listed_once_under_the_named_role(heartstopper):
    show = fresh(heartstopper)
    whole = names(show.whole_cast())
    assert [name for name, _ in whole].count("Bradley Riches") == 1
    assert ("Bradley Riches", "James McEwan") in whole

    bradley = next(m for m in show.whole_cast() if m.person.title == "Bradley Riches")
    assert [r.character_name for r in bradley.other_roles] == ["Uncredited part"]


def test_concurrent_roles_of_one_person_count_once_per_season(world):
    from tests.cast.factories import add_role

    show = world.show("Doctor Who")
    actor = world.person("Jenna Coleman")
    add_role(show, actor, "Clara's echo", billing="guest")
    add_role(show, actor, "Clara Oswald", first_season=2)

    season_two = fresh(show).cast_by_season()[1]
    assert names(season_two.members) == [("Jenna Coleman", "Clara Oswald")]
    assert names(season_two.joining) == [("Jenna Coleman", "Clara Oswald")]


def test_renewed_season_without_cast_news_is_not_listed(heartstopper):
    from cast.models import Season

    Season.objects.create(show=heartstopper, number=3, status=Season.Status.RENEWED)
    assert [s.number for s in fresh(heartstopper).cast_by_season()] == [1, 2]


def test_select_cast_for_whole_show_season_and_newcomers(heartstopper):
    show = fresh(heartstopper)
    assert len(show.select_cast()) == 7  # seven people, Bradley once
    assert names(show.select_cast(2, joining_only=True)) == [
        ("Leila Khan", "Sahar Zahid"),
        ("Bradley Riches", "James McEwan"),
        ("Jack Barton", "David Nelson"),
    ]
    assert len(show.select_cast(2)) == 6


def test_role_whose_last_season_is_before_its_first_is_refused(heartstopper):
    role = Role(
        show=heartstopper,
        person=heartstopper.cast_people["Kit Connor"],
        character_name="Nick Nelson",
        first_season=3,
        last_season=2,
    )
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert error.value.message_dict["last_season"] == [
        "The last season can't be before the first season."
    ]
