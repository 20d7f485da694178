"""A reader's request that loses its database connection is answered again, not with a 500."""

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import Client

from tests.factories import SectionPageFactory

# Transactional: the retry replaces failed connections, which a test wrapped in a
# transaction could not survive.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("no_page_cache")]


class DatabaseAway:
    """Fails the next `failures` queries as a restarting PostgreSQL does, then lets them through."""

    def __init__(self, failures):
        self.failures = failures
        self.failed = 0

    def __call__(self, execute, sql, params, many, context):
        if self.failed < self.failures:
            self.failed += 1
            raise OperationalError("terminating connection due to administrator command")
        return execute(sql, params, many, context)


@pytest.fixture
def reader():
    # Like a browser: the 500 page, not the exception the test client would re-raise.
    return Client(raise_request_exception=False)


@pytest.fixture(autouse=True)
def no_pauses(settings):
    settings.DATABASE_RETRY_DELAYS = (0, 0, 0)


@pytest.fixture
def tv(home):
    return SectionPageFactory(parent=home, title="TV", slug="tv")


def retries(caplog, path):
    return sum(f"answering {path} again" in r.getMessage() for r in caplog.records)


def test_a_page_read_while_the_database_restarts_is_answered_on_a_later_try(reader, tv, caplog):
    away = DatabaseAway(failures=1)
    with connection.execute_wrapper(away):
        response = reader.get("/tv/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").find("h1").get_text(strip=True) == "TV"
    assert away.failed == 1
    assert retries(caplog, "/tv/") == 1


def test_a_database_that_stays_away_gets_the_500_page_after_the_last_try(reader, tv, caplog):
    with connection.execute_wrapper(DatabaseAway(failures=1000)):
        response = reader.get("/tv/")
    assert response.status_code == 500
    assert "Sorry" in response.content.decode()
    assert retries(caplog, "/tv/") == 3  # one after each pause, then the 500 page


def test_requests_that_may_change_something_are_never_repeated(reader, tv, caplog):
    away = DatabaseAway(failures=1)
    with connection.execute_wrapper(away):
        response = reader.post("/admin/login/", {"username": "editor", "password": "secret"})
    assert away.failed == 1
    assert response.status_code == 500
    assert retries(caplog, "/admin/login/") == 0


def test_other_errors_are_not_retried(reader, tv, monkeypatch):
    calls = []

    def broken(self, request, *args, **kwargs):
        calls.append(request.path)
        raise ValueError("a bug, not the database")

    monkeypatch.setattr("magazine.models.pages.SectionPage.serve", broken)
    assert reader.get("/tv/").status_code == 500
    assert calls == ["/tv/"]
