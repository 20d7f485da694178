"""Editors and moderators may read the affiliate click report (shop.view_click)."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="shop", model="click")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_click",
        defaults={"name": "Can view affiliate click"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="shop", codename="view_click")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0002_affiliate_settings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail's initial data creates the Editors and Moderators groups.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
