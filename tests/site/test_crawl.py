"""From a fresh database: build the demo site, then crawl everything reachable from home."""

import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction

from tests.site.crawl import crawl

PROJECT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db  # runs with the other database tests, before any flush

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker):
    """Every page reachable from the home page of the demo site (rolled back afterwards)."""
    from django.test import Client

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield crawl(Client())
        transaction.set_rollback(True)


def html_pages(site_pages):
    return {
        path: body
        for path, (status, content_type, body, _) in site_pages.items()
        if status == 200 and "text/html" in content_type
    }


def test_crawl_reaches_every_part_of_the_site(site_pages):
    paths = set(site_pages)
    assert "/" in paths
    assert "/why-you-can-trust-us/" in paths
    assert any(path.startswith("/entertainment/tv/") for path in paths)
    assert "/sitemap.xml" in paths or any("sitemap" in p for p in paths)


def test_no_broken_internal_links_and_no_server_errors(site_pages):
    broken = {
        path: (status, sorted(referrers))
        for path, (status, _, _, referrers) in site_pages.items()
        if status >= 400
    }
    assert broken == {}


def test_every_page_has_one_h1_a_title_a_description_and_a_canonical_link(site_pages):
    problems = {}
    for path, body in html_pages(site_pages).items():
        soup = BeautifulSoup(body, "html.parser")
        found = []
        if len(soup.find_all("h1")) != 1:
            found.append(f"{len(soup.find_all('h1'))} h1 elements")
        if not (soup.title and soup.title.get_text(strip=True)):
            found.append("no title")
        description = soup.find("meta", attrs={"name": "description"})
        if not (description and description.get("content", "").strip()):
            found.append("no meta description")
        canonical = soup.find("link", rel="canonical")
        if not (canonical and canonical.get("href", "").startswith("http")):
            found.append("no canonical link")
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML Checker needs Java")
def test_every_page_is_valid_html(site_pages):
    assert VNU.exists(), "run `npm ci` (make test does) to install the Nu HTML Checker"
    pages = html_pages(site_pages)
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, (path, body) in enumerate(sorted(pages.items())):
            name = Path(folder) / f"page-{index}.html"
            name.write_text(body, encoding="utf-8")
            names[name.name] = path
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", folder],
            capture_output=True,
            text=True,
            timeout=300,
        )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(m.get('url', '').rsplit('/', 1)[-1])}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
