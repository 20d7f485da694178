"""The shop block: product cards for books, each with one button per offer."""

import copy

from wagtail import blocks

from magazine.privacy import exclude_private, restricted_here
from magazine.streamfield import chosen_ids
from shop.models import BookPage, with_card_data


class BookChooserBlock(blocks.PageChooserBlock):
    """Chooses a book; loads the chosen books with everything a product card shows.

    A body's books come in one fetch (with their covers, offers and authors), so the
    shop block renders from its own value without asking for the books again. Each
    book also says whether it is view-restricted (`_restricted`); the block leaves
    those out, while the editor still sees every book chosen.
    """

    def __init__(self, **kwargs):
        super().__init__(page_type="shop.BookPage", **kwargs)

    def bulk_to_python(self, values):
        ids = [pk for pk in values if pk is not None]
        found = (
            with_card_data(BookPage.objects.annotate(_restricted=restricted_here())).in_bulk(ids)
            if ids
            else {}
        )
        # Each occurrence gets its own instance, as Wagtail's own chooser blocks do.
        seen, result = set(), []
        for pk in values:
            book = found.get(pk)
            if book is not None and pk in seen:
                book = copy.copy(book)
            result.append(book)
            seen.add(pk)
        return result


class ShopBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="title",
        max_length=160,
        help_text="e.g. Shop: Heartstopper and Alice Oseman's other best-sellers",
    )
    books = blocks.ListBlock(BookChooserBlock(), label="books", min_num=1)

    class Meta:
        icon = "tag"
        label = "Shop"
        template = "shop/blocks/shop_block.html"
        help_text = (
            "Product cards with a button per retailer. The affiliate disclosure is added "
            "to the page automatically; books that are not published are left out."
        )
        preview_value = {"title": "Shop: Heartstopper and Alice Oseman's other best-sellers"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["books"] = readable_books(value.get("books") or [])
        return context


def readable_books(books):
    """The chosen books readers may see, once each, in the editor's order."""
    shown, seen = [], set()
    for book in books:
        if book is None or book.pk in seen or not book.live:
            continue
        if getattr(book, "_restricted", None) is None:
            # Chosen in the editor's form (a preview) rather than loaded from a saved
            # body, so nobody has said yet: ask the database.
            if not exclude_private(type(book).objects.filter(pk=book.pk)).exists():
                continue
        elif book._restricted:
            continue
        seen.add(book.pk)
        shown.append(book)
    return shown


def chosen_book_ids(stream):
    """The ids of the books chosen in a StreamField body's shop blocks, in order, once each."""
    return chosen_ids(stream, BookChooserBlock)
