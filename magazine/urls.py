from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.urls import include, path, re_path
from django.utils.functional import cached_property
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from magazine import views
from magazine.cache import public_cache
from magazine.search import search


class PageSitemap(Sitemap):
    """Wagtail's sitemap in pages of 1,000 addresses, so no response grows with the site."""

    limit = 1000

    @cached_property
    def _totals(self):
        # One aggregate gives both the number of pages and the newest change: Django's
        # default would count them and then read every page to find the newest.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return pages.live().public().aggregate(total=Count("pk"), latest=Max("last_published_at"))

    @property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        paginator.count = self._totals["total"]
        return paginator

    def get_latest_lastmod(self):
        return self._totals["latest"]


SITEMAPS = {"pages": PageSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    # /sitemap.xml is an index pointing at /sitemap-pages.xml?p=1, ?p=2…
    path(
        "sitemap.xml",
        public_cache(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_cache(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("articles.urls")),
    path("", include("shop.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

if settings.BENCH_QUERY_COUNT:
    from magazine.bench import hello

    urlpatterns += [path("bench/hello/", hello, name="bench-hello")]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "magazine.views.server_error"
