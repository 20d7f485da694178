"""Editors: usage of people in articles, and a clear message for bad role seasons."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.cast.factories import cast_block

pytestmark = pytest.mark.django_db


def test_person_usage_lists_an_article_that_shows_them_in_a_cast_block(
    admin_client, world, heartstopper
):
    article = world.article(title="Season two: what we know", body=[cast_block(heartstopper)])
    leila = heartstopper.cast_people["Leila Khan"]

    response = admin_client.get(reverse("wagtailadmin_pages:usage", args=[leila.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [" ".join(tr.get_text(" ", strip=True).split()) for tr in soup.select("tbody tr")]
    article_rows = [row for row in rows if "Season two: what we know" in row]
    assert article_rows and "Cast rundown" in article_rows[0]
    assert article.title in response.content.decode()


def test_deleting_a_person_warns_about_articles_using_them(admin_client, world, heartstopper):
    leila = heartstopper.cast_people["Leila Khan"]
    url = reverse("wagtailadmin_pages:delete", args=[leila.pk])

    def warning():
        soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
        return " ".join(soup.get_text(" ").split())

    # The show's cast references her; an article's cast block adds a second use.
    assert "This person is referenced 1 time." in warning()
    world.article(title="Season two: what we know", body=[cast_block(heartstopper)])
    assert "This person is referenced 2 times." in warning()


def test_show_editor_refuses_a_role_ending_before_it_starts(admin_client, heartstopper):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    kit = heartstopper.cast_people["Kit Connor"]
    data = nested_form_data(
        {
            "title": "Heartstopper",
            "slug": "heartstopper",
            "network": "Netflix",
            "based_on": "",
            "source_author": "",
            "synopsis": rich_text("<p>Two boys.</p>"),
            "key_image": "",
            "seasons": inline_formset([]),
            "review_scores": inline_formset([]),
            "roles": inline_formset(
                [
                    {
                        "person": kit.pk,
                        "character_name": "Nick Nelson",
                        "character_note": "",
                        "first_season": 3,
                        "last_season": 2,
                        "billing": "main",
                    }
                ]
            ),
            "seo_title": "",
            "search_description": "",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[heartstopper.pk]), data)
    assert response.status_code == 200  # the form comes back with errors, nothing saved
    assert "The last season can&#x27;t be before the first season." in response.content.decode()
