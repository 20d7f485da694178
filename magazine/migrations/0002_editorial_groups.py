"""Writers, Editors and Site administrators, and the review workflow between them.

Writers create and edit pages and submit them; only Editors publish. Wagtail's own
default groups (Moderators, Editors) and its default workflow are replaced.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

PAGE_PERMISSIONS = {
    "Writers": ["add_page", "change_page"],
    "Editors": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
COLLECTION_PERMISSIONS = {
    # Wagtail checks image permissions against wagtailimages.Image whatever the image
    # model is.
    "Writers": [
        ("wagtailimages", "image", ["add_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "choose_document"]),
    ],
    "Editors": [
        ("wagtailimages", "image", ["add_image", "change_image", "delete_image", "choose_image"]),
        (
            "wagtaildocs",
            "document",
            ["add_document", "change_document", "delete_document", "choose_document"],
        ),
    ],
}
MODEL_PERMISSIONS = {
    "Writers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("articles", "author", "view_author"),
    ],
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("articles", "author", "add_author"),
        ("articles", "author", "change_author"),
        ("articles", "author", "delete_author"),
        ("articles", "author", "view_author"),
        ("shop", "retailer", "add_retailer"),
        ("shop", "retailer", "change_retailer"),
        ("shop", "retailer", "delete_retailer"),
        ("shop", "retailer", "view_retailer"),
        ("shop", "click", "view_click"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
    ],
}


def permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )


def set_up_editorial_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    # Wagtail's defaults: its "Moderators" go, its "Editors" become ours.
    Group.objects.filter(name="Moderators").delete()
    WorkflowPage.objects.all().delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)

    groups = {}
    for name in ("Writers", "Editors", "Site administrators"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        groups[name] = group

    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=groups[name],
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
    for name, entries in COLLECTION_PERMISSIONS.items():
        for app_label, model, codenames in entries:
            for codename in codenames:
                GroupCollectionPermission.objects.create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )
    for name, entries in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(permission(apps, *entry) for entry in entries))

    # Site administrators may do everything in the admin.
    admins = groups["Site administrators"]
    admins.permissions.set(Permission.objects.all())
    for codename in PAGE_PERMISSIONS["Editors"]:
        GroupPagePermission.objects.create(
            group=admins,
            page=root_page,
            permission=permission(apps, "wagtailcore", "page", codename),
        )
    for entries in COLLECTION_PERMISSIONS["Editors"]:
        app_label, model, codenames = entries
        for codename in codenames:
            GroupCollectionPermission.objects.create(
                group=admins,
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )

    # Writers submit; Editors approve and publish.
    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Editor approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Editors"], admins])
    workflow, _ = Workflow.objects.get_or_create(
        name="Editorial review", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        WorkflowPage.objects.create(page=root_page, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("magazine", "0001_initial"),
        ("articles", "0002_initial"),
        ("shop", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_up_editorial_groups, migrations.RunPython.noop)]
