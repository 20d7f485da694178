import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts without renditions or pages cached by an earlier one.

    The database is rolled back between tests but the local-memory caches are not,
    and Wagtail trusts a cached rendition without looking for its row.
    """
    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield
