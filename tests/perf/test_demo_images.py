"""Every page type of the demo site: images sized up front, only the hero loaded eagerly."""

import io

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction

from magazine.models import MagazineRendition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

PAGE_TYPES = [
    "magazine.HomePage",
    "magazine.SectionPage",
    "magazine.StandardPage",
    "articles.ArticlePage",
    "cast.PeopleIndexPage",
    "cast.PersonPage",
    "cast.ShowIndexPage",
    "cast.ShowPage",
    "shop.ShopIndexPage",
    "shop.BookPage",
]
# Pages whose first image is the one the reader came for.
HERO_FIRST = {"articles.ArticlePage", "cast.PersonPage", "cast.ShowPage", "shop.BookPage"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site with its renditions made, as `make run` leaves it (rolled back after)."""
    # Renditions cached by earlier tests (whose rows were rolled back) would pass
    # for made ones.
    for alias in ("default", "renditions"):
        caches[alias].clear()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        call_command("prerender_renditions", stdout=io.StringIO())
        urls = {}
        for label in PAGE_TYPES:
            # The page with the most images of its type: the fullest test of its template.
            page = apps.get_model(label).objects.live().order_by("path").first()
            urls[label] = page.url if page else None
        yield urls
        transaction.set_rollback(True)


def images(client, url):
    response = client.get(url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser")
    return main.find_all("img")


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_image_has_width_and_height(client, demo, label):
    assert demo[label], f"the demo has no {label}"
    unsized = [
        str(img)[:120]
        for img in images(client, demo[label])
        if not (img.get("width") and img.get("height"))
    ]
    assert unsized == []


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_only_the_first_image_may_load_eagerly(client, demo, label):
    found = images(client, demo[label])
    eager = [str(img)[:120] for img in found[1:] if img.get("loading") != "lazy"]
    assert eager == []


@pytest.mark.parametrize("label", sorted(HERO_FIRST))
def test_the_hero_is_fetched_first_and_never_lazily(client, demo, label):
    hero = images(client, demo[label])[0]
    assert hero.get("fetchpriority") == "high"
    assert hero.get("loading") != "lazy"


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_demo_pages_need_no_rendition_after_prerendering(client, demo, label):
    before = MagazineRendition.objects.count()
    images(client, demo[label])
    assert MagazineRendition.objects.count() == before
