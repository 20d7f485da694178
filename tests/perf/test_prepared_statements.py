"""On PostgreSQL, a query a connection keeps running is planned once, not every request."""

import pytest
from django.db import connection

from magazine.models import SectionPage
from tests.factories import SectionPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
    ),
]


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_query_run_five_times_becomes_a_prepared_statement(home):
    SectionPageFactory(parent=home, title="Television", slug="tv")

    def lookup(slug):
        # A query no other test makes, so no earlier test has prepared it.
        return SectionPage.objects.filter(slug=slug, depth__gte=2, numchild__lt=7).count()

    lookup("film")
    assert not any('"numchild" < $2' in sql for sql in prepared_statements())
    for slug in ["tv", "film", "books", "tv", "music"]:
        lookup(slug)

    assert any('"numchild" < $2' in sql for sql in prepared_statements())
    # Parameters are still bound per execution.
    assert lookup("tv") == 1
    assert lookup("film") == 0
