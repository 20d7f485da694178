from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from magazine import views
from magazine.cache import public_cache
from magazine.sitemaps import registered_sitemaps, sitemap_section

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # /sitemap.xml is an index pointing at /sitemap-pages.xml?p=1, ?p=2…
    path(
        "sitemap.xml",
        public_cache(sitemap_views.index),
        {"sitemaps": registered_sitemaps(), "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
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
