import pytest

from tests.cast.factories import CastWorld


@pytest.fixture
def world(home):
    return CastWorld(home)


@pytest.fixture
def heartstopper(world):
    """A show with two seasons of cast: ten-ish from season one, newcomers in two."""
    from tests.cast.factories import add_role

    show = world.show("Heartstopper")
    people = {
        name: world.person(name)
        for name in [
            "Kit Connor",
            "Joe Locke",
            "Olivia Colman",
            "Bradley Riches",
            "Jack Barton",
            "Leila Khan",
            "Guest Star",
        ]
    }
    add_role(show, people["Kit Connor"], "Nick Nelson")
    add_role(show, people["Joe Locke"], "Charlie Spring")
    add_role(show, people["Olivia Colman"], "Sarah Nelson", billing="recurring")
    add_role(show, people["Guest Star"], "Rugby coach", last_season=1, billing="guest")
    add_role(show, people["Bradley Riches"], "Uncredited part", last_season=1, billing="guest")
    add_role(show, people["Leila Khan"], "Sahar Zahid", first_season=2)
    add_role(show, people["Jack Barton"], "David Nelson", first_season=2, billing="recurring")
    add_role(show, people["Bradley Riches"], "James McEwan", first_season=2)
    show.cast_people = people
    return show
