"""Renditions are made when a page is published, so no reader ever waits for one."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from magazine.models import MagazineRendition
from shop.models import ShopIndexPage
from tests.articles.factories import AuthorFactory, image_block, spoiler
from tests.cast.factories import CastWorld, add_role, cast_block
from tests.factories import ImageFactory
from tests.shop.factories import RetailerFactory, make_book


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def render_without_new_renditions(client, url):
    """The page as an anonymous reader gets it; fails if a rendition is made meanwhile."""
    before = MagazineRendition.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    inserts = [
        q["sql"] for q in queries if q["sql"].startswith("INSERT") and "rendition" in q["sql"]
    ]
    assert inserts == [], f"{url} made renditions while a reader waited"
    assert MagazineRendition.objects.count() == before
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def published(home, settings):
    """A person, a show, a book and two articles, each published as an editor would."""
    from magazine.models import SiteSettings

    settings.PAGE_CACHE_ENABLED = False  # every view renders, or it could not make renditions
    brand = SiteSettings.for_site(home.get_site())
    brand.logo = ImageFactory(title="Logo")
    brand.save()
    world = CastWorld(home)
    shop = ShopIndexPage(title="Shop", slug="shop")
    home.add_child(instance=shop)
    kit = publish(world.person("Kit Connor", photo=ImageFactory()))
    joe = publish(world.person("Joe Locke", photo=ImageFactory()))
    show = world.show("Heartstopper", key_image=ImageFactory())
    add_role(show, kit, "Nick Nelson")
    add_role(show, joe, "Charlie Spring")
    show = publish(show)
    book = publish(make_book(shop, retailers=[RetailerFactory()], title="Heartstopper Volume 1"))
    author = AuthorFactory(photo=ImageFactory())
    older = world.article(title="Season one recap", hero_image=ImageFactory())
    older.article_authors.create(author=author)
    older = publish(older)
    article = world.article(
        title="Heartstopper season two",
        hero_image=ImageFactory(),
        body=[
            image_block(),
            spoiler("Spoilers", image_block()),
            cast_block(show),
            {"type": "shop", "value": {"title": "Shop the books", "books": [book.pk]}},
        ],
    )
    article.article_authors.create(author=author)
    article = publish(article)
    return {"article": article, "older": older, "person": kit, "show": show, "book": book}


@pytest.mark.parametrize("kind", ["article", "person", "show", "book"])
def test_a_published_page_has_every_rendition_it_shows(client, published, kind):
    page = published[kind]
    soup = render_without_new_renditions(client, page.url)
    assert soup.find("img")  # the page does show images


def test_listings_of_published_pages_need_no_new_renditions(client, published):
    for url in ["/", "/tv/", "/people/", "/shows/", "/shop/", "/search/?q=heartstopper"]:
        render_without_new_renditions(client, url)


def test_publishing_an_article_makes_its_hero_teaser_and_share_images(published):
    hero = published["article"].hero_image
    specs = set(hero.renditions.values_list("filter_spec", flat=True))
    assert {
        "fill-1200x630",  # social
        "fill-1200x675",  # JSON-LD 16:9
        "fill-1200x900",
        "fill-1200x1200",
        "format-webp|width-640",  # hero
        "format-jpeg|width-1600",
        "format-webp|fill-400x225",  # teaser
        "format-jpeg|fill-800x450",
    } <= specs


def test_prerender_renditions_makes_what_bulk_loaded_pages_lack(client, published):
    MagazineRendition.objects.all().delete()
    call_command("prerender_renditions", stdout=open("/dev/null", "w"))
    made = MagazineRendition.objects.count()
    assert made > 0
    for page in published.values():
        render_without_new_renditions(client, page.url)
    # Running it again changes nothing.
    call_command("prerender_renditions", stdout=open("/dev/null", "w"))
    assert MagazineRendition.objects.count() == made


def test_a_missing_image_file_does_not_stop_publishing(home, caplog):
    world = CastWorld(home)
    image = ImageFactory()
    image.file.storage.delete(image.file.name)
    article = world.article(title="No file", hero_image=image)
    article.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).live
