"""The site, home page, settings and navigation come from the shared cache until they change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from magazine.models import RadioStation, SiteSettings
from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SITE_DATA_TABLES = ("magazine_sitesettings", "magazine_radiostation", "shop_affiliatesettings")


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Television", slug="tv", show_in_menus=True)


@pytest.fixture(autouse=True)
def station(home):
    station = RadioStation.for_site(home.get_site())
    station.name = "Reel Radio"
    station.stream_url = "https://stream.example.test/live.mp3"
    station.save()
    return station


def queries_made(client, path, reads):
    """The page at `path`, and the SQL it ran that `reads` picks out."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries if reads(q["sql"])]


def selects_from(sql, *tables):
    return sql.split(" FROM ", 1)[-1].startswith(tuple(f'"{table}"' for table in tables))


def site_data_queries(client, path):
    return queries_made(client, path, reads_site_data)


def reads_site_data(sql):
    where = sql.split(" WHERE ", 1)[-1]
    return selects_from(sql, *SITE_DATA_TABLES) or '"show_in_menus"' in where  # navigation


def test_a_second_page_reads_no_settings_or_navigation(client, home, section):
    StandardPageFactory(parent=home, title="About us", slug="about")
    _, first_queries = site_data_queries(client, "/tv/")
    second, second_queries = site_data_queries(client, "/about/")

    assert len(first_queries) == 3  # site settings, radio station, navigation
    assert second_queries == []
    # The second page still shows them all.
    assert b'href="/tv/"' in second.content  # header navigation
    assert b'href="/about/"' in second.content  # footer
    assert b"Reel Radio" in second.content


def test_a_saved_setting_is_shown_on_the_next_page(client, section):
    client.get("/tv/")
    settings = SiteSettings.objects.get()
    settings.brand_name = "Reel Weekly"
    settings.save()
    radio = RadioStation.objects.get()
    radio.name = "Reel Nights"
    radio.save()

    response = client.get("/tv/")

    assert b"Reel Weekly" in response.content
    assert b"Reel Nights" in response.content


def test_a_published_section_joins_the_navigation_at_once(client, home, section):
    client.get("/tv/")
    film = SectionPageFactory(parent=home, title="Film", slug="film", show_in_menus=True)
    film.save_revision().publish()

    assert b'href="/film/"' in client.get("/tv/").content

    film.unpublish()

    assert b'href="/film/"' not in client.get("/tv/").content


def test_without_the_cache_pages_read_settings_each_time(client, section, monkeypatch):
    from magazine import cache

    def unreachable():
        raise ConnectionError("cache is down")

    monkeypatch.setattr(cache, "get_generation", unreachable)

    _, first_queries = site_data_queries(client, "/tv/")
    second, second_queries = site_data_queries(client, "/tv/")

    assert len(second_queries) == len(first_queries) == 3
    assert b"Reel Radio" in second.content


def test_the_settings_editor_reads_the_database(admin_client, home, section):
    """A change made outside the admin (no signal) is still what the editor sees."""
    client_page = admin_client.get("/tv/")
    assert client_page.status_code == 200
    SiteSettings.objects.update(brand_name="Changed in the database")
    site = home.get_site()

    response = admin_client.get(f"/admin/settings/magazine/sitesettings/{site.pk}/")

    assert b"Changed in the database" in response.content


def site_lookups(client, path):
    return queries_made(
        client, path, lambda sql: selects_from(sql, "wagtailcore_site", "magazine_homepage")
    )


def test_readers_find_the_site_and_its_home_page_in_the_cache(client, home, section):
    _, first = site_lookups(client, "/tv/")
    response, second = site_lookups(client, "/")

    assert len(first) == 2  # the site, then the home page's own fields
    assert second == []
    assert response.context["page"] == home


def test_editors_requests_look_the_site_up_in_the_database(admin_client, home, section):
    site_lookups(admin_client, "/tv/")
    _, again = site_lookups(admin_client, "/tv/")

    assert len(again) == 2


def test_a_changed_site_is_used_at_once(client, home, section):
    from wagtail.models import Site

    client.get("/tv/")
    other_root = SectionPageFactory(parent=home, title="Weekend", slug="weekend")
    SectionPageFactory(parent=other_root, title="Brunch", slug="brunch")
    site = Site.objects.get()
    site.root_page = other_root
    site.save()

    assert client.get("/brunch/").status_code == 200
    assert client.get("/tv/").status_code == 404
