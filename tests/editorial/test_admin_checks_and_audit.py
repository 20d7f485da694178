"""Wagtail's built-in accessibility checker is on, and the page history records who published."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry

from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("eddie", password="pw-123456")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_editors_get_the_accessibility_checker_on_pages_and_in_the_editor(client, home, editor):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    on_page = client.get("/tv/").content.decode()
    assert "w-userbar" in on_page and "data-content-checker" in on_page
    in_editor = client.get(f"/admin/pages/{section.pk}/edit/").content.decode()
    assert "checker-axe-configuration" in in_editor


def test_page_history_shows_who_published_and_when(client, home, editor):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    section.title = "TV and streaming"
    section.save_revision(user=editor).publish(user=editor)

    entry = PageLogEntry.objects.filter(page=section, action="wagtail.publish").latest("timestamp")
    assert entry.user == editor
    history = client.get(f"/admin/pages/{section.pk}/history/").content.decode()
    assert "Published" in history and "eddie" in history
