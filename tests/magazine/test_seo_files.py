"""robots.txt and the sitemap."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


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
    first_page = BeautifulSoup(index.content, "html.parser").find("loc").get_text()
    response = client.get(first_page)
    assert response.status_code == 200
    locations = [
        loc.get_text() for loc in BeautifulSoup(response.content, "html.parser").find_all("loc")
    ]
    assert "http://testserver/" in locations
    assert "http://testserver/tv/" in locations
    assert "http://testserver/about-us/" in locations
    assert not any("secret-plans" in loc for loc in locations)


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("magazine/favicon.png")
