"""Search answers newest first, so its cost does not grow with the number of matches."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from tests.articles.factories import ArticlePageFactory, paragraph
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".teaser__title")]


@pytest.fixture
def tv(home):
    return SectionPageFactory(parent=home, title="TV", slug="tv")


def article(tv, title, day, text=""):
    return ArticlePageFactory(
        parent=tv,
        title=title,
        standfirst="Casting news",
        first_published_at=datetime(2024, 3, day, tzinfo=UTC),
        body=[paragraph(f"<p>{text}</p>")] if text else [],
    )


def test_the_newest_match_comes_first_even_when_an_older_one_says_it_more(client, tv):
    article(tv, "Heartstopper Heartstopper Heartstopper", 1, "Heartstopper " * 20)
    article(tv, "Season three begins filming", 20, "Heartstopper returns.")
    article(tv, "Weather report", 25)
    assert found(client, "heartstopper") == [
        "Season three begins filming",
        "Heartstopper Heartstopper Heartstopper",
    ]


def test_pages_of_results_continue_in_date_order(client, tv):
    for day in range(1, 13):
        article(tv, f"Casting call {day}", day)
    first, second = found(client, "casting"), found(client, "casting", page=2)
    assert first + second == [f"Casting call {day}" for day in range(12, 0, -1)]


def test_search_queries_do_not_grow_with_the_number_of_matches(
    client, tv, django_assert_max_num_queries
):
    for day in range(1, 4):
        article(tv, f"Premiere {day}", day)
    with django_assert_max_num_queries(50) as few:
        found(client, "premiere")
    for day in range(4, 26):
        article(tv, f"Premiere {day}", day)
    with django_assert_max_num_queries(len(few.captured_queries)):
        found(client, "premiere")


def test_counting_stops_at_the_limit_and_says_there_are_more(client, tv, monkeypatch):
    monkeypatch.setattr("articles.search.PER_PAGE", 5)
    monkeypatch.setattr("articles.search.COUNT_LIMIT", 10)
    for day in range(1, 29):
        article(tv, f"Premiere {day}", day)

    def summary(page_number):
        response = client.get("/search/", {"q": "premiere", "page": page_number})
        page = BeautifulSoup(response.content, "html.parser")
        return (
            page.select_one(".listing__count").get_text(strip=True),
            page.select_one(".pagination span").get_text(strip=True),
        )

    assert summary(1) == ("More than 10 results, newest first", "Page 1 of more than 2")
    # Paging on counts a step further, so there is always a next page while there are
    # more matches: the page after the first count answers, newest first.
    assert summary(2) == ("More than 20 results, newest first", "Page 2 of more than 4")
    assert found(client, "premiere", page=3)[0] == "Premiere 18"
    # Near the end the count is exact, and past it there is no page.
    assert summary(4) == ("28 results", "Page 4 of 6")
    assert found(client, "premiere", page=6) == ["Premiere 3", "Premiere 2", "Premiere 1"]
    assert client.get("/search/", {"q": "premiere", "page": 7}).status_code == 404


def test_count_limit_steps_past_the_page_being_read():
    from articles.search import count_limit

    assert [count_limit(n, 10, 100) for n in (0, 1, 9)] == [100, 100, 100]
    assert [count_limit(n, 10, 100) for n in (10, 11, 19, 20)] == [200, 200, 200, 300]


def test_counts_up_to_the_limit_are_exact(client, tv, monkeypatch):
    monkeypatch.setattr("articles.search.COUNT_LIMIT", 20)
    for day in range(1, 21):
        article(tv, f"Premiere {day}", day)
    article(tv, "Weather report", 22)
    page = BeautifulSoup(client.get("/search/", {"q": "premiere"}).content, "html.parser")
    assert page.select_one(".listing__count").get_text(strip=True) == "20 results"
    assert page.select_one(".pagination span").get_text(strip=True) == "Page 1 of 2"
