"""What invalidates the page cache: any change to what readers can see."""

from django.conf import settings
from django.core.signals import got_request_exception
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from magazine.cache import invalidate_all
from magazine.middleware import note_database_error
from magazine.renditions import on_publish as prerender_renditions
from magazine.sitemaps import PageSitemap

# Content apps whose saved objects can appear on pages (snippets, inline rows,
# settings, images). Pages themselves invalidate on publish, not on draft saves.
CONTENT_APPS = {
    "magazine",
    "cast",
    "shop",
    "articles",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
EXTRA_MODELS = {"wagtailcore.Site", "wagtailcore.PageViewRestriction"}
# Saved all the time, never shown to readers.
IGNORED_MODELS = {"shop.Click"}


def _affects_readers(sender):
    label = sender._meta.label
    if label in IGNORED_MODELS or issubclass(sender, AbstractRendition):
        return False
    return sender._meta.app_label in CONTENT_APPS or label in EXTRA_MODELS


def on_save(sender, instance, created=False, raw=False, **kwargs):
    if raw or issubclass(sender, Page):
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on first read: what readers see is unchanged
    if _affects_readers(sender):
        invalidate_all()


def on_delete(sender, instance, **kwargs):
    if issubclass(sender, Page) or _affects_readers(sender):
        invalidate_all()


def sitemap_page_urls(page, site):
    """The sitemap page that lists `page`, in each form the index or a reader may use.

    Sitemap pages hold blocks of page ids (see `magazine.sitemaps`), so publishing or
    unpublishing a page changes only the one that holds its id.
    """
    base = site.root_url + reverse("sitemap-section", kwargs={"section": "pages"})
    number = PageSitemap.number_for(page.pk)
    # The index links page 1 without a number; readers may ask for either form.
    return [base, f"{base}?p=1"] if number == 1 else [f"{base}?p={number}"]


def purge_listings(instance, **kwargs):
    """Tell the CDN about the pages that list this one (Wagtail purges the page itself).

    A page type can name more (tag pages, feeds) with a `listing_urls()` method.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    for ancestor in instance.get_ancestors().filter(depth__gt=1).live():
        batch.add_page(ancestor)
    site = instance.get_site()
    if site is not None:
        batch.add_url(site.root_url + reverse("sitemap"))
        batch.add_urls(sitemap_page_urls(instance, site))
    listing_urls = getattr(instance.specific, "listing_urls", None)
    if listing_urls:
        batch.add_urls(listing_urls())
    batch.purge()


def connect():
    got_request_exception.connect(note_database_error, dispatch_uid="database-retry")
    post_save.connect(on_save, dispatch_uid="page-cache-save")
    post_delete.connect(on_delete, dispatch_uid="page-cache-delete")
    # Renditions first, so the page's first reader after the purge finds its images ready.
    page_published.connect(prerender_renditions, dispatch_uid="prerender-renditions-publish")
    page_published.connect(invalidate_all, dispatch_uid="page-cache-publish")
    page_unpublished.connect(invalidate_all, dispatch_uid="page-cache-unpublish")
    post_page_move.connect(invalidate_all, dispatch_uid="page-cache-move")
    page_published.connect(purge_listings, dispatch_uid="cdn-purge-listings-publish")
    page_unpublished.connect(purge_listings, dispatch_uid="cdn-purge-listings-unpublish")
