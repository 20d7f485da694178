"""Private pages stay private however they are reached, and public ones pay nothing for it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.articles.factories import ArticlePageFactory
from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def restrict(page, kind=PageViewRestriction.PASSWORD):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")


def test_an_article_in_a_password_protected_section_asks_for_the_password(client, home):
    members = SectionPageFactory(parent=home, title="Members", slug="members")
    ArticlePageFactory(parent=members, title="Secret screening", slug="screening")
    restrict(members)

    response = client.get("/members/screening/")

    assert response.status_code == 200
    assert "Secret screening" not in response.content.decode()
    assert b'name="password"' in response.content
    assert "no-cache" in response["Cache-Control"]


def test_a_page_for_signed_in_readers_sends_others_to_sign_in(client, home):
    notes = StandardPageFactory(parent=home, title="Staff notes", slug="staff-notes")
    restrict(notes, PageViewRestriction.LOGIN)

    response = client.get("/staff-notes/")

    assert response.status_code == 302
    assert "/staff-notes/" in response["Location"]


def test_pages_under_an_alias_of_a_private_section_are_private_too(client, home):
    members = SectionPageFactory(parent=home, title="Members", slug="members")
    ArticlePageFactory(parent=members, title="Secret screening", slug="screening")
    restrict(members)
    members.create_alias(update_slug="members-copy", recursive=True)

    response = client.get("/members-copy/screening/")

    assert "Secret screening" not in response.content.decode()
    assert b'name="password"' in response.content


def test_a_public_page_looks_up_no_restrictions(client, home):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    client.get("/tv/")

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/tv/").status_code == 200

    # The routing query says the page is public (an EXISTS inside it); nothing else asks.
    restriction_reads = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(
            (
                'SELECT DISTINCT "wagtailcore_pageviewrestriction"',
                'SELECT "wagtailcore_pageviewrestriction"',
            )
        )
    ]
    assert restriction_reads == []
