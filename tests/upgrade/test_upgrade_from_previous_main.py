"""A database built by the previous main migrates forward with nothing lost.

The cast profiles (people, shows and what hangs off them) moved from the articles app
into the cast app. A site already running holds their pages, revisions, permissions,
log entries, search entries and reference index rows, and every one of those points
at a content type id. The move keeps those ids and relabels the content types, then
renames the tables; if any step went wrong an existing site would lose pages or
history while a freshly built test database would look fine. So these tests build a
real database with the previous main's own code, migrations and demo content, migrate
it with today's code, and compare what is there before and after, then serve every
page and open every page and revision in the admin.

Every step runs in a separate process against a database of its own, because the
old code and the new cannot share one interpreter. The same file is the script those
processes run (see the bottom of the file), so the code that reads the database is
the same on both sides of the upgrade.
"""

import json
import os
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings

# The last commit before the cast app: its code, migrations and demo content build the
# database the upgrade starts from. Keep it pinned here so this keeps testing that move.
PREVIOUS_MAIN = "17eb5018ccfe912b7fd178f31f315a71f068f903"

CAST_MODELS = (
    "peopleindexpage",
    "showindexpage",
    "personpage",
    "showpage",
    "season",
    "role",
    "reviewscore",
    "knownforcredit",
    "personlink",
)
APP_LABELS = ("articles", "cast", "shop", "magazine")
# The demo's reference article, given a draft revision before the upgrade.
REFERENCE_SLUG = "heartstopper-season-two"
# Marks the one line of a process's output that carries its JSON result.
RESULT_MARKER = "UPGRADE-CHECK-RESULT:"
THIS_FILE = Path(__file__).resolve()
STEP_TIMEOUT = 300


# --- Run in the processes, with the old code and with the new ----------------------------


def add_history():
    """Old code: give some pages a second revision, as editors would have."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    def first_of(model):
        content_type = ContentType.objects.get(app_label="articles", model=model)
        return Page.objects.filter(content_type=content_type).order_by("pk").first().specific

    article = Page.objects.get(slug=REFERENCE_SLUG).specific
    article.title = f"{article.title} (draft)"
    draft = article.save_revision(log_action=True)

    person = first_of("personpage")
    published = person.save_revision(log_action=True)
    published.publish(log_action=True)

    show = first_of("showpage")
    show.title = f"{show.title} (draft)"
    show_draft = show.save_revision(log_action=True)
    return {"revisions": [draft.pk, published.pk, show_draft.pk]}


def snapshot():
    """What the upgrade must keep: content types, row counts, pages and permissions."""
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    def model(label):
        try:
            return apps.get_model(label)
        except LookupError:
            return None

    # Wagtail keeps its search index model in wagtailsearch; newer releases may move it.
    index_entry = model("wagtailsearch.IndexEntry") or model("modelsearch.IndexEntry")
    Page = model("wagtailcore.Page")
    counted = {
        "pages": Page,
        "revisions": model("wagtailcore.Revision"),
        "page_log_entries": model("wagtailcore.PageLogEntry"),
        "reference_index": model("wagtailcore.ReferenceIndex"),
        "permissions": Permission,
        "group_page_permissions": model("wagtailcore.GroupPagePermission"),
        "search_index_entries": index_entry,
    }
    # Rows that point at a content type, counted per content type id: the same ids
    # before and after show every one still points where it did.
    pointing = {
        "pages": (Page, "content_type_id"),
        "revisions": (model("wagtailcore.Revision"), "content_type_id"),
        "page_log_entries": (model("wagtailcore.PageLogEntry"), "content_type_id"),
        "reference_index": (model("wagtailcore.ReferenceIndex"), "content_type_id"),
        "reference_index_targets": (model("wagtailcore.ReferenceIndex"), "to_content_type_id"),
        "permissions": (Permission, "content_type_id"),
        "search_index_entries": (index_entry, "content_type_id"),
    }

    def rows(table):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            return cursor.fetchone()[0]

    tables = sorted(
        name
        for name in connection.introspection.table_names()
        if name.startswith(("articles_", "cast_"))
    )
    return {
        "content_types": sorted(
            ContentType.objects.filter(app_label__in=APP_LABELS).values_list(
                "id", "app_label", "model"
            )
        ),
        "counts": {
            name: cls.objects.count() if cls is not None else None for name, cls in counted.items()
        },
        "by_content_type": {
            name: sorted(Counter(cls.objects.values_list(field, flat=True)).items())
            for name, (cls, field) in pointing.items()
            if cls is not None
        },
        "pages": sorted(Page.objects.values_list("id", "content_type_id", "url_path", "live")),
        "permissions": sorted(Permission.objects.values_list("content_type_id", "codename")),
        "table_rows": {table: rows(table) for table in tables},
    }


def serve_and_edit():
    """New code: every page serves, opens in the admin, and its revisions load."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Page, Revision

    failures, unrouted = [], []
    served = edited = revisions_opened = cast_revisions = 0

    def get(client, url, what):
        parts = urlsplit(url)
        extra = {"HTTP_HOST": parts.netloc} if parts.netloc else {}
        try:
            status = client.get(parts.path or "/", **extra).status_code
        except Exception as error:
            failures.append(f"{what} {url}: raised {error!r}")
            return False
        if status != 200:
            failures.append(f"{what} {url}: answered {status}")
        return status == 200

    pages = list(Page.objects.order_by("path"))
    for page in pages:
        try:
            specific, cls = page.specific, page.specific_class
        except Exception as error:
            failures.append(f"page {page.pk} {page.url_path}: .specific raised {error!r}")
            continue
        if cls is None or type(specific) is not cls:
            failures.append(
                f"page {page.pk} {page.url_path}: no model for content type "
                f"{page.content_type_id} ({page.content_type.app_label}.{page.content_type.model})"
            )

    reader = Client()
    for page in pages:
        if not page.live:
            continue
        url = page.get_url()
        if url is None:
            unrouted.append(page.pk)
        elif get(reader, url, "page"):
            served += 1

    User = get_user_model()
    user = User.objects.filter(username="upgrade-check").first()
    if user is None:
        user = User.objects.create_superuser("upgrade-check", "upgrade-check@example.com", None)
    editor = Client()
    editor.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    for page in pages:
        if page.is_root():
            continue
        if get(editor, reverse("wagtailadmin_pages:edit", args=[page.pk]), "edit view"):
            edited += 1
        revision = page.revisions.order_by("-created_at", "-pk").first()
        if revision is None:
            continue
        url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
        if get(editor, url, "revision view"):
            revisions_opened += 1

    for revision in Revision.page_revisions.filter(content_type__app_label="cast"):
        expected = revision.content_type.model_class()
        try:
            obj = revision.as_object()
        except Exception as error:
            failures.append(f"revision {revision.pk}: as_object() raised {error!r}")
            continue
        if expected is None or type(obj) is not expected:
            failures.append(f"revision {revision.pk}: as_object() gave {type(obj).__name__}")
        else:
            cast_revisions += 1

    return {
        "pages": len(pages),
        "live_pages": sum(page.live for page in pages),
        "unrouted_live_pages": unrouted,
        "served": served,
        "edit_views": edited,
        "pages_with_revisions": sum(page.revisions.exists() for page in pages),
        "revisions_opened": revisions_opened,
        "cast_revisions": Revision.page_revisions.filter(content_type__app_label="cast").count(),
        "cast_revisions_loaded": cast_revisions,
        "failures": failures,
    }


STEPS = {"add_history": add_history, "snapshot": snapshot, "serve_and_edit": serve_and_edit}


# --- The test side -----------------------------------------------------------------------


def git(*args, **kwargs):
    return subprocess.run(["git", "-C", str(settings.BASE_DIR), *args], **kwargs)


def export_previous_main(destination):
    try:
        found = git("cat-file", "-e", f"{PREVIOUS_MAIN}^{{commit}}", capture_output=True)
    except FileNotFoundError:
        pytest.skip("needs git, to export the previous main's code")
    if found.returncode != 0:
        pytest.skip(
            f"the previous main ({PREVIOUS_MAIN[:7]}) is not in this clone, probably a "
            "shallow one; `git fetch --unshallow` brings it"
        )
    archive = destination.parent / "previous-main.tar"
    with archive.open("wb") as out:
        git("archive", "--format=tar", PREVIOUS_MAIN, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")
    archive.unlink()
    return destination


def server_connection_kwargs():
    db = settings.DATABASES["default"]
    kwargs = {
        "host": db.get("HOST"),
        "port": db.get("PORT"),
        "user": db.get("USER"),
        "password": db.get("PASSWORD"),
    }
    return {key: str(value) for key, value in kwargs.items() if value}


def database_url(name):
    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    netloc = (f"{auth}@" if auth else "") + (db.get("HOST") or "")
    if db.get("PORT"):
        netloc += f":{db['PORT']}"
    return f"postgres://{netloc}/{name}"


def run(what, args, cwd, env):
    """Runs one step in its own process and fails with its output if it fails."""
    try:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"{what} took more than {STEP_TIMEOUT}s:\n{error.stdout}\n{error.stderr}")
    if done.returncode != 0:
        pytest.fail(
            f"{what} failed (exit {done.returncode}):\n"
            f"--- stdout\n{done.stdout[-5000:]}\n--- stderr\n{done.stderr[-10000:]}"
        )
    return done.stdout


def run_step(what, step, cwd, env):
    stdout = run(what, [str(THIS_FILE), step], cwd, env)
    for line in stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            return json.loads(line.removeprefix(RESULT_MARKER))
    pytest.fail(f"{what} printed no result:\n{stdout[-5000:]}")


@pytest.fixture(scope="module")
def upgrade(tmp_path_factory):
    """The previous main's database, with its snapshot before and after today's migrate."""
    import psycopg

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip(
            "needs PostgreSQL, as production runs: set DATABASE_URL=postgres://... (.ci/run does)"
        )
    work = tmp_path_factory.mktemp("upgrade")
    old_tree = export_previous_main(work / "previous-main")
    name = f"upgrade_check_{os.getpid()}"
    server = psycopg.connect(dbname="postgres", autocommit=True, **server_connection_kwargs())

    def drop():
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()

    server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="magazine.settings.base",
            DJANGO_DEBUG="1",
            DATABASE_URL=database_url(name),
            DJANGO_ALLOWED_HOSTS="testserver",
            MEDIA_ROOT=str(work / "media"),
            STATIC_ROOT=str(work / "static"),
            PAGE_CACHE_ENABLED="0",
        )
        new_tree = settings.BASE_DIR

        run("the previous main's migrate", ["manage.py", "migrate", "--noinput"], old_tree, env)
        run("the previous main's load_demo", ["manage.py", "load_demo"], old_tree, env)
        history = run_step("the previous main's new revisions", "add_history", old_tree, env)
        before = run_step("the snapshot before the upgrade", "snapshot", old_tree, env)

        run("today's migrate", ["manage.py", "migrate", "--noinput"], new_tree, env)
        after = run_step("the snapshot after the upgrade", "snapshot", new_tree, env)
        yield SimpleNamespace(
            before=before, after=after, history=history, env=env, new_tree=new_tree
        )
    finally:
        drop()


def test_previous_main_database_migrates_forward_with_nothing_lost(upgrade):
    """Content types keep their ids, and every row that points at one is still there."""
    before, after = upgrade.before, upgrade.after
    assert before["counts"]["pages"] > 10, "the demo content did not load"
    assert len(upgrade.history["revisions"]) == 3

    moved = {
        model: ct_id
        for ct_id, app_label, model in map(tuple, before["content_types"])
        if app_label == "articles" and model in CAST_MODELS
    }
    assert sorted(moved) == sorted(CAST_MODELS), "the previous main lacks some cast models"
    after_types = {tuple(row) for row in after["content_types"]}
    for model, ct_id in moved.items():
        assert (ct_id, "cast", model) in after_types, (
            f"cast.{model} lost content type {ct_id}: "
            f"{[row for row in after_types if row[2] == model]}"
        )
    assert not [row for row in after_types if row[1] == "articles" and row[2] in CAST_MODELS]
    expected_types = {
        (ct_id, "cast" if app_label == "articles" and model in CAST_MODELS else app_label, model)
        for ct_id, app_label, model in map(tuple, before["content_types"])
    }
    assert expected_types - after_types == set(), "content types changed or went missing"
    assert not [row for row in after_types - expected_types if row[2] in CAST_MODELS], (
        "cast models got new content types"
    )

    assert after["counts"] == before["counts"]
    assert after["by_content_type"] == before["by_content_type"]

    pages_before = {row[0]: row for row in map(tuple, before["pages"])}
    pages_after = {row[0]: row for row in map(tuple, after["pages"])}
    changed = {
        page_id: (row, pages_after.get(page_id))
        for page_id, row in pages_before.items()
        if pages_after.get(page_id) != row
    }
    assert changed == {}, "pages changed (before, after)"
    assert pages_after.keys() == pages_before.keys()

    permissions_before = {tuple(row) for row in before["permissions"]}
    permissions_after = {tuple(row) for row in after["permissions"]}
    assert permissions_before - permissions_after == set(), "permissions went missing"
    assert permissions_after - permissions_before == set(), "permissions appeared"


def test_cast_tables_carry_the_cast_app_names_after_the_upgrade(upgrade):
    """The cast tables are renamed, not rebuilt: each keeps every row it had."""
    rows_before, rows_after = upgrade.before["table_rows"], upgrade.after["table_rows"]
    for model in CAST_MODELS:
        assert f"articles_{model}" in rows_before
        assert f"cast_{model}" in rows_after, f"cast_{model} is missing"
        assert f"articles_{model}" not in rows_after, f"articles_{model} is still there"
    renamed = {
        table.replace("articles_", "cast_", 1)
        if table.removeprefix("articles_") in CAST_MODELS
        else table: rows
        for table, rows in rows_before.items()
    }
    assert rows_after == renamed, "tables lost rows or went missing (rows after the upgrade)"
    assert rows_after["cast_personpage"] > 0


def test_every_page_serves_and_opens_in_the_admin_after_the_upgrade(upgrade):
    """Readers get every live page, and editors every page and its latest revision."""
    summary = run_step("serving and editing", "serve_and_edit", upgrade.new_tree, upgrade.env)
    failures = "\n".join(summary["failures"])
    assert summary["failures"] == [], f"after the upgrade:\n{failures}"
    pages = upgrade.after["counts"]["pages"]
    assert summary["pages"] == pages
    # Only the tree's root has no URL.
    assert len(summary["unrouted_live_pages"]) <= 1, summary["unrouted_live_pages"]
    assert summary["served"] == summary["live_pages"] - len(summary["unrouted_live_pages"])
    assert summary["edit_views"] == pages - 1
    assert summary["revisions_opened"] == summary["pages_with_revisions"] > 10
    assert summary["cast_revisions_loaded"] == summary["cast_revisions"] > 0


if __name__ == "__main__":
    # One step of the upgrade, run with the code in the working directory.
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    print(RESULT_MARKER + json.dumps(STEPS[sys.argv[1]]()))
