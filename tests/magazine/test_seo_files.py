"""robots.txt and the sitemap."""

import pytest
from django.core.cache import caches

from tests.factories import SectionPageFactory, StandardPageFactory
from tests.sitemap_xml import entries, locations

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_sitemap_page(monkeypatch):
    """Page ids depend on the database's sequences; with blocks this big, every page is
    on the first sitemap page unless a test asks for smaller ones."""
    from magazine.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 10**9)


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_sitemap_lists_live_pages_and_not_drafts(client, home):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    StandardPageFactory(parent=home, title="About us", slug="about-us")
    draft = StandardPageFactory(parent=home, title="Secret plans", slug="secret-plans")
    draft.unpublish()

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    first_page = locations(index.content)[0]
    response = client.get(first_page)
    assert response.status_code == 200
    listed = locations(response.content)
    assert "http://testserver/" in listed
    assert "http://testserver/tv/" in listed
    assert "http://testserver/about-us/" in listed
    assert not any("secret-plans" in loc for loc in listed)


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("magazine/favicon.png")


def sitemap_locations(client, address="/sitemap-pages.xml"):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return locations(response.content)


def test_sitemap_leaves_out_restricted_pages_and_those_below_them(client, home):
    from wagtail.models import PageViewRestriction

    members = StandardPageFactory(parent=home, title="Members", slug="members")
    StandardPageFactory(parent=members, title="Offers", slug="offers")
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    StandardPageFactory(parent=home, title="About us", slug="about-us")

    listed = sitemap_locations(client)

    assert "http://testserver/about-us/" in listed
    assert not any("members" in loc for loc in listed)


def test_sitemap_entries_carry_the_publication_date(client, home):
    from datetime import UTC, datetime

    about = StandardPageFactory(parent=home, title="About us", slug="about-us")
    about.last_published_at = datetime(2024, 5, 17, 23, 30, tzinfo=UTC)
    about.save()

    response = client.get("/sitemap-pages.xml")
    lastmod = entries(response.content)["http://testserver/about-us/"]
    # Dates are the site's (London, summer time): 23:30 UTC is already the 18th.
    assert lastmod == "2024-05-18"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_sitemap_pages_past_the_end_or_malformed_are_not_found(client, home):
    assert client.get("/sitemap-pages.xml?p=2").status_code == 404
    assert client.get("/sitemap-pages.xml?p=two").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-pages.xml?p=0").status_code == 404
    assert client.get("/sitemap-pages.xml?p=99999999999999").status_code == 404


def sitemap_page_of_each_address(client):
    """{address listed: the sitemap page listing it}, following the index."""
    return {
        listed: page
        for page in locations(client.get("/sitemap.xml").content)
        for listed in sitemap_locations(client, page)
    }


def test_a_page_keeps_its_sitemap_page_as_others_are_published(client, home, monkeypatch):
    from magazine.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 2)
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    film = SectionPageFactory(parent=home, title="Film", slug="film")
    StandardPageFactory(parent=film, title="A review", slug="review")
    before = sitemap_page_of_each_address(client)

    # Newer pages that come before the review in the page tree.
    for name in ("news", "recaps", "interviews"):
        StandardPageFactory(parent=tv, title=name, slug=name)
    caches["default"].clear()
    after = sitemap_page_of_each_address(client)

    assert len(after) == len(before) + 3
    assert {address: after[address] for address in before} == before


def test_a_sitemap_page_whose_pages_were_all_removed_answers_empty(client, home, monkeypatch):
    from magazine.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 1)
    removed = StandardPageFactory(parent=home, title="Old offer", slug="old-offer")
    StandardPageFactory(parent=home, title="About us", slug="about-us")
    removed_id = removed.pk
    removed.delete()
    caches["default"].clear()

    # The index still lists it (it cannot know without reading every page), so it
    # answers rather than sending crawlers to an error.
    address = f"http://testserver/sitemap-pages.xml?p={removed_id}"
    assert address in locations(client.get("/sitemap.xml").content)
    assert sitemap_locations(client, address) == []


def page_sitemaps(index):
    """The index's sitemap pages of pages (other apps' sitemaps are listed after them)."""
    return [loc for loc in locations(index.content) if "/sitemap-pages.xml" in loc]


def test_the_sitemap_index_reads_no_more_as_the_site_grows(
    client, home, monkeypatch, django_assert_max_num_queries
):
    from magazine.sitemaps import PageSitemap

    with django_assert_max_num_queries(20) as few:
        index = client.get("/sitemap.xml")
    assert len(page_sitemaps(index)) == 1
    assert b"<lastmod>" not in index.content

    highest = StandardPageFactory(parent=home, title="About us", slug="about-us")
    caches["default"].clear()
    monkeypatch.setattr(PageSitemap, "limit", 1)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        index = client.get("/sitemap.xml")

    # One sitemap page per id up to the highest live one, found without counting pages.
    assert len(page_sitemaps(index)) == highest.pk
    assert not any("COUNT(" in query["sql"].upper() for query in many.captured_queries)


def test_a_sitemap_page_costs_the_same_queries_however_many_pages_it_lists(
    client, home, django_assert_max_num_queries
):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    with django_assert_max_num_queries(20) as few:
        assert len(sitemap_locations(client)) == 2
    for n in range(30):
        StandardPageFactory(parent=section, title=f"Page {n}", slug=f"page-{n}")
    caches["default"].clear()  # pages made by factories are not "published"
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(sitemap_locations(client)) == 32
