"""Shared plumbing for `make bench`, `make soak` and `make lighthouse`.

Everything runs on loopback: a PostgreSQL database of the tool's own on
127.0.0.1:5432 (user postgres, trust auth), a Redis database number of its own, and
gunicorn servers on ports 8201-8209 with production settings.
"""

import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PG_HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("BENCH_PG_PORT", "5432")
REDIS_DB = os.environ.get("BENCH_REDIS_DB", "11")
SECRET_KEY = secrets.token_urlsafe(50)


def log(message):
    print(message, flush=True)


def database_url(name):
    return f"postgres://postgres@{PG_HOST}:{PG_PORT}/{name}"


def production_env(db_name, **extra):
    """Production settings: DEBUG off, a made-up secret key, loopback only."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PAGE_CACHE"))
    }
    env.update(
        {
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database_url(db_name),
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "STATIC_ROOT": str(RESULTS / "static"),
            "MEDIA_ROOT": str(RESULTS / f"media-{db_name}"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def pg_connect(dbname="postgres"):
    import psycopg

    return psycopg.connect(
        host=PG_HOST, port=PG_PORT, user="postgres", dbname=dbname, autocommit=True
    )


def database_exists(name):
    with pg_connect() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def recreate_database(name):
    with pg_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def analyze(db_name):
    """Vacuum and fresh planner statistics, as autovacuum would give a bulk load in production.

    A bulk-loaded database has no statistics until then (and autovacuum may be off on
    a test machine): PostgreSQL then plans for empty tables, and some listings take
    seconds. Vacuuming also marks the new rows visible to all, so counts can be
    answered from an index alone, as they are once autovacuum has visited.
    """
    with pg_connect(db_name) as conn:
        conn.execute("VACUUM ANALYZE")


def manage(env, *args, quiet=False, cwd=ROOT):
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=cwd,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    return time.monotonic() - started


def flush_redis():
    subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "-n", REDIS_DB, "flushdb"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def prepare_site(db_name, *, corpus_args=None, demo=True, reuse=False):
    """A fresh database with migrations, demo content, an optional corpus, static files."""
    env = production_env(db_name)
    marker = RESULTS / f".{db_name}.ready"
    wanted = json.dumps({"corpus": corpus_args, "demo": demo})
    if reuse and database_exists(db_name) and marker.exists() and marker.read_text() == wanted:
        log(f"Reusing database {db_name}.")
        analyze(db_name)
        # The code may have changed since: serve today's static files.
        manage(env, "collectstatic", "--noinput", "-v0")
        return {}
    RESULTS.mkdir(exist_ok=True)
    marker.unlink(missing_ok=True)
    timings = {}
    log(f"Creating database {db_name}…")
    recreate_database(db_name)
    timings["migrate_s"] = round(manage(env, "migrate", "--noinput", "-v0"), 1)
    if demo:
        timings["load_demo_s"] = round(manage(env, "load_demo", quiet=True), 1)
    if corpus_args:
        log(f"Generating corpus in {db_name}: {' '.join(corpus_args)}")
        timings["generate_corpus_s"] = round(manage(env, "generate_corpus", *corpus_args), 1)
    # A deploy step: every rendition the pages show, made before the first reader.
    timings["prerender_renditions_s"] = round(manage(env, "prerender_renditions"), 1)
    analyze(db_name)
    manage(env, "collectstatic", "--noinput", "-v0")
    marker.write_text(wanted)
    return timings


class Server:
    """gunicorn with production settings on one loopback port."""

    def __init__(self, db_name, port, workers=2, cwd=ROOT, **env):
        self.port = port
        self.env = production_env(db_name, **env)
        self.workers = workers
        self.cwd = cwd
        self.process = None

    def __enter__(self):
        log_path = RESULTS / f"gunicorn-{self.port}.log"
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "magazine.wsgi:application",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
            ],
            cwd=self.cwd,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn on port {self.port} exited; see {log_path}")
            try:
                get(self.port, "/robots.txt", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn on port {self.port} did not start; see {log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class Response:
    __slots__ = ("body", "elapsed_ms", "headers", "status")

    def __init__(self, status, headers, body, elapsed_ms):
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed_ms = elapsed_ms


def get(port, path, timeout=10):
    """One GET on loopback; returns status, headers, body and client-side time."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        body = response.read()
        headers = {key.lower(): value for key, value in response.getheaders()}
        status = response.status
    finally:
        conn.close()
    return Response(status, headers, body, (time.perf_counter() - started) * 1000)


def discover_pages(db_name, cwd=ROOT):
    """The URLs to measure, found in the database: the first live page of each type."""
    script = r"""
import json
from django.db.models import Count, Q
from taggit.models import Tag
from wagtail.models import Page
from magazine.models import HomePage, SectionPage

def first(label, **filters):
    from django.apps import apps
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    page = model.objects.live().public().filter(**filters).order_by("path").first()
    return page.url if page else None

pages = {"home": first("magazine.HomePage")}
sections = SectionPage.objects.live().public()
busiest = max(
    sections,
    key=lambda s: (Page.objects.live().child_of(s).count(), -len(s.path)),
    default=None,
)
pages["section"] = busiest.url if busiest else None
tag = Tag.objects.annotate(n=Count("articles_articletag_items")).order_by("-n").first()
pages["tag"] = f"/tags/{tag.slug}/" if tag else None
pages["article"] = first("articles.ArticlePage", slug="heartstopper-season-two") or first(
    "articles.ArticlePage"
)
pages["person"] = first("cast.PersonPage")
pages["show"] = first("cast.ShowPage")
pages["book"] = first("shop.BookPage")
pages["shop"] = first("shop.ShopIndexPage")
# The floor: what any page with the site's header, navigation and footer costs.
pages["plain page"] = first("magazine.StandardPage")
print("PAGES=" + json.dumps(pages))
"""
    env = production_env(db_name)
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("PAGES="))
    return json.loads(line.removeprefix("PAGES="))
