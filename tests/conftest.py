import pytest
from django.conf import settings
from django.core.cache import caches

from tests.factories import make_site_root


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches.

    Database ids come round again after each test's rollback, so a rendition or page
    cached by an earlier test would otherwise answer for a different one in this test
    (Wagtail trusts a cached rendition without looking for its row).
    """
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def home(db):
    return make_site_root()


@pytest.fixture
def no_page_cache(settings):
    """Every request renders the page: for tests that count what rendering costs.

    Without it a repeated request is answered from the full-page cache and costs
    nothing, whatever the page does.
    """
    settings.PAGE_CACHE_ENABLED = False
