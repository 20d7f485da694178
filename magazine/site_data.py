"""Site-wide data every page needs, kept in the shared cache until content changes.

To serve any page, Wagtail finds the request's site and its home page, and the
header, footer, radio strip and affiliate disclosure read three site settings and the
navigation: six queries on every page rendered, for data that changes a few times a
year. Wagtail keeps the site root paths in the cache for the same reason; these are
kept there too, keyed on the page cache's generation (`magazine.cache`). Any change
readers could see (a site or setting saved, a page published, unpublished or moved)
bumps it, so this data is never staler than a cached page, and the first page
rendered after a change reads it afresh. The page itself, its body, its related
articles and its product cards are always read from the database.
"""

import logging

from django.conf import settings
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from magazine.cache import request_generation, shared_cache

logger = logging.getLogger(__name__)


def shared(request, name, build):
    """`build()`, kept in the shared cache under `name` until published content changes."""
    generation = request_generation(request)
    if generation is None:
        return build()
    key = f"site-data:{generation}:{name}"
    try:
        value = shared_cache().get(key)
    except Exception:
        value = None
    if value is None:
        value = build()
        try:
            shared_cache().set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 600))
        except Exception:
            logger.warning("Could not store site data in cache", exc_info=True)
    return value


class SharedSiteSetting:
    """Mixin for site settings: readers' requests take them from the shared cache.

    Only `for_request` (templates' `settings.…`, views) is cached; the settings
    editor reads and saves through `for_site`, straight from the database.
    """

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's own error
        setting = shared(
            request, f"setting:{cls._meta.label_lower}:{site.pk}", lambda: cls.for_site(site)
        )
        setting._request = request  # as Wagtail does, for page URLs relative to the site
        setattr(request, attr_name, setting)
        return setting


class SiteMiddleware:
    """Wagtail's page view finds the request's Site, and its home page, in the cache.

    Wagtail looks both up for every page it serves (two queries), though they change
    only when the site or the home page does, and each bumps the generation. Only
    readers' requests for Wagtail pages take them from the cache: requests with a
    session cookie (editors, previews) keep Wagtail's own lookup, so nothing in the
    admin ever sees a cached page object, and other views pay nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        # Keyed as Wagtail matches sites: on the raw host name and the port.
        site = shared(
            request,
            f"site:{request._get_raw_host()}:{request.get_port()}",
            lambda: self._find(request),
        )
        if site is not None:
            request._wagtail_site = site  # where Site.find_for_request keeps its answer
        return None

    @staticmethod
    def _find(request):
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site
