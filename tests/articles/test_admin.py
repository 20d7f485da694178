"""Editors: the author snippet and its chooser, the article editor and preview."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import ArticlePage
from tests.articles.factories import AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(user)
    return client


def test_author_chooser_searches_by_name(editor):
    AuthorFactory(name="Piper Huxley", slug="piper")
    AuthorFactory(name="Sam Adeyemi", slug="sam")
    url = reverse("wagtailsnippetchoosers_articles_author:choose_results")
    response = editor.get(url, {"q": "Piper"})
    assert response.status_code == 200
    assert b"Piper Huxley" in response.content
    assert b"Sam Adeyemi" not in response.content


def test_authors_are_listed_in_the_admin(editor):
    AuthorFactory(name="Piper Huxley", slug="piper")
    response = editor.get(reverse("wagtailsnippets_articles_author:list"))
    assert response.status_code == 200
    assert b"Piper Huxley" in response.content


def test_the_author_list_searches_by_name_and_role(editor):
    AuthorFactory(name="Piper Huxley", slug="piper", role="TV editor")
    AuthorFactory(name="Sam Adeyemi", slug="sam", role="Books editor")
    url = reverse("wagtailsnippets_articles_author:list")

    by_name = editor.get(url, {"q": "Piper"})
    by_role = editor.get(url, {"q": "Books"})

    assert by_name.status_code == by_role.status_code == 200
    assert b"Piper Huxley" in by_name.content and b"Sam Adeyemi" not in by_name.content
    assert b"Sam Adeyemi" in by_role.content and b"Piper Huxley" not in by_role.content


def test_article_editor_and_preview_work(editor, article):
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert edit.status_code == 200
    article.title = "A draft headline"
    preview = article.make_preview_request()
    assert preview.status_code == 200
    assert b"A draft headline" in preview.content


def test_preview_of_a_never_published_article(tv, piper):
    from articles.models import ArticlePageAuthor

    draft = ArticlePage(title="Brand new", slug="brand-new", standfirst="Fresh")
    draft.article_authors = [ArticlePageAuthor(author=piper)]
    tv.add_child(instance=draft)
    draft.unpublish()
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert b"Brand new" in response.content
    assert b"Piper Huxley" in response.content


def test_new_article_form_renders_in_a_section(editor, tv):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", tv.pk])
    assert editor.get(url).status_code == 200
    assert ArticlePage.objects.count() == 0
