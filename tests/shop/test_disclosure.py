"""The affiliate disclosure: before the first affiliate link wherever there is one, nowhere else."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.models import Site

from shop.models import DEFAULT_DISCLOSURE, AffiliateSettings
from tests.factories import SectionPageFactory, StandardPageFactory
from tests.shop.factories import ArticlePageFactory, make_book, shop_body

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def position(page, element):
    return next(i for i, e in enumerate(page.find_all(True)) if e is element)


def assert_disclosure_precedes_first_affiliate_link(page):
    disclosures = page.select("[data-affiliate-disclosure]")
    assert len(disclosures) == 1
    first_link = page.find("a", rel="sponsored")
    assert first_link is not None
    assert position(page, disclosures[0]) < position(page, first_link)
    return disclosures[0]


def test_disclosure_precedes_first_affiliate_link_on_a_book_page(
    client, shop, retailers, trust_page
):
    book = make_book(shop, retailers=retailers)
    disclosure = assert_disclosure_precedes_first_affiliate_link(soup(client.get(book.url)))
    assert "We may earn a commission from links on this page." in disclosure.get_text()
    link = disclosure.find("a")
    assert (link.get_text(), link["href"]) == ("Why you can trust us", trust_page.url)


def test_disclosure_precedes_first_affiliate_link_on_the_shop_index(
    client, shop, retailers, trust_page
):
    make_book(shop, title="A book without offers")
    make_book(shop, title="B book with offers", retailers=retailers)
    assert_disclosure_precedes_first_affiliate_link(soup(client.get(shop.url)))


def test_the_trust_link_follows_the_trust_page_when_it_moves(
    client, home, shop, retailers, trust_page, no_page_cache
):
    """The disclosure settings are kept in the shared cache; a move must still show."""
    book = make_book(shop, retailers=retailers)
    client.get(book.url)
    about = StandardPageFactory(parent=home, title="About us", slug="about")
    trust_page.move(about, pos="last-child")

    link = soup(client.get(book.url)).select_one("[data-affiliate-disclosure] a")

    assert link["href"] == "/about/trust/"


def test_book_page_without_offers_has_no_disclosure(client, shop, trust_page):
    page = soup(client.get(make_book(shop).url))
    assert not page.select("[data-affiliate-disclosure]")
    assert not page.find("a", rel="sponsored")


def test_shop_index_without_offers_has_no_disclosure(client, shop, trust_page):
    make_book(shop)
    page = soup(client.get(shop.url))
    assert page.select(".book-card")
    assert not page.select("[data-affiliate-disclosure]")


def test_pages_without_affiliate_links_have_no_disclosure(client, home, trust_page):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    for url in ["/", "/tv/", trust_page.url]:
        assert not soup(client.get(url)).select("[data-affiliate-disclosure]")


def test_teasers_of_articles_with_affiliate_links_are_labelled(client, home, shop, retailers):
    section = SectionPageFactory(parent=home, title="Books", slug="books")
    book = make_book(shop, retailers=retailers)
    ArticlePageFactory(parent=section, title="With shop", body=shop_body(book))
    ArticlePageFactory(parent=section, title="Without shop", body=[])

    for url in ["/", "/books/"]:
        page = soup(client.get(url))
        labels = {
            teaser.select_one(".teaser__title").get_text(strip=True): teaser.select_one(
                ".teaser__label"
            )
            for teaser in page.select(".teaser")
        }
        assert labels["With shop"].get_text() == "Contains affiliate links"
        assert labels["Without shop"] is None
        # A teaser is not an affiliate link, so listings carry no disclosure.
        assert not page.select("[data-affiliate-disclosure]")


def test_disclosure_partial_reads_the_site_setting(rf, home, trust_page):
    html = render_to_string("shop/includes/affiliate_disclosure.html", request=rf.get("/"))
    disclosure = BeautifulSoup(html, "html.parser").select_one("[data-affiliate-disclosure]")
    assert disclosure["aria-label"] == "Affiliate disclosure"
    assert disclosure.find("a")["href"] == trust_page.url


def test_disclosure_has_sensible_defaults_before_anyone_edits_it(rf, home):
    html = render_to_string("shop/includes/affiliate_disclosure.html", request=rf.get("/"))
    disclosure = BeautifulSoup(html, "html.parser").select_one("[data-affiliate-disclosure]")
    assert disclosure.get_text(strip=True) == DEFAULT_DISCLOSURE
    assert disclosure.find("a") is None


def test_unpublished_trust_page_is_not_linked(rf, home, trust_page):
    trust_page.unpublish()
    html = render_to_string("shop/includes/affiliate_disclosure.html", request=rf.get("/"))
    assert BeautifulSoup(html, "html.parser").find("a") is None


def test_disclosure_setting_is_editable_in_the_admin(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.com", "pw"))
    site = Site.objects.get(is_default_site=True)
    trust = StandardPageFactory(parent=home, title="Trust", slug="trust")
    response = client.post(
        f"/admin/settings/shop/affiliatesettings/{site.pk}/",
        {
            "disclosure_text": "We may be paid when you buy.",
            "trust_page": trust.pk,
            "trust_link_text": "How we work",
        },
    )
    assert response.status_code == 302
    saved = AffiliateSettings.for_site(site)
    assert saved.disclosure_text == "We may be paid when you buy."
    assert saved.trust_page_id == trust.pk
