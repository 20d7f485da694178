"""The click-tracking redirect: counts real clicks and only ever goes to a stored, valid link."""

import pytest
from wagtail.models import PageViewRestriction

from shop.models import Click, Offer
from tests.factories import StandardPageFactory
from tests.shop.factories import OfferFactory, make_book

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(shop, retailer):
    book = make_book(shop)
    return OfferFactory(book=book, retailer=retailer, url="https://retailer.com/book/1")


def go(offer):
    return f"/shop/go/{offer.pk}/"


def test_click_redirects_to_the_stored_link_and_is_recorded(client, offer):
    response = client.get(go(offer))
    assert response.status_code == 302
    assert response["Location"] == "https://retailer.com/book/1"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"
    click = Click.objects.get()
    assert (click.offer, click.book_id, click.retailer_id) == (
        offer,
        offer.book_id,
        offer.retailer_id,
    )
    assert click.referrer_path == "" and click.page is None


def test_click_records_the_referring_page_on_this_site_without_its_query(client, home, offer):
    article = StandardPageFactory(parent=home, title="Heartstopper", slug="heartstopper")
    client.get(go(offer), HTTP_REFERER="http://testserver/heartstopper/?email=me@example.com")
    click = Click.objects.get()
    assert click.referrer_path == "/heartstopper/"
    assert click.page.pk == article.pk


def test_click_keeps_an_unknown_path_but_no_page(client, offer):
    client.get(go(offer), HTTP_REFERER="http://testserver/no/such/page/")
    click = Click.objects.get()
    assert click.referrer_path == "/no/such/page/"
    assert click.page is None


@pytest.mark.parametrize(
    "referer",
    [
        "https://evil.test/heartstopper/",
        "http://testserver.evil.test/heartstopper/",
        "javascript:alert(1)",
        "not a url",
        "http://[bad/",
    ],
)
def test_click_ignores_referrers_from_other_sites(client, offer, referer):
    response = client.get(go(offer), HTTP_REFERER=referer)
    assert response.status_code == 302
    click = Click.objects.get()
    assert click.referrer_path == "" and click.page is None


def test_click_stores_no_personal_data(client, offer):
    client.get(
        go(offer),
        HTTP_USER_AGENT="Mozilla/5.0 secret-agent",
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    stored = [str(v) for v in Click.objects.values().get().values()]
    assert not any("203.0.113.7" in v or "198.51.100.1" in v or "secret" in v for v in stored)
    assert {f.name for f in Click._meta.get_fields()} == {
        "id",
        "offer",
        "book",
        "retailer",
        "page",
        "referrer_path",
        "clicked_at",
    }


def test_head_redirects_without_counting_a_click(client, offer):
    response = client.head(go(offer))
    assert response.status_code == 302
    assert response["Location"] == "https://retailer.com/book/1"
    assert response["Cache-Control"] == "no-store"
    assert not Click.objects.exists()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_are_not_allowed(client, offer, method):
    response = getattr(client, method)(go(offer))
    assert response.status_code == 405
    assert not Click.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "?url=https://evil.test/",
        "?next=//evil.test",
        "?redirect=javascript:alert(1)",
        "?offer=999&url=https%3A%2F%2Fevil.test",
    ],
)
def test_query_parameters_never_change_the_destination(client, offer, query):
    response = client.get(go(offer) + query)
    assert response.status_code == 302
    assert response["Location"] == "https://retailer.com/book/1"


@pytest.mark.parametrize(
    "path",
    [
        "/shop/go/{id}/https://evil.test/",
        "/shop/go/{id}//evil.test",
        "/shop/go//evil.test/",
        "/shop/go/{id}/..%2f..%2fevil.test",
        "/shop/go/-{id}/",
        "/shop/go/{id}x/",
        "/shop/go/https:%2f%2fevil.test/",
        "/shop/go/999999/",
    ],
)
def test_path_tricks_find_nothing(client, offer, path):
    response = client.get(path.format(id=offer.pk))
    assert response.status_code == 404
    assert not Click.objects.exists()


def test_offers_of_unpublished_books_are_not_found(client, offer):
    offer.book.unpublish()
    assert client.get(go(offer)).status_code == 404
    assert not Click.objects.exists()


def test_offers_of_private_books_are_not_found(client, offer):
    PageViewRestriction.objects.create(
        page=offer.book, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(go(offer)).status_code == 404


def test_a_stored_link_that_fails_validation_is_never_followed(client, offer):
    # e.g. written by a bad import, or the retailer's domains were narrowed later.
    Offer.objects.filter(pk=offer.pk).update(url="https://retailer.com.evil.test/")
    assert client.get(go(offer)).status_code == 404
    offer.retailer.allowed_domains = "www.retailer.com"
    offer.retailer.save()
    Offer.objects.filter(pk=offer.pk).update(url="https://retailer.com/book/1")
    assert client.get(go(offer)).status_code == 404
    assert not Click.objects.exists()


def test_robots_txt_keeps_crawlers_out_of_the_redirect(client, home):
    assert "Disallow: /shop/go/" in client.get("/robots.txt").content.decode()
