"""Search over articles: what it finds, and how it answers awkward queries."""

import pytest
from bs4 import BeautifulSoup

from tests.articles.factories import ArticlePageFactory, AuthorFactory, heading, paragraph

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".teaser__title")]


@pytest.fixture
def stories(tv):
    writer = AuthorFactory(name="Marisol Quennell", slug="marisol")
    ArticlePageFactory(
        parent=tv,
        title="Paris school trip",
        standfirst="Bonjour from the cast",
        tag_names=["Heartstopper"],
        body=[heading("Packing"), paragraph("<p>Croissants and a rugby ball.</p>")],
        authors=[writer],
    )
    ArticlePageFactory(parent=tv, title="Weather report", standfirst="Rain again")
    ArticlePageFactory(parent=tv, title="Unpublished Paris draft").unpublish()


@pytest.mark.parametrize("query", ["Paris", "bonjour", "croissants", "heartstopper", "Quennell"])
def test_search_finds_title_standfirst_body_tags_and_author_names(client, stories, query):
    assert found(client, query) == ["Paris school trip"]


@pytest.mark.parametrize(
    "query",
    [
        '<script>alert("x")</script>',
        '"',
        "*",
        "NEAR(",
        "AND OR NOT",
        "'; DROP TABLE wagtailcore_page; --",
        "(((",
        "\u0000",
        "🙂",
    ],
)
def test_hostile_queries_answer_200_without_reflected_markup(client, stories, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_search_results_are_paginated(client, tv):
    for n in range(12):
        ArticlePageFactory(parent=tv, title=f"Casting news {n}")
    assert len(found(client, "casting")) == 10
    assert len(found(client, "casting", page=2)) == 2
    assert client.get("/search/", {"q": "casting", "page": "x"}).status_code == 200
    assert client.get("/search/", {"q": "casting", "page": "9"}).status_code == 404


def test_empty_and_huge_queries_get_a_helpful_message(client, stories):
    assert b"Type a few words" in client.get("/search/", {"q": "   "}).content
    huge = client.get("/search/", {"q": "paris " * 400})
    assert huge.status_code == 200
    assert b"first 200 characters" in huge.content


def test_draft_changes_to_a_live_article_are_not_searchable(client, tv):
    article = ArticlePageFactory(parent=tv, title="Casting news", standfirst="Plain")
    article.standfirst = "Secret scoop in the draft"
    article.save_revision()
    assert found(client, "scoop") == []
    assert found(client, "casting") == ["Casting news"]
