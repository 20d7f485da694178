"""Factories for the site's own models; apps add theirs beside these."""

import factory
import wagtail_factories
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from magazine.models import HomePage, MagazineImage, SectionPage, StandardPage


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

    Transactional (browser) tests start from an emptied database, so the locale and
    tree root that Wagtail's migrations create are made again when missing.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home
