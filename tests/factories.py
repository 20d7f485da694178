"""Factories for the site's own models; apps add theirs beside these."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from magazine.models import HomePage, MagazineImage, SectionPage, StandardPage
from tests.support.base_data import ensure_base_data


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Alt text {n}")
    caption = "A caption"
    credit = "A credit"

    class Meta:
        model = MagazineImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "The Reel Edit"
    slug = "home"
    intro = "TV, film and books."

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    intro = "What this section covers."
    show_in_menus = True

    class Meta:
        model = SectionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short summary."

    class Meta:
        model = StandardPage


def make_site_root():
    """A HomePage as the default site's root, as the demo command sets it up.

    Transactional (browser) tests start from an emptied database, so what Wagtail's
    migrations create is made again when missing.
    """
    ensure_base_data()
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home
