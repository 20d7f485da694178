"""Full-page caching for anonymous readers, and its invalidation."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site

from magazine.models import SiteSettings
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Television", slug="tv", intro="All the telly.")


def test_second_anonymous_request_is_served_from_cache(client, section):
    first = client.get("/tv/")
    second = client.get("/tv/")
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "s-maxage=" in second["Cache-Control"]


def test_readers_from_a_shared_link_get_the_cached_page(client, section):
    """Campaign tags and click ids are not part of the key: a trending link stays cached."""
    first = client.get("/tv/")
    shared = client.get("/tv/?utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc123")
    another_click = client.get("/tv/?fbclid=IwAR0xyz789&UTM_CAMPAIGN=Spring")

    assert first["X-Cache"] == "MISS"
    assert shared["X-Cache"] == "HIT"
    assert another_click["X-Cache"] == "HIT"
    assert shared.content == first.content


def test_parameters_a_page_reads_still_tell_pages_apart(client, section):
    client.get("/tv/")
    assert client.get("/tv/?page=1")["X-Cache"] == "MISS"
    assert client.get("/tv/?page=1&gclid=abc")["X-Cache"] == "HIT"
    assert client.get("/tv/?page=first")["X-Cache"] == "MISS"


def test_the_cache_key_ignores_the_order_parameters_come_in(rf):
    from magazine.cache import cache_query_string

    one = rf.get("/shop/?format=paperback&author=7&author=3&utm_source=x")
    other = rf.get("/shop/?utm_source=y&author=7&format=paperback&author=3")
    swapped = rf.get("/shop/?author=3&author=7&format=paperback")

    assert cache_query_string(one) == "author=7&author=3&format=paperback"
    assert cache_query_string(other) == cache_query_string(one)
    # A repeated name keeps its values in order: they may mean different things.
    assert cache_query_string(swapped) != cache_query_string(one)


def test_publishing_a_change_is_seen_at_once(client, section):
    client.get("/tv/")
    section.title = "TV and streaming"
    section.save_revision().publish()
    response = client.get("/tv/")
    assert response["X-Cache"] == "MISS"
    assert b"TV and streaming" in response.content


def test_saving_a_draft_changes_nothing_readers_see(client, section):
    client.get("/tv/")
    section.title = "Unpublished title"
    section.save_revision()
    response = client.get("/tv/")
    assert b"Unpublished title" not in response.content


def test_a_setting_change_invalidates_every_page(client, section):
    client.get("/tv/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.brand_name = "Reel Weekly"
    settings.save()
    response = client.get("/tv/")
    assert response["X-Cache"] == "MISS"
    assert b"Reel Weekly" in response.content


def test_logged_in_users_bypass_the_cache_and_are_never_stored(client, section):
    user = get_user_model().objects.create_superuser("ed", "ed@example.test", "pw-123456")
    client.force_login(user)
    mine = client.get("/tv/")
    assert "X-Cache" not in mine
    assert "private" in mine["Cache-Control"]
    assert b"wagtail-userbar" in mine.content

    client.logout()
    client.cookies.clear()
    anonymous = client.get("/tv/")
    assert anonymous["X-Cache"] == "MISS"
    assert b"wagtail-userbar" not in anonymous.content


def test_previews_are_never_served_to_anonymous_readers_nor_cached(client, section):
    section.title = "Draft headline"
    section.save_revision()
    preview_url = f"/admin/pages/{section.pk}/edit/preview/"
    response = client.get(preview_url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert b"Draft headline" not in client.get("/tv/").content


def test_search_results_and_admin_are_never_cached(client, section):
    client.get("/search/?q=tv")
    search = client.get("/search/?q=tv")
    assert "X-Cache" not in search
    assert "public" not in search.get("Cache-Control", "")
    admin = client.get("/admin/login/")
    assert "no-cache" in admin["Cache-Control"] or "no-store" in admin["Cache-Control"]
    assert "X-Cache" not in admin


def test_404_pages_are_not_cached(client, home):
    client.get("/missing/")
    assert "X-Cache" not in client.get("/missing/")


def test_unreachable_redis_means_uncached_pages_not_errors(client, section, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "magazine.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        },
    }
    for _ in range(2):
        response = client.get("/tv/")
        assert response.status_code == 200
        assert b"Television" in response.content
        assert response["X-Cache"] == "MISS"  # nothing could be stored


def test_publishing_purges_the_page_and_its_listings_at_the_cdn(
    settings, home, section, monkeypatch
):
    from magazine.sitemaps import PageSitemap
    from tests.support import frontend_cache

    # Ids depend on the database's sequences: with blocks this big, every page is on
    # the first sitemap page.
    monkeypatch.setattr(PageSitemap, "limit", 10**9)
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    reviews = SectionPageFactory(parent=section, title="Reviews", slug="reviews")
    frontend_cache.PURGED.clear()

    reviews.title = "Reviews and recaps"
    reviews.save_revision().publish()

    assert set(frontend_cache.PURGED) == {
        "http://testserver/tv/reviews/",
        "http://testserver/tv/",
        "http://testserver/",
        "http://testserver/sitemap.xml",
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=1",
    }


def test_publishing_purges_only_the_sitemap_page_that_lists_it(
    settings, home, section, monkeypatch
):
    from magazine.sitemaps import PageSitemap
    from tests.support import frontend_cache

    monkeypatch.setattr(PageSitemap, "limit", 2)
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}
    }
    children = [SectionPageFactory(parent=section, title=name, slug=name) for name in "abcde"]
    c = children[2]
    number = (c.pk - 1) // 2 + 1
    frontend_cache.PURGED.clear()

    c.save_revision().publish()

    sitemap_pages = {url for url in frontend_cache.PURGED if "sitemap-pages" in url}
    assert sitemap_pages == {f"http://testserver/sitemap-pages.xml?p={number}"}
    sitemap = Client().get(f"/sitemap-pages.xml?p={number}").content.decode()
    assert "http://testserver/tv/c/" in re.findall(r"<loc>(.*?)</loc>", sitemap)
