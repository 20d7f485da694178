"""The shop index and book pages as readers and search engines see them."""

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from shop.models import BookAuthor
from tests.factories import SectionPageFactory
from tests.shop.factories import (
    ArticlePageFactory,
    OfferFactory,
    PeopleIndexPageFactory,
    PersonPageFactory,
    make_book,
    shop_body,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [a.get_text() for a in page.select(".book-card__title a")]


@pytest.fixture
def oseman(home):
    people = PeopleIndexPageFactory(parent=home)
    return PersonPageFactory(parent=people, title="Alice Oseman", slug="alice-oseman")


@pytest.fixture
def catalogue(shop, retailers, oseman):
    make_book(shop, title="Heartstopper Volume 2", series="Heartstopper", volume=2, person=oseman)
    make_book(shop, title="Heartstopper Volume 1", series="Heartstopper", volume=1, person=oseman)
    make_book(shop, title="Loveless", person=oseman, retailers=retailers)
    make_book(shop, title="Another Story", author="Jane Writer", series="Stories")
    make_book(shop, title="Draft Book", person=oseman, live=False)


def test_shop_index_lists_live_books_a_to_z(client, shop, catalogue):
    page = soup(client.get("/shop/"))
    assert page.find("h1").get_text() == "Shop"
    assert titles(page) == [
        "Another Story",
        "Heartstopper Volume 1",
        "Heartstopper Volume 2",
        "Loveless",
    ]


def test_shop_index_filters_by_author(client, shop, catalogue):
    assert titles(soup(client.get("/shop/", {"author": "alice-oseman"}))) == [
        "Heartstopper Volume 1",
        "Heartstopper Volume 2",
        "Loveless",
    ]
    assert titles(soup(client.get("/shop/", {"author": "jane-writer"}))) == ["Another Story"]


def test_shop_index_filters_by_series(client, shop, catalogue):
    page = soup(client.get("/shop/", {"series": "Heartstopper"}))
    assert titles(page) == ["Heartstopper Volume 1", "Heartstopper Volume 2"]
    options = [o.get_text() for o in page.select("select[name=series] option")]
    assert options == ["All series", "Heartstopper", "Stories"]
    assert page.select_one("select[name=series] option[selected]")["value"] == "Heartstopper"


@pytest.mark.parametrize(
    "query",
    [{"author": "nobody"}, {"series": "<script>alert(1)</script>"}, {"author": ["a", "b"]}],
)
def test_unknown_filter_values_show_every_book_with_a_notice(client, shop, catalogue, query):
    response = client.get("/shop/", query)
    page = soup(response)
    assert len(titles(page)) == 4
    assert "couldn't use that filter" in page.select_one(".shop-filters__notice").get_text()
    assert b"<script>alert(1)</script>" not in response.content


def test_shop_index_paginates_and_keeps_filters(client, shop, oseman):
    for n in range(14):
        make_book(shop, title=f"Book {n:02d}", series="Long", person=oseman)
    make_book(shop, title="Elsewhere", author="Someone Else")
    first = soup(client.get("/shop/", {"series": "Long"}))
    assert len(titles(first)) == 12
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?page=2&series=Long"
    second = soup(client.get("/shop/" + next_link))
    assert titles(second) == ["Book 12", "Book 13"]
    assert second.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert client.get("/shop/", {"page": 9}).status_code == 404


def test_shop_index_query_count_does_not_grow_with_books(
    client, shop, retailers, oseman, no_page_cache
):
    def measure():
        client.get("/shop/")  # renditions are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/shop/").status_code == 200
        return len(queries)

    make_book(shop, title="Book 0", person=oseman, retailers=retailers)
    one = measure()
    for n in range(1, 10):
        make_book(shop, title=f"Book {n}", person=oseman, retailers=retailers)
    assert measure() == one


def test_book_page_shows_every_offer_details_and_authors(client, shop, retailers, oseman):
    book = make_book(
        shop,
        title="Heartstopper Volume 1",
        series="Heartstopper",
        volume=1,
        person=oseman,
        isbn13="9781444951387",
        publisher="Hodder Children's Books",
        book_format="graphic-novel",
        blurb="Charlie meets Nick.",
        retailers=reversed(retailers),
    )
    page = soup(client.get(book.url))
    assert page.find("h1").get_text() == "Heartstopper Volume 1"
    assert len(page.find_all("h1")) == 1
    assert page.select_one(".book__authors a")["href"] == oseman.url
    assert page.select_one(".book__series").get_text() == "Heartstopper, volume 1"
    buttons = page.select(".book__offers a.offer__button")
    assert [b.get_text() for b in buttons] == [
        "Buy at Amazon UK",
        "Buy at Waterstones",
        "Buy at Bookshop.org",
    ]
    assert all(b["rel"] == ["sponsored", "nofollow", "noopener"] for b in buttons)
    details = page.select_one(".book__details").get_text(" ", strip=True)
    assert "9781444951387" in details and "Graphic novel (paperback)" in details
    assert page.find("meta", attrs={"name": "description"})["content"] == "Charlie meets Nick."


def test_book_page_lists_live_public_articles_featuring_it_newest_first(client, home, shop):
    book = make_book(shop, title="Loveless")
    section = SectionPageFactory(parent=home, title="Books", slug="books")
    older = ArticlePageFactory(
        parent=section,
        title="Older",
        body=shop_body(book),
        first_published_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    ArticlePageFactory(
        parent=section,
        title="Newer",
        body=shop_body(book),
        first_published_at=datetime(2024, 6, 1, tzinfo=UTC),
    )
    draft = ArticlePageFactory(parent=section, title="Draft", body=shop_body(book))
    draft.unpublish()
    private = ArticlePageFactory(parent=section, title="Private", body=shop_body(book))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    ArticlePageFactory(parent=section, title="Unrelated", body=[])

    page = soup(client.get(book.url))
    featured = page.select_one(".book__featured")
    assert featured.find("h2").get_text() == "Featured in"
    assert [a.get_text() for a in featured.select(".teaser__title a")] == ["Newer", "Older"]
    assert featured.select_one(".teaser__title a")["href"].startswith("/books/")
    assert older.url in [a["href"] for a in featured.select(".teaser__title a")]


def test_book_page_query_count_does_not_grow_with_offers_or_articles(
    client, home, shop, retailers, no_page_cache
):
    book = make_book(shop, retailers=retailers[:1])
    section = SectionPageFactory(parent=home, title="Books", slug="books")
    ArticlePageFactory(parent=section, body=shop_body(book))

    def measure():
        client.get(book.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(book.url).status_code == 200
        return len(queries)

    few = measure()
    for retailer in retailers[1:]:
        OfferFactory(book=book, retailer=retailer)
    for _ in range(4):
        ArticlePageFactory(parent=section, body=shop_body(book))
    assert measure() == few


def json_ld(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def test_book_page_structured_data_is_a_book_and_product_with_current_offers(
    client, shop, retailers, oseman
):
    book = make_book(
        shop,
        title="Loveless",
        isbn13="9780008244125",
        person=oseman,
        book_format="paperback",
        publisher="HarperCollins Children's Books",
    )
    now = timezone.now()
    amazon, waterstones, bookshop = retailers
    OfferFactory(
        book=book,
        retailer=amazon,
        url="https://www.amazon.co.uk/dp/0008244126",
        price=Decimal("6.99"),
        price_checked_at=now - timedelta(hours=1),
    )
    OfferFactory(
        book=book,
        retailer=waterstones,
        url="https://www.waterstones.com/book/loveless",
        price=Decimal("8.99"),
        price_checked_at=now - timedelta(hours=25),
        in_stock=False,
    )
    OfferFactory(
        book=book,
        retailer=bookshop,
        url="https://uk.bookshop.org/loveless",
        price=Decimal("8.49"),
        price_checked_at=now,
        price_is_example=True,
    )
    (data,) = json_ld(soup(client.get(book.url)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ["Book", "Product"]
    assert data["name"] == "Loveless"
    assert data["isbn"] == "9780008244125"
    assert data["url"] == book.full_url
    assert data["author"] == [{"@type": "Person", "name": "Alice Oseman", "url": oseman.full_url}]
    assert data["bookFormat"] == "https://schema.org/Paperback"
    assert data["image"].startswith("http://testserver/")
    # The stale Waterstones price and the example Bookshop.org price are left out.
    assert data["offers"] == [
        {
            "@type": "Offer",
            "url": "https://www.amazon.co.uk/dp/0008244126",
            "price": "6.99",
            "priceCurrency": "GBP",
            "availability": "https://schema.org/InStock",
            "seller": {"@type": "Organization", "name": "Amazon UK"},
        }
    ]


def test_structured_data_has_no_offers_when_no_price_is_current(client, shop, retailers):
    book = make_book(shop)
    OfferFactory(
        book=book, retailer=retailers[0], price_checked_at=timezone.now() - timedelta(days=3)
    )
    (data,) = json_ld(soup(client.get(book.url)))
    assert "offers" not in data


def test_structured_data_cannot_break_out_of_its_script(client, shop):
    book = make_book(shop, title="</script><script>alert(1)</script>")
    response = client.get(book.url)
    assert b"</script><script>alert(1)" not in response.content
    assert json_ld(soup(response))[0]["name"] == "</script><script>alert(1)</script>"


def test_offers_whose_link_no_longer_validates_are_not_shown(client, shop, retailers):
    book = make_book(shop, retailers=retailers[:2])
    amazon = retailers[0]
    amazon.allowed_domains = "smile.amazon.co.uk"
    amazon.save()
    page = soup(client.get(book.url))
    assert [b.get_text() for b in page.select("a.offer__button")] == ["Buy at Waterstones"]


def test_a_books_authors_read_as_a_list_linked_to_published_profiles(client, shop, oseman):
    book = make_book(shop, person=oseman)
    BookAuthor.objects.filter(book=book).update(sort_order=0)
    unpublished = PersonPageFactory(parent=oseman.get_parent(), title="Draft Person", live=False)
    BookAuthor.objects.create(book=book, person=unpublished, sort_order=1)
    BookAuthor.objects.create(book=book, name="Sam <Illustrator>", sort_order=2)

    for url, selector in [(book.url, ".book__authors"), (shop.url, ".book-card__authors")]:
        authors = soup(client.get(url)).select_one(selector)
        assert authors.get_text().strip() == "by Alice Oseman, Draft Person and Sam <Illustrator>"
        assert [(a.get_text(), a["href"]) for a in authors.select("a")] == [
            ("Alice Oseman", oseman.url)
        ]
