"""Editors can preview new profiles before they are ever saved."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from cast.models import PersonPage, Role, Season, ShowPage

pytestmark = pytest.mark.django_db


def preview(page, rf):
    request = rf.get("/")
    html = render_to_string(page.get_template(request), page.get_context(request), request)
    return BeautifulSoup(html, "html.parser")


def test_unsaved_person_page_previews(rf, world):
    page = PersonPage(title="New Face", slug="new-face", short_bio="Just cast.")
    soup = preview(page, rf)
    assert soup.find("h1").get_text() == "New Face"
    assert "No articles about New Face yet." in soup.get_text()


def test_unsaved_show_page_previews_its_unsaved_cast(rf, world):
    kit = world.person("Kit Connor")
    page = ShowPage(
        title="New Show",
        slug="new-show",
        seasons=[Season(number=1, status=Season.Status.ANNOUNCED)],
        roles=[Role(person=kit, character_name="Nick Nelson", first_season=1, sort_order=0)],
    )
    soup = preview(page, rf)
    assert soup.find("h1").get_text() == "New Show"
    assert soup.select_one(".cast-member__as").get_text(" ", strip=True) == "as → Nick Nelson"
