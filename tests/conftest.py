import pytest

from tests.factories import make_site_root


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
