import pytest
from wagtail.models import Site

from shop.models import AffiliateSettings
from tests.factories import StandardPageFactory
from tests.shop.factories import RetailerFactory, ShopIndexPageFactory


@pytest.fixture
def shop(home):
    return ShopIndexPageFactory(parent=home)


@pytest.fixture
def retailers(db):
    return [
        RetailerFactory(name="Amazon UK", allowed_domains="www.amazon.co.uk", sort_order=10),
        RetailerFactory(name="Waterstones", allowed_domains="www.waterstones.com", sort_order=20),
        RetailerFactory(name="Bookshop.org", allowed_domains="uk.bookshop.org", sort_order=30),
    ]


@pytest.fixture
def retailer(db):
    return RetailerFactory(name="Retailer", allowed_domains="retailer.com\nshop.retailer.com")


@pytest.fixture
def trust_page(home):
    page = StandardPageFactory(parent=home, title="Why you can trust us", slug="trust")
    settings = AffiliateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.disclosure_text = "We may earn a commission from links on this page."
    settings.trust_page = page
    settings.trust_link_text = "Why you can trust us"
    settings.save()
    return page
