"""Pages are looked up by address through an index, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_page_addresses_are_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = [c["columns"] for c in constraints.values() if c["index"]]
    assert ["url_path"] in indexed
