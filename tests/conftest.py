import pytest

from tests.factories import make_site_root


@pytest.fixture
def home(db):
    return make_site_root()
