"""Prices: shown with currency and when checked; hidden once older than the maximum age."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.shop.factories import OfferFactory, make_book

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def offer_item(client, book):
    page = BeautifulSoup(client.get(book.url).content, "html.parser")
    return page.select_one(".book__offers .offer")


@pytest.fixture
def book(shop):
    return make_book(shop, title="Loveless")


def test_current_price_is_shown_with_currency_and_time_checked(client, book, retailer, frozen):
    OfferFactory(
        book=book,
        retailer=retailer,
        price=Decimal("8.99"),
        price_checked_at=NOW - timedelta(hours=3),
    )
    item = offer_item(client, book)
    assert item.select_one(".offer__button").get_text(strip=True) == "Buy at Retailer"
    assert item.select_one(".offer__amount").get_text() == "£8.99"
    checked = item.select_one(".offer__checked time")
    # 09:00 UTC is 10:00 in London (BST).
    assert checked["datetime"].startswith("2026-06-01T10:00:00")
    assert "1 Jun 2026" in checked.get_text()
    assert item.select_one(".offer__example") is None


def test_price_exactly_at_the_maximum_age_is_still_shown(client, book, retailer, frozen):
    OfferFactory(book=book, retailer=retailer, price_checked_at=NOW - timedelta(hours=24))
    item = offer_item(client, book)
    assert item.select_one(".offer__amount").get_text() == "£8.99"


def test_stale_price_is_hidden_and_the_button_says_check_price(client, book, retailer, frozen):
    OfferFactory(
        book=book, retailer=retailer, price_checked_at=NOW - timedelta(hours=24, seconds=1)
    )
    item = offer_item(client, book)
    assert item.select_one(".offer__button").get_text(strip=True) == "Check price at Retailer"
    assert item.select_one(".offer__amount") is None
    assert "8.99" not in item.get_text()


def test_price_never_checked_is_hidden(client, book, retailer, frozen):
    OfferFactory(book=book, retailer=retailer, price_checked_at=None)
    item = offer_item(client, book)
    assert item.select_one(".offer__button").get_text(strip=True) == "Check price at Retailer"


def test_maximum_age_comes_from_the_setting(client, book, retailer, frozen, settings):
    settings.SHOP_PRICE_MAX_AGE = timedelta(hours=1)
    OfferFactory(book=book, retailer=retailer, price_checked_at=NOW - timedelta(hours=2))
    assert offer_item(client, book).select_one(".offer__amount") is None


def test_example_prices_are_marked_as_examples(client, book, retailer, frozen):
    OfferFactory(book=book, retailer=retailer, price_is_example=True, price_checked_at=NOW)
    item = offer_item(client, book)
    assert item.select_one(".offer__example").get_text() == "(example price)"


@pytest.mark.parametrize(
    ("currency", "shown"), [("USD", "$12.50"), ("EUR", "€12.50"), ("CAD", "12.50 CAD")]
)
def test_other_currencies_are_labelled(client, book, retailer, frozen, currency, shown):
    OfferFactory(
        book=book, retailer=retailer, price=Decimal("12.5"), currency=currency, price_checked_at=NOW
    )
    assert offer_item(client, book).select_one(".offer__amount").get_text() == shown


def test_out_of_stock_offer_says_so(client, book, retailer, frozen):
    OfferFactory(book=book, retailer=retailer, in_stock=False, price_checked_at=NOW)
    assert "Out of stock" in offer_item(client, book).get_text()
