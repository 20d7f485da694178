"""The shop block: product cards for books, each with one button per offer."""

from wagtail import blocks


class ShopBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="title",
        max_length=160,
        help_text="e.g. Shop: Heartstopper and Alice Oseman's other best-sellers",
    )
    books = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="shop.BookPage"), label="books", min_num=1
    )

    class Meta:
        icon = "tag"
        label = "Shop"
        template = "blocks/shop_block.html"
        help_text = (
            "Product cards with a button per retailer. The affiliate disclosure is added "
            "to the page automatically; books that are not published are left out."
        )
        preview_value = {"title": "Shop: Heartstopper and Alice Oseman's other best-sellers"}

    def get_context(self, value, parent_context=None):
        from magazine.models.pages import exclude_private
        from shop.models import BookPage, with_card_data

        context = super().get_context(value, parent_context=parent_context)
        chosen = [book.pk for book in value.get("books") or [] if book is not None]
        # One fetch for every card on the block, whatever the number of books and offers;
        # books that are not live (or are private) are simply not shown.
        books = exclude_private(BookPage.objects.live().filter(pk__in=chosen))
        found = with_card_data(books).in_bulk()
        context["books"] = [found[pk] for pk in dict.fromkeys(chosen) if pk in found]
        return context
