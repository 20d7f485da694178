"""A GIN index on the combined title and body vectors of Wagtail's search index.

Wagtail's PostgreSQL search matches `title || body` against the query, which its
separate title and body indexes can't serve: every search read every indexed
object. With this index, finding and counting matches follows the index.
PostgreSQL only; other databases have their own full-text engines.
"""

from django.db import migrations

INDEX = "magazine_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("magazine", "0002_editorial_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
