"""Keep an article's derived fields in step with its body and with what it shows.

- `people` and `shows`, when the editor leaves them empty, come from the pages the
  body refers to (cast rundowns, links in the text).
- `books` and `has_affiliate_links` come from the shop blocks, so listings can label
  teasers and the template can place the disclosure without reading the body. When a
  book goes live or is withdrawn, or a view restriction changes, the articles
  featuring it are updated too: the disclosure must follow the links.

All of these run before ClusterableModel.save() commits the many-to-many fields, so
the values set here are saved with the page.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from articles.models import ArticlePage
from cast.models import PersonPage, ShowPage
from magazine.streamfield import referenced_page_ids
from shop.blocks import chosen_book_ids
from shop.models import BookPage, has_live_offers


def fill_people_and_shows(sender, instance, update_fields=None, **kwargs):
    """pre_save: derive `people` and `shows` from the body when the editor chose none."""
    if update_fields is not None and not {"people", "shows"} & set(update_fields):
        return
    fill_people = not instance.people.all()
    fill_shows = not instance.shows.all()
    if not (fill_people or fill_shows):
        return
    ids = referenced_page_ids(instance.body)
    if not ids:
        return
    if fill_people:
        people = list(PersonPage.objects.live().filter(pk__in=ids))
        if people:
            instance.people.set(people)
    if fill_shows:
        shows = list(ShowPage.objects.live().filter(pk__in=ids))
        if shows:
            instance.shows.set(shows)


def derive_shop_fields(sender, instance, update_fields=None, **kwargs):
    """pre_save: fill `books` and `has_affiliate_links` from the article's shop blocks.

    Saves limited to other fields (e.g. saving a draft revision) are left alone.
    """
    if update_fields is not None and not {"books", "has_affiliate_links", "body"} & set(
        update_fields
    ):
        return
    ids = chosen_book_ids(instance.body)
    instance.has_affiliate_links = has_live_offers(ids)
    instance.books = list(BookPage.objects.filter(pk__in=ids)) if ids else []


def refresh_articles_for_book(sender, instance, **kwargs):
    """A book went live or was withdrawn: recompute the flag on the articles featuring it."""
    for article in ArticlePage.objects.filter(books=instance).only("pk", "body"):
        flag = has_live_offers(chosen_book_ids(article.body))
        ArticlePage.objects.filter(pk=article.pk).update(has_affiliate_links=flag)


def refresh_articles_for_restriction(sender, instance, **kwargs):
    """A view restriction changed: books below it may have become private or public."""
    for book in BookPage.objects.descendant_of(instance.page, inclusive=True):
        refresh_articles_for_book(BookPage, book)


def connect():
    pre_save.connect(
        fill_people_and_shows, sender=ArticlePage, dispatch_uid="articles_fill_people_and_shows"
    )
    pre_save.connect(derive_shop_fields, sender=ArticlePage, dispatch_uid="articles_shop_fields")
    page_published.connect(
        refresh_articles_for_book, sender=BookPage, dispatch_uid="articles_book_published"
    )
    page_unpublished.connect(
        refresh_articles_for_book, sender=BookPage, dispatch_uid="articles_book_unpublished"
    )
    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            refresh_articles_for_restriction,
            sender=PageViewRestriction,
            dispatch_uid=f"articles_restriction_{uid}",
        )
