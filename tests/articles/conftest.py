import pytest
from wagtail.models import Site

from magazine.models import SiteSettings
from tests.articles.factories import ArticlePageFactory, AuthorFactory
from tests.factories import ImageFactory, SectionPageFactory


@pytest.fixture
def site_settings(home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.brand_name = "The Reel Edit"
    settings.x_handle = "reeledit"
    settings.logo = ImageFactory(title="Logo")
    settings.save()
    return settings


@pytest.fixture
def tv(home, site_settings):
    entertainment = SectionPageFactory(parent=home, title="Entertainment", slug="entertainment")
    return SectionPageFactory(parent=entertainment, title="TV", slug="tv")


@pytest.fixture
def piper(db):
    return AuthorFactory(name="Piper Huxley", slug="piper-huxley", bio="Piper writes about TV.")


@pytest.fixture
def article(tv, piper):
    return ArticlePageFactory(
        parent=tv,
        title="Netflix's Heartstopper: here's what we know about season two",
        slug="heartstopper-season-two",
        standfirst="We are smitten with Nick and Charlie 💘",
        hero_image=ImageFactory(
            title="Hero",
            description="Two boys on a bench",
            caption="Joe Locke and Kit Connor",
            credit="Netflix",
        ),
        authors=[piper],
        tag_names=["Heartstopper", "Netflix"],
    )
