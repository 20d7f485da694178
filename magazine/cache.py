"""Full-page caching for anonymous readers.

Responses are cached only when a view has marked them public (`mark_public`): Wagtail
pages without view restrictions, the sitemap, feeds, robots.txt. Anyone with a
session cookie (editors, anyone logged in) bypasses the cache, and previews, the
admin, search results and the affiliate redirect never mark their responses.

Pages are keyed on scheme, host, path and query string, less the tracking parameters
that links shared on social media and in newsletters carry (`utm_*`, `fbclid`,
`gclid`…). No page reads them, and a click id is unique to each visitor: keyed on it,
every reader arriving from a shared link would miss the cache just when a story trends.

Invalidation is by generation: every cached key includes a counter kept in the
shared cache, and any change to published content (a page published, unpublished,
moved or deleted; a snippet, image, setting or redirect saved) bumps it. With Redis
that is seen at once by every worker process. Stale entries simply expire.
"""

import functools
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
GENERATION_ATTRIBUTE = "_page_cache_generation"
PUBLIC_ATTRIBUTE = "public_page_cache_ok"
# Campaign tags and click ids added by analytics, ad and social platforms.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_",)


def shared_cache():
    """The cache for pages, their generation and site data (Redis: shared by all workers)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def get_generation():
    generation = shared_cache().get(GENERATION_KEY)
    if generation is None:
        # add() so two processes starting together agree on one value.
        shared_cache().add(GENERATION_KEY, 1, timeout=None)
        generation = shared_cache().get(GENERATION_KEY) or 1
    return generation


def request_generation(request):
    """The generation, read once per request; None when the cache cannot be reached."""
    if not hasattr(request, GENERATION_ATTRIBUTE):
        try:
            generation = get_generation()
        except Exception:
            logger.warning("Cache unavailable; serving uncached", exc_info=True)
            generation = None
        setattr(request, GENERATION_ATTRIBUTE, generation)
    return getattr(request, GENERATION_ATTRIBUTE)


def invalidate_all(**kwargs):
    """Bump the generation: every cached page is out of date from now on."""
    try:
        shared_cache().incr(GENERATION_KEY)
    except ValueError:
        shared_cache().set(GENERATION_KEY, 2, timeout=None)
    except Exception:  # an unreachable cache holds nothing stale
        logger.warning("Could not invalidate the page cache", exc_info=True)


def is_tracking_parameter(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def cache_query_string(request):
    """The query string as the page cache sees it: no tracking parameters, names sorted.

    Pages read their parameters by name, so the order they come in changes nothing;
    a name given twice keeps its values in their order.
    """
    return urlencode(
        [
            (name, values)
            for name, values in sorted(request.GET.lists())
            if not is_tracking_parameter(name)
        ],
        doseq=True,
    )


def mark_public(response):
    """Allow the page cache (and CDNs, through Cache-Control) to keep this response."""
    setattr(response, PUBLIC_ATTRIBUTE, True)
    return response


def public_cache(view):
    """Decorator form of `mark_public` for function views."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_public(view(request, *args, **kwargs))

    return wrapped


class PageCacheMiddleware:
    """Serve anonymous GET requests from the cache; store public responses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)
        self.browser_max_age = getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)
        self.enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)

    def _key(self, request, generation):
        host = request.get_host()
        scheme = "https" if request.is_secure() else "http"
        query = cache_query_string(request)
        address = escape_uri_path(request.path) + (f"?{query}" if query else "")
        return f"page-cache:{generation}:{scheme}://{host}{address}"

    def _may_use_cache(self, request):
        return (
            self.enabled
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self._finish(request, self.get_response(request), cacheable=False)

        key, cached = None, None
        generation = request_generation(request)
        if generation is not None:
            try:
                key = self._key(request, generation)
                cached = shared_cache().get(key)
            except Exception:
                logger.warning("Page cache unavailable; serving uncached", exc_info=True)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached

        response = self.get_response(request)
        cacheable = self._cacheable(response)
        if cacheable and key is not None:
            response = self._finish(request, response, cacheable=True)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            try:
                shared_cache().set(key, response, self.timeout)
            except Exception:
                logger.warning("Could not store page in cache", exc_info=True)
            response["X-Cache"] = "MISS"
            return response
        return self._finish(request, response, cacheable=cacheable)

    def _cacheable(self, response):
        if not getattr(response, PUBLIC_ATTRIBUTE, False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "'nonce-" in response.get("Content-Security-Policy", ""):
            return False  # a nonce must never be served twice
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    def _finish(self, request, response, *, cacheable):
        if cacheable:
            patch_cache_control(
                response,
                public=True,
                max_age=self.browser_max_age,
                s_maxage=self.timeout,
            )
        elif not response.has_header("Cache-Control") and request.method in ("GET", "HEAD"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
