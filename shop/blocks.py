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
