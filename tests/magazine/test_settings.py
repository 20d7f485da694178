"""Settings come from the environment; each case runs in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "a-long-random-secret-key-for-the-settings-tests-" + "k" * 30


def run_python(code, **env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(**env):
    code = (
        "import json, os\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'magazine.settings.base'\n"
        "from django.conf import settings\n"
        "db = settings.DATABASES['default']\n"
        "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
        "'host': db.get('HOST'), 'health': db.get('CONN_HEALTH_CHECKS'), "
        "'options': db.get('OPTIONS', {}), "
        "'cache': settings.CACHES['default']['BACKEND'], "
        "'renditions': settings.CACHES['renditions']['BACKEND'], "
        "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, "
        "'tz': settings.TIME_ZONE, 'media': str(settings.MEDIA_ROOT), "
        "'proxy': getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)}))\n"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_missing_secret_key_with_debug_off_is_a_clear_error():
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'magazine.settings.base';"
        "from django.conf import settings; settings.DEBUG",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_run_needs_no_secret_key_and_uses_sqlite_in_the_project():
    values = load_settings(DJANGO_DEBUG="1")
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(PROJECT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["tz"] == "Europe/London"
    assert "127.0.0.1" in values["hosts"]


def test_database_url_selects_postgresql_with_health_checks():
    values = load_settings(
        DJANGO_SECRET_KEY=SECRET, DATABASE_URL="postgres://mag:pw@db.internal:5432/magazine"
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "magazine"
    assert values["host"] == "db.internal"
    assert values["health"] is True


def test_postgresql_prepares_repeated_queries_unless_switched_off():
    url = "postgres://mag:pw@db.internal:5432/magazine"
    prepared = load_settings(DJANGO_SECRET_KEY=SECRET, DATABASE_URL=url)["options"]
    behind_old_pooler = load_settings(
        DJANGO_SECRET_KEY=SECRET, DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="0"
    )["options"]
    sqlite = load_settings(DJANGO_DEBUG="1")["options"]

    assert prepared == {"server_side_binding": True, "prepare_threshold": 5}
    assert "prepare_threshold" not in behind_old_pooler
    assert "server_side_binding" not in sqlite


def test_redis_url_moves_default_and_renditions_caches_to_redis():
    values = load_settings(DJANGO_SECRET_KEY=SECRET, REDIS_URL="redis://127.0.0.1:6379/3")
    assert values["cache"] == "magazine.redis_cache.ResilientRedisCache"
    assert values["renditions"] == "magazine.redis_cache.ResilientRedisCache"


def test_hosts_media_root_and_tls_proxy_come_from_the_environment(tmp_path):
    values = load_settings(
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="reeledit.example, www.reeledit.example",
        MEDIA_ROOT=str(tmp_path),
        DJANGO_BEHIND_TLS_PROXY="1",
    )
    assert values["debug"] is False
    assert values["hosts"] == ["reeledit.example", "www.reeledit.example"]
    assert values["media"] == str(tmp_path)
    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.django_db
def test_deploy_check_is_clean_with_debug_off():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "reeledit.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_wsgi_application_freezes_what_it_loaded_and_collects_less_often():
    code = "import gc, magazine.wsgi; print(gc.get_threshold()[0], gc.get_freeze_count())"
    default = run_python(code, DJANGO_SECRET_KEY=SECRET)
    tuned = run_python(code, DJANGO_SECRET_KEY=SECRET, PYTHON_GC_THRESHOLD="2500")
    assert default.returncode == 0, default.stderr

    threshold, frozen = map(int, default.stdout.split())
    assert threshold == 10000
    assert frozen > 50_000  # Django, Wagtail and the project, loaded before the first request
    assert tuned.stdout.split()[0] == "2500"


def gunicorn_config(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "WEB_"))}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("gunicorn")), "--print-config"],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return {
        name.strip(): value.strip()
        for name, value in (
            line.split("=", 1) for line in result.stdout.splitlines() if "=" in line
        )
    }


def test_gunicorn_started_in_the_project_runs_threaded_workers():
    config = gunicorn_config()
    tuned = gunicorn_config(WEB_CONCURRENCY="5", GUNICORN_THREADS="4", GUNICORN_BIND="10.0.0.2:80")

    assert config["wsgi_app"] == "magazine.wsgi:application"
    assert (config["worker_class"], config["workers"], config["threads"]) == ("gthread", "3", "1")
    assert config["bind"] == "['0.0.0.0:8000']"
    assert (tuned["workers"], tuned["threads"], tuned["bind"]) == ("5", "4", "['10.0.0.2:80']")
