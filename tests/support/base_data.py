"""What migrations put in a fresh database, made again after a transactional test empties it."""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


def ensure_base_data():
    # A flush gives content types new ids on PostgreSQL; forget the cached ones.
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if not Group.objects.filter(name="Writers").exists():
        migration = importlib.import_module("magazine.migrations.0002_editorial_groups")
        migration.set_up_editorial_groups(apps, None)
