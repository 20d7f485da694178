"""HTML is sent compressed to readers who accept gzip, from the page cache too."""

import gzip

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, slug="about", intro="Who we are. " * 40)


def test_a_page_is_gzipped_for_a_reader_who_accepts_it(client, about):
    for cache_state in ("MISS", "HIT"):
        response = client.get("/about/", headers={"accept-encoding": "gzip, br"})

        assert response["X-Cache"] == cache_state
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        html = gzip.decompress(response.content).decode()
        assert "Who we are." in html


def test_a_reader_who_does_not_accept_gzip_gets_plain_html(client, about):
    client.get("/about/", headers={"accept-encoding": "gzip"})  # fills the page cache

    response = client.get("/about/")

    assert not response.has_header("Content-Encoding")
    assert "Who we are." in response.content.decode()
