"""Readers' pages are routed in one query, to the page Wagtail's own routing would find.

The fast path (magazine.routing) rests on every page's address being its slugs'
path, which holds while no page type routes, serves or builds its URL its own way;
the system check fails the moment one does.
"""

import pytest
from django.core import checks
from django.test import RequestFactory
from wagtail.models import Page, get_page_models

from magazine.checks import ROUTING_METHODS, routing_problems
from magazine.routing import route_by_address
from tests.articles.factories import ArticlePageFactory
from tests.cast.factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    ShowIndexPageFactory,
    ShowPageFactory,
)
from tests.factories import SectionPageFactory, StandardPageFactory
from tests.shop.factories import BookPageFactory, ShopIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(home):
    tv = SectionPageFactory(parent=home, slug="tv")
    drama = SectionPageFactory(parent=tv, slug="drama")
    people = PeopleIndexPageFactory(parent=home)
    shows = ShowIndexPageFactory(parent=home)
    shop = ShopIndexPageFactory(parent=home)
    about = StandardPageFactory(parent=home, slug="about")
    return [
        tv,
        drama,
        ArticlePageFactory(parent=tv, slug="news"),
        ArticlePageFactory(parent=drama, slug="review"),
        people,
        PersonPageFactory(parent=people, slug="kit-connor"),
        shows,
        ShowPageFactory(parent=shows, slug="heartstopper"),
        shop,
        BookPageFactory(parent=shop, slug="heartstopper-volume-one"),
        about,
        StandardPageFactory(parent=about, slug="team"),
    ]


def wagtails_own_route(home, components):
    request = RequestFactory().get("/")
    return Page.route(home, request, components).page


def test_every_page_type_is_found_where_wagtails_routing_finds_it(home, one_of_each):
    for page in one_of_each:
        components = [c for c in page.url[1:].split("/") if c]

        found, parent = route_by_address(home, components)

        assert found == wagtails_own_route(home, components), page.url
        assert type(found) is page.specific_class
        assert parent.pk == page.get_parent().pk
        assert found._restricted is False


def test_every_address_is_its_ancestors_slugs(home, one_of_each):
    for page in one_of_each:
        slugs = [p.slug for p in page.get_ancestors().filter(depth__gt=home.depth)]
        assert page.url == "/" + "".join(f"{slug}/" for slug in [*slugs, page.slug])


def test_a_private_page_says_so_while_being_routed(home, one_of_each):
    from wagtail.models import PageViewRestriction

    tv = one_of_each[0]
    PageViewRestriction.objects.create(page=tv, restriction_type="login")

    found, _parent = route_by_address(home, ["tv", "drama", "review"])

    assert found._restricted is True


def test_an_unknown_address_is_left_to_wagtail(home, one_of_each):
    assert route_by_address(home, ["tv", "no-such-story"]) == (None, None)


def test_articles_come_with_their_hero_in_the_routing_query(
    home, one_of_each, django_assert_num_queries
):
    with django_assert_num_queries(1):
        article, _parent = route_by_address(home, ["tv", "news"])
        assert article.hero_image is None or article.hero_image.pk


def test_the_sites_page_types_leave_routing_to_wagtail():
    assert routing_problems(get_page_models()) == []
    assert not [e for e in checks.run_checks() if e.id == "magazine.E001"]


@pytest.mark.parametrize("method", ROUTING_METHODS)
def test_a_page_type_with_routing_of_its_own_fails_the_check(method):
    class Meta:
        label = "cast.ShowPage"

    def own(self, *args, **kwargs):
        return None

    page_type = type("OwnRouting", (), {"_meta": Meta, method: own})
    for other in ROUTING_METHODS:
        if other != method:
            setattr(page_type, other, getattr(Page, other))

    problems = routing_problems([page_type])

    assert [p.id for p in problems] == ["magazine.E001"]
    assert method in problems[0].msg
