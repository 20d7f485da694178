"""The demo command builds the site and is idempotent."""

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from magazine.models import HomePage, RadioStation, SectionPage, SiteSettings

pytestmark = pytest.mark.django_db


def object_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"magazine", "articles", "shop", "wagtailcore", "wagtailimages"}
        and not model._meta.label.endswith(("Log", "LogEntry", "Task", "Revision"))
    }


def test_demo_builds_home_sections_trust_page_and_settings(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    titles = set(SectionPage.objects.live().values_list("title", flat=True))
    assert {"TV", "Film", "Celebrity", "Books"} <= titles
    assert Page.objects.live().filter(slug="why-you-can-trust-us").exists()
    assert SiteSettings.for_site(site).brand_name == "The Reel Edit"
    station = RadioStation.for_site(site)
    assert station.is_live

    # The demo stream is a real, playable file served locally.
    audio = client.get(station.stream_url)
    assert audio.status_code == 200
    assert b"".join(audio.streaming_content)[:4] == b"RIFF"


def test_demo_command_is_idempotent():
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = object_counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert object_counts() == first
