"""The benchmark tooling: corpus generator, opt-in query counting, paginated sitemap."""

import importlib
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.models import Page

from articles.models import ArticlePage
from cast.models import PersonPage, ShowPage
from magazine import urls as magazine_urls
from shop.models import BookPage, validate_isbn13
from tests.sitemap_xml import locations

pytestmark = pytest.mark.django_db

TINY = {"articles": 12, "people": 6, "books": 4, "shows": 2, "authors": 3}


def generate(**extra):
    call_command("generate_corpus", **TINY, **extra, stdout=io.StringIO())


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_generate_corpus_creates_live_pages_with_valid_tree_and_isbns(media):
    generate()

    assert ArticlePage.objects.live().count() == 12
    assert PersonPage.objects.live().count() == 6
    assert ShowPage.objects.live().count() == 2
    assert BookPage.objects.live().count() == 4
    assert Page.find_problems() == ([], [], [], [], [])
    for isbn in BookPage.objects.values_list("isbn13", flat=True):
        validate_isbn13(isbn)  # raises on a wrong check digit
    article = ArticlePage.objects.live().first()
    assert article.url.startswith("/entertainment/")
    assert article.article_authors.exists()
    assert article.tags.exists()
    assert {block.block_type for block in article.body} >= {"heading", "paragraph"}
    book = BookPage.objects.first()
    assert book.offers.count() >= 2


def test_generate_corpus_twice_adds_nothing_and_reset_starts_over(media):
    generate()
    pages_before = Page.objects.count()

    generate()
    assert Page.objects.count() == pages_before

    generate(reset=True)
    assert Page.objects.count() == pages_before
    assert Page.find_problems() == ([], [], [], [], [])


def test_generated_articles_are_found_by_search(media):
    generate()
    assert ArticlePage.objects.live().search("everything we know").count() > 0


def test_query_count_middleware_and_hello_view_are_off_by_default(client, home, settings):
    assert not settings.BENCH_QUERY_COUNT
    assert "magazine.bench.BenchMiddleware" not in settings.MIDDLEWARE

    response = client.get("/")
    assert "X-Query-Count" not in response
    assert client.get("/bench/hello/").status_code == 404


def test_query_count_middleware_reports_queries_when_enabled(client, home, settings):
    settings.MIDDLEWARE = ["magazine.bench.BenchMiddleware", *settings.MIDDLEWARE]
    with override_settings(BENCH_QUERY_COUNT=True):
        clear_url_caches()
        importlib.reload(magazine_urls)
        try:
            hello = client.get("/bench/hello/")
            page = client.get("/")
        finally:
            clear_url_caches()
    importlib.reload(magazine_urls)
    clear_url_caches()

    assert hello.content == b"Hello, world"
    assert hello["X-Query-Count"] == "0"
    assert int(page["X-Query-Count"]) > 0
    assert float(page["X-Server-Time"]) > 0


def test_sitemap_index_lists_its_pages(client, home, settings, media):
    generate()
    from magazine.sitemaps import PageSitemap

    PageSitemap.limit = 10
    try:
        index = client.get("/sitemap.xml")
        pages = [loc for loc in locations(index.content) if "/sitemap-pages.xml" in loc]
        live = Page.objects.live().filter(depth__gt=1)
        highest = live.order_by("-pk").first().pk
        # One sitemap page per block of ten ids, up to the highest live one.
        assert len(pages) == -(-highest // 10)
        assert pages[0] == "http://testserver/sitemap-pages.xml"
        assert pages[1] == "http://testserver/sitemap-pages.xml?p=2"
        listed = []
        for address in pages:
            response = client.get(address)
            assert response.status_code == 200
            listed += locations(response.content)
    finally:
        PageSitemap.limit = 1000
    assert len(listed) == len(set(listed)) == live.count()
    assert "public" in index["Cache-Control"]


def test_search_backend_setting_switches_to_a_search_cluster(monkeypatch):
    from magazine.settings import base

    monkeypatch.setenv("SEARCH_BACKEND", "opensearch")
    monkeypatch.setenv("SEARCH_URL", "http://search-1:9200, http://search-2:9200")
    try:
        backend = importlib.reload(base).WAGTAILSEARCH_BACKENDS["default"]
    finally:
        monkeypatch.undo()
        default = importlib.reload(base).WAGTAILSEARCH_BACKENDS["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["http://search-1:9200", "http://search-2:9200"]
    assert default["BACKEND"] == "wagtail.search.backends.database"
