"""Keep articles' shop data in step with their bodies and with the books they show.

An article's `books` and `has_affiliate_links` are derived on save, so listings can
label teasers and the article template can place the disclosure without reading the
body. When a book is published or unpublished, the articles featuring it are updated
too: a book going live adds affiliate links to those articles, and the disclosure
must follow.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished


def shop_book_ids(body):
    """The ids of the books chosen in a StreamField body's shop blocks, in order."""
    ids = []
    if body is None:
        return ids
    for block in body.get_prep_value():
        if block.get("type") != "shop":
            continue
        for item in (block.get("value") or {}).get("books") or []:
            # ListBlock items are {"type": "item", "value": id, "id": ...} (older data: bare ids).
            value = item.get("value") if isinstance(item, dict) else item
            if isinstance(value, int) and value not in ids:
                ids.append(value)
    return ids


def has_live_offers(book_ids):
    from shop.models import BookPage

    if not book_ids:
        return False
    return BookPage.objects.live().public().filter(pk__in=book_ids, offers__isnull=False).exists()


def derive_article_shop_fields(sender, instance, update_fields=None, **kwargs):
    """pre_save: fill `books` and `has_affiliate_links` from the article's shop blocks.

    The ParentalManyToMany assignment is committed by ClusterableModel.save after
    this handler runs. Saves limited to other fields (e.g. saving a draft revision)
    are left alone.
    """
    from shop.models import BookPage

    if update_fields is not None and not {"books", "has_affiliate_links", "body"} & set(
        update_fields
    ):
        return
    ids = shop_book_ids(instance.body)
    instance.has_affiliate_links = has_live_offers(ids)
    instance.books = list(BookPage.objects.filter(pk__in=ids)) if ids else []


def refresh_articles_for_book(sender, instance, **kwargs):
    """A book went live or was withdrawn: recompute the flag on the articles featuring it."""
    from articles.models import ArticlePage

    for article in ArticlePage.objects.filter(books=instance).only("pk", "body"):
        flag = has_live_offers(shop_book_ids(article.body))
        ArticlePage.objects.filter(pk=article.pk).update(has_affiliate_links=flag)


def refresh_articles_for_restriction(sender, instance, **kwargs):
    """A view restriction changed: books below it may have become private or public."""
    from shop.models import BookPage

    page = instance.page
    for book in BookPage.objects.descendant_of(page, inclusive=True):
        refresh_articles_for_book(BookPage, book)


def connect():
    from wagtail.models import PageViewRestriction

    from articles.models import ArticlePage
    from shop.models import BookPage

    pre_save.connect(
        derive_article_shop_fields, sender=ArticlePage, dispatch_uid="shop_derive_article"
    )
    page_published.connect(
        refresh_articles_for_book, sender=BookPage, dispatch_uid="shop_book_published"
    )
    page_unpublished.connect(
        refresh_articles_for_book, sender=BookPage, dispatch_uid="shop_book_unpublished"
    )
    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            refresh_articles_for_restriction,
            sender=PageViewRestriction,
            dispatch_uid=f"shop_restriction_{uid}",
        )
