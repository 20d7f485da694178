"""Every page type of the site skeleton renders in the site layout."""

from datetime import UTC

import pytest
from bs4 import BeautifulSoup

from magazine.models import RadioStation, SiteSettings
from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def site_settings(home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.brand_name = "The Reel Edit"
    settings.footer_text = "An independent entertainment magazine."
    settings.x_handle = "reeledit"
    settings.save()
    station = RadioStation.for_site(site)
    station.name = "Reel Radio"
    station.stream_url = "/media/radio/demo-loop.wav"
    station.now_playing = "The Afternoon Reel"
    station.save()
    return settings


def test_home_page_renders_in_the_site_layout(client, home, site_settings):
    response = client.get("/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("a.skip-link")["href"] == "#main"
    assert page.find("header") and page.find("main", id="main") and page.find("footer")
    assert page.find("h1").get_text(strip=True) == "The Reel Edit"
    assert "An independent entertainment magazine." in page.find("footer").get_text()
    assert page.find("title").get_text().endswith("| The Reel Edit")
    assert page.find("form", role="search")["action"] == "/search/"


def test_header_navigation_lists_live_sections_in_menus(client, home, site_settings):
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    SectionPageFactory(parent=home, title="Hidden", slug="hidden", show_in_menus=False)
    draft = SectionPageFactory(parent=home, title="Draft", slug="draft")
    draft.unpublish()

    nav = soup(client.get("/")).find("nav", attrs={"aria-label": "Sections"})
    assert [a.get_text() for a in nav.find_all("a")] == ["TV"]
    assert nav.find("a")["href"] == tv.url


def test_current_section_is_marked_in_navigation(client, home, site_settings):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    SectionPageFactory(parent=home, title="Film", slug="film")
    nav = soup(client.get("/tv/")).find("nav", attrs={"aria-label": "Sections"})
    current = nav.find_all("a", attrs={"aria-current": True})
    assert [a.get_text() for a in current] == ["TV"]


def test_section_page_lists_its_stories_newest_first(client, home, site_settings):
    from datetime import datetime

    from tests.articles.factories import ArticlePageFactory

    section = SectionPageFactory(parent=home, title="TV", slug="tv", intro="Telly.")
    # Subsections' stories are listed too.
    sub = SectionPageFactory(parent=section, title="Reviews", slug="reviews")
    ArticlePageFactory(
        parent=sub, title="Older story", first_published_at=datetime(2024, 1, 1, tzinfo=UTC)
    )
    ArticlePageFactory(
        parent=sub, title="Newer story", first_published_at=datetime(2024, 6, 1, tzinfo=UTC)
    )

    page = soup(client.get("/tv/"))
    assert page.find("h1").get_text() == "TV"
    titles = [h.get_text(strip=True) for h in page.select(".teaser__title")]
    assert titles == ["Newer story", "Older story"]


def test_section_pagination_handles_bad_page_numbers(client, home, site_settings):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    assert client.get("/tv/?page=abc").status_code == 200
    assert client.get("/tv/?page=").status_code == 200
    assert client.get("/tv/?page=99").status_code == 404
    assert client.get("/tv/?page=-1").status_code == 404


def test_standard_page_renders_its_body(client, home, site_settings):
    StandardPageFactory(
        parent=home,
        title="Why you can trust us",
        slug="why-you-can-trust-us",
        intro="How we choose.",
        body=[("heading", {"text": "How we make money"}), ("paragraph", "<p>Commission.</p>")],
    )
    page = soup(client.get("/why-you-can-trust-us/"))
    assert page.find("h1").get_text() == "Why you can trust us"
    assert page.find("h2", string="How we make money")
    assert page.find("meta", attrs={"name": "description"})["content"] == "How we choose."


def test_unknown_url_gives_404_in_site_layout(client, home, site_settings):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.find("h1").get_text() == "Sorry, we can't find that page"
    assert page.find("header") and page.find("footer")
    assert page.select_one("[data-radio]") is not None


def test_server_error_page_uses_site_layout(rf, home, site_settings):
    from magazine.views import server_error

    request = rf.get("/")
    response = server_error(request)
    assert response.status_code == 500
    page = soup(response)
    assert "something went wrong" in page.find("h1").get_text()
    assert page.find("header") and page.find("footer")


def test_every_page_has_title_description_and_canonical(client, home, site_settings):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    for url in ["/", "/tv/"]:
        page = soup(client.get(url))
        assert page.find("title").get_text().strip()
        assert page.find("meta", attrs={"name": "description"})["content"]
        assert page.find("link", rel="canonical")["href"].startswith("http://testserver/")
        assert len(page.find_all("h1")) == 1


def test_search_answers_helpfully_for_empty_and_hostile_queries(client, home, site_settings):
    empty = client.get("/search/")
    assert empty.status_code == 200
    assert b"Type a few words" in empty.content

    hostile = client.get("/search/", {"q": '<script>alert("x")</script>'})
    assert hostile.status_code == 200
    assert b"<script>alert" not in hostile.content

    huge = client.get("/search/", {"q": "heartstopper " * 500})
    assert huge.status_code == 200
    assert b"first 200 characters" in huge.content
    assert huge["X-Robots-Tag"] == "noindex"


def test_search_finds_live_pages(client, home, site_settings):
    from tests.articles.factories import ArticlePageFactory

    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    ArticlePageFactory(parent=section, title="Meet the team", standfirst="Who we are.")
    ArticlePageFactory(parent=section, title="Contact", standfirst="Write to us.")
    response = client.get("/search/", {"q": "team"})
    titles = [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]
    assert titles == ["Meet the team"]
