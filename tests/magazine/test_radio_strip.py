"""The listen-live strip on every page (its behaviour in a browser: tests/browser)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Site

from magazine.models import RadioStation
from magazine.models.site_settings import validate_stream_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def station(home):
    station = RadioStation.for_site(Site.objects.get(is_default_site=True))
    station.name = "Reel Radio"
    station.stream_url = "https://stream.example.test/live.mp3"
    station.now_playing = "The Breakfast Reel"
    station.save()
    return station


def strip(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one("[data-radio]")


def test_strip_shows_station_and_now_playing(client, station):
    radio = strip(client)
    assert "Listen live" in radio.get_text()
    assert "Reel Radio" in radio.select_one(".radio__station").get_text()
    assert "The Breakfast Reel" in radio.select_one(".radio__now").get_text()


def test_strip_never_autoplays_and_works_without_javascript(client, station):
    audio = strip(client).find("audio")
    assert audio["src"] == "https://stream.example.test/live.mp3"
    assert not audio.has_attr("autoplay")
    assert audio["preload"] == "none"
    # Native controls until the script swaps in the single button.
    assert audio.has_attr("controls")
    button = strip(client).find("button")
    assert button.has_attr("hidden")
    assert button.get_text(strip=True) == "Play Reel Radio live"


def test_strip_is_on_the_404_page_too(client, station):
    assert strip(client, "/missing/") is not None


def test_strip_is_hidden_when_disabled_or_without_stream(client, station):
    station.enabled = False
    station.save()
    assert strip(client) is None
    station.enabled = True
    station.stream_url = ""
    station.save()
    assert strip(client) is None


@pytest.mark.parametrize(
    "url", ["https://stream.example.test/live.mp3", "http://radio.test/a", "/media/radio/x.wav"]
)
def test_stream_url_accepts_web_addresses_and_site_paths(url):
    validate_stream_url(url)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.test/x", "ftp://x.test/a", "live"])
def test_stream_url_refuses_anything_else(url):
    with pytest.raises(ValidationError, match="https://"):
        validate_stream_url(url)
