"""The shop block: product cards with one sponsored button per offer, at a flat query cost."""

from uuid import uuid4

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from shop.blocks import ShopBlock
from tests.shop.factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    RetailerFactory,
    make_book,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(rf, home):
    return rf.get("/books/some-article/")


def render(request, books, title="Shop: Heartstopper and Alice Oseman's other best-sellers"):
    block = ShopBlock()
    value = block.to_python(
        {
            "title": title,
            "books": [{"type": "item", "value": b.pk, "id": str(uuid4())} for b in books],
        }
    )
    return block.render(value, context={"request": request})


@pytest.fixture
def oseman(home):
    people = PeopleIndexPageFactory(parent=home)
    return PersonPageFactory(parent=people, title="Alice Oseman", slug="alice-oseman")


def test_cards_show_cover_title_author_badge_and_a_button_per_offer(
    request_, shop, retailers, oseman
):
    # Retailers are added out of order: buttons follow the retailers' own order.
    book = make_book(
        shop,
        title="Heartstopper Volume 1",
        badge="best-seller",
        person=oseman,
        retailers=[retailers[2], retailers[0], retailers[1]],
    )
    html = BeautifulSoup(render(request_, [book]), "html.parser")

    assert html.find("h2").get_text() == (
        "Shop: Heartstopper and Alice Oseman's other best-sellers"
    )
    card = html.select_one(".book-card")
    assert card.find("img") is not None and card.find("img")["loading"] == "lazy"
    title = card.select_one(".book-card__title a")
    assert (title.get_text(), title["href"]) == ("Heartstopper Volume 1", book.url)
    author = card.select_one(".book-card__authors a")
    assert (author.get_text(), author["href"]) == ("Alice Oseman", oseman.url)
    assert card.select_one(".book-card__badge").get_text() == "Best-seller"

    buttons = card.select("a.offer__button")
    assert [b.get_text() for b in buttons] == [
        "Buy at Amazon UK",
        "Buy at Waterstones",
        "Buy at Bookshop.org",
    ]
    for button in buttons:
        assert button["rel"] == ["sponsored", "nofollow", "noopener"]
        assert button["href"].startswith("/shop/go/")
        assert button["aria-label"].endswith(": Heartstopper Volume 1")


def test_authors_without_a_profile_are_named_without_a_link(request_, shop, retailers):
    book = make_book(shop, author="Jane Writer", retailers=retailers[:1])
    card = BeautifulSoup(render(request_, [book]), "html.parser").select_one(".book-card")
    assert card.select_one(".book-card__authors").get_text(strip=True) == "by Jane Writer"
    assert card.select_one(".book-card__authors a") is None


def test_books_that_are_not_live_are_left_out(request_, shop, retailers):
    live = make_book(shop, title="Live book", retailers=retailers)
    draft = make_book(shop, title="Draft book", retailers=retailers, live=False)
    html = BeautifulSoup(render(request_, [draft, live]), "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["Live book"]


def test_private_books_are_left_out_but_stay_chosen_for_editors(request_, home, retailers):
    from tests.shop.factories import ShopIndexPageFactory

    public_shop = ShopIndexPageFactory(parent=home, slug="books")
    members_shop = ShopIndexPageFactory(parent=home, slug="members-books")
    PageViewRestriction.objects.create(page=members_shop, restriction_type="login")
    public = make_book(public_shop, title="Public book", retailers=retailers)
    in_private_shop = make_book(members_shop, title="Members' book", retailers=retailers)
    private = make_book(public_shop, title="Private book", retailers=retailers)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    block = ShopBlock()
    value = block.to_python(
        {
            "title": "Shop",
            "books": [
                {"type": "item", "value": b.pk, "id": str(uuid4())}
                for b in (private, public, in_private_shop)
            ],
        }
    )
    html = BeautifulSoup(block.render(value, context={"request": request_}), "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["Public book"]
    # The editor's value keeps every book chosen.
    assert [book.title for book in value["books"]] == [
        "Private book",
        "Public book",
        "Members' book",
    ]


def test_books_given_as_pages_are_checked_for_privacy_too(request_, shop, retailers):
    """A value made in code (not loaded from the body) is held to the same rule."""
    from shop.models import BookPage

    public = make_book(shop, title="Public book", retailers=retailers)
    private = make_book(shop, title="Private book", retailers=retailers)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    block = ShopBlock()
    books = [BookPage.objects.get(pk=private.pk), BookPage.objects.get(pk=public.pk)]
    value = block.to_python({"title": "Shop", "books": []})
    value["books"] = books
    html = BeautifulSoup(block.render(value, context={"request": request_}), "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["Public book"]


def test_a_book_chosen_twice_gets_one_card(request_, shop, retailers):
    book = make_book(shop, title="Heartstopper Volume 1", retailers=retailers)
    html = BeautifulSoup(render(request_, [book, book]), "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["Heartstopper Volume 1"]


def test_a_block_with_no_live_books_renders_nothing(request_, shop, retailers):
    draft = make_book(shop, retailers=retailers, live=False)
    assert render(request_, [draft]).strip() == ""


def test_cards_keep_the_editors_order(request_, shop, retailers):
    books = [make_book(shop, title=t, retailers=retailers[:1]) for t in ("B", "C", "A")]
    html = BeautifulSoup(render(request_, [books[2], books[0], books[1]]), "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["A", "B", "C"]


def count_queries(request, books):
    render(request, books)  # renditions are made on the first render, then reused
    with CaptureQueriesContext(connection) as queries:
        html = render(request, books)
    return len(queries), html


def test_query_count_is_the_same_for_one_book_and_for_eight(rf, home, shop, oseman):
    retailers = [RetailerFactory(allowed_domains="retailer.com") for _ in range(3)]
    books = [
        make_book(shop, title=f"Book {n}", person=oseman, badge="staff-pick", retailers=retailers)
        for n in range(8)
    ]
    one, html_one = count_queries(rf.get("/"), books[:1])
    eight, html_eight = count_queries(rf.get("/"), books)

    assert len(BeautifulSoup(html_one, "html.parser").select("a.offer__button")) == 3
    assert len(BeautifulSoup(html_eight, "html.parser").select("a.offer__button")) == 24
    assert one == eight
    # The chosen books (with whether each is restricted), cover renditions, offers with
    # retailers, authors with profiles: the books are not fetched a second time.
    assert eight <= 4


def test_cards_fetch_only_the_cover_renditions_they_show(shop):
    """A cover made in many sizes (book page, metadata) brings just the card's two along."""
    from magazine.renditions import expand
    from shop.models import BOOK_CARD_COVER_SPEC, BOOK_JSON_LD_IMAGE_SPEC, BookPage, with_card_data
    from tests.factories import ImageFactory

    cover = ImageFactory()
    card_specs = expand(BOOK_CARD_COVER_SPEC)
    for spec in [*card_specs, BOOK_JSON_LD_IMAGE_SPEC, "fill-96x96"]:
        cover.get_rendition(spec)
    make_book(shop, cover=cover)

    (book,) = with_card_data(BookPage.objects.all())

    assert len(card_specs) == 2
    assert sorted(r.filter_spec for r in book.cover.prefetched_renditions) == sorted(card_specs)
