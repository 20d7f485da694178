"""The demo shop: three retailers and Alice Oseman's eight books, built once."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from magazine.demo import site as site_demo
from shop import demo as shop_demo
from shop.links import validate_offer_url
from shop.models import AffiliateSettings, BookPage, Offer, Retailer
from tests.shop.factories import PeopleIndexPageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db

ISBNS = [
    "9781444951387",
    "9781444951400",
    "9781444952773",
    "9781444957648",
    "9780008244125",
    "9780007559220",
    "9780007559244",
    "9780008244101",
]


@pytest.fixture
def context():
    return site_demo.build()


def test_demo_builds_retailers_shop_and_eight_books_with_offers(client, context):
    result = shop_demo.build(**context)

    assert [r.name for r in result["retailers"]] == ["Amazon UK", "Waterstones", "Bookshop.org"]
    assert [r.domain_list for r in result["retailers"]] == [
        ["www.amazon.co.uk"],
        ["www.waterstones.com"],
        ["uk.bookshop.org"],
    ]
    assert result["shop_index"].url == "/shop/"
    books = result["books"]
    assert [b.isbn13 for b in books] == ISBNS
    assert [b.title for b in books][:5] == [
        "Heartstopper Volume 1",
        "Heartstopper Volume 2",
        "Heartstopper Volume 3",
        "Heartstopper Volume 4",
        "Loveless",
    ]
    for book in books:
        assert book.live and book.cover.width < book.cover.height
        assert [a.display_name for a in book.book_authors.all()] == ["Alice Oseman"]
        offers = list(book.offers.select_related("retailer"))
        assert sorted(o.retailer.name for o in offers) == sorted(
            r.name for r in result["retailers"]
        )
        for offer in offers:
            validate_offer_url(offer.url, offer.retailer.domain_list)
            assert offer.currency == "GBP" and offer.price_is_example and offer.price_is_current

    settings = AffiliateSettings.for_site(context["site"])
    assert settings.trust_page_id == context["trust"].pk
    assert "commission" in settings.disclosure_text
    assert "never influences which products we choose" in settings.disclosure_text

    page = BeautifulSoup(client.get("/shop/heartstopper-volume-1/").content, "html.parser")
    assert page.select_one("[data-affiliate-disclosure] a")["href"] == context["trust"].url
    assert len(page.select(".offer__example")) == 3


def test_demo_links_authors_to_the_person_profile_when_there_is_one(context):
    people = PeopleIndexPageFactory(parent=context["home"])
    oseman = PersonPageFactory(parent=people, title="Alice Oseman", slug="alice-oseman")
    result = shop_demo.build(**context, people={"alice-oseman": oseman})
    assert all(b.book_authors.get().person_id == oseman.pk for b in result["books"])


def test_demo_is_idempotent_and_keeps_checked_times(context):
    shop_demo.build(**context)
    before = {
        "books": BookPage.objects.count(),
        "offers": Offer.objects.count(),
        "retailers": Retailer.objects.count(),
        "checked": sorted(Offer.objects.values_list("pk", "price_checked_at")),
    }
    result = shop_demo.build(**context)
    after = {
        "books": BookPage.objects.count(),
        "offers": Offer.objects.count(),
        "retailers": Retailer.objects.count(),
        "checked": sorted(Offer.objects.values_list("pk", "price_checked_at")),
    }
    assert after == before
    assert (before["books"], before["offers"], before["retailers"]) == (8, 24, 3)
    assert [b.isbn13 for b in result["books"]] == ISBNS


def test_a_later_demo_run_refreshes_stale_example_prices_only(context):
    shop_demo.build(**context)
    long_ago = timezone.now() - timedelta(days=3)
    Offer.objects.update(price_checked_at=long_ago)
    real = Offer.objects.first()
    Offer.objects.filter(pk=real.pk).update(price_is_example=False)

    shop_demo.build(**context)

    assert Offer.objects.get(pk=real.pk).price_checked_at == long_ago
    refreshed = Offer.objects.exclude(pk=real.pk)
    assert all(o.price_is_current for o in refreshed)
