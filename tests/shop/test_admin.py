"""Editors' side: offer links checked in the book form, retailers as searchable snippets."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shop.models import Offer
from tests.shop.factories import make_book

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(user)
    return client


def book_form(book, retailer, url):
    return nested_form_data(
        {
            "title": book.title,
            "slug": book.slug,
            "book_authors": inline_formset([{"person": "", "name": "Alice Oseman"}]),
            "series": "",
            "volume": "",
            "cover": book.cover_id,
            "isbn13": book.isbn13,
            "publisher": "",
            "publication_date": "",
            "book_format": "paperback",
            "blurb": "A blurb.",
            "badge": "",
            "offers": inline_formset(
                [
                    {
                        "retailer": retailer.pk,
                        "url": url,
                        "price": "8.99",
                        "currency": "GBP",
                        "price_checked_at": "2026-01-01 10:00",
                        "price_is_example": "",
                        "in_stock": "on",
                    }
                ]
            ),
        }
    )


def test_book_form_shows_the_link_problem_and_saves_nothing(admin, shop, retailer):
    book = make_book(shop)
    url = reverse("wagtailadmin_pages:edit", args=[book.pk])
    response = admin.post(url, book_form(book, retailer, "https://retailer.com@evil.test/"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ", strip=True) for e in page.select(".error-message"))
    assert "user name or password" in errors
    assert not Offer.objects.filter(book=book).exists()


def test_book_form_accepts_a_link_on_the_retailers_domain(admin, shop, retailer):
    book = make_book(shop)
    url = reverse("wagtailadmin_pages:edit", args=[book.pk])
    response = admin.post(url, book_form(book, retailer, "https://shop.retailer.com/book/1"))
    assert response.status_code == 302
    book.refresh_from_db()
    revision = book.latest_revision.as_object()
    assert [o.url for o in revision.offers.all()] == ["https://shop.retailer.com/book/1"]


def test_retailers_are_searchable_snippets(admin, retailers):
    response = admin.get(reverse("wagtailsnippets_shop_retailer:list"), {"q": "water"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    names = [a.get_text(strip=True) for a in page.select("table tbody td a")]
    assert "Waterstones" in names
    assert "Amazon UK" not in names


def test_book_preview_shows_unsaved_offers(admin, shop, retailer):
    book = make_book(shop, title="Preview me")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[book.pk])
    data = book_form(book, retailer, "https://retailer.com/book/preview")
    assert admin.post(preview_url, data).json()["is_valid"] is True
    response = admin.get(preview_url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text() for a in page.select("a.offer__button")] == ["Check price at Retailer"]
    assert page.select("[data-affiliate-disclosure]")


def test_offer_with_a_price_needs_the_time_it_was_checked(retailer):
    offer = Offer(retailer=retailer, url="https://retailer.com/book", price="8.99")
    with pytest.raises(ValidationError) as refusal:
        offer.clean()
    assert "when you checked the price" in refusal.value.message_dict["price_checked_at"][0]
