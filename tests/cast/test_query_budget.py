"""Pages and blocks with long casts cost the same number of queries as short ones."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.blocks import CastRundownBlock
from tests.cast.factories import add_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def show_with_cast(world, size, title):
    show = world.show(title)
    for n in range(size):
        add_role(
            show,
            world.person(f"{title} actor {n}"),
            f"Character {n}",
            first_season=1 + n % 3,
            billing=["main", "recurring", "guest"][n % 3],
        )
    return show


def count_queries(action):
    action()  # the first run draws the renditions
    caches["renditions"].clear()  # so the measured run has to find them itself
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def test_show_page_queries_do_not_grow_with_its_cast(client, world):
    small = show_with_cast(world, 3, "Small")
    large = show_with_cast(world, 30, "Large")

    def render(show):
        return lambda: client.get(show.url)

    small_count = count_queries(render(small))
    large_count = count_queries(render(large))
    print(f"show page queries: 3 roles={small_count}, 30 roles={large_count}")
    assert small_count == large_count
    assert large_count <= 20


def test_cast_block_queries_do_not_grow_with_its_cast(world):
    small = show_with_cast(world, 3, "Small")
    large = show_with_cast(world, 15, "Large")
    block = CastRundownBlock()

    def render(show):
        # As the article body does: the stored value is turned into a page, then rendered.
        return lambda: block.render(block.to_python({"show": show.pk, "season": None}))

    small_count = count_queries(render(small))
    large_count = count_queries(render(large))
    print(f"cast block queries: 3 people={small_count}, 15 people={large_count}")
    assert small_count == large_count
    assert large_count <= 4


def test_person_page_queries_do_not_grow_with_their_articles(client, world):
    from tests.cast.factories import page_link, paragraph

    show = show_with_cast(world, 2, "Show")
    few, many = (role.person for role in show.roles.all())
    world.article(body=[paragraph(f"<p>{page_link(few)}</p>")])
    for _ in range(8):
        world.article(body=[paragraph(f"<p>{page_link(many)}</p>")])

    assert count_queries(lambda: client.get(few.url)) == count_queries(lambda: client.get(many.url))


def test_index_page_queries_do_not_grow_with_the_number_of_people(client, world):
    for n in range(3):
        world.person(f"Person {n}")
    small_count = count_queries(lambda: client.get(world.people_index.url))
    for n in range(3, 30):
        world.person(f"Person {n}")
    large_count = count_queries(lambda: client.get(world.people_index.url))
    assert small_count == large_count


def test_shows_index_queries_do_not_grow_with_the_number_of_shows(client, world):
    from tests.factories import ImageFactory

    for n in range(2):
        world.show(f"Show {n}", key_image=ImageFactory())
    small_count = count_queries(lambda: client.get(world.show_index.url))
    for n in range(2, 12):
        world.show(f"Show {n}", key_image=ImageFactory())
    large_count = count_queries(lambda: client.get(world.show_index.url))
    assert small_count == large_count
