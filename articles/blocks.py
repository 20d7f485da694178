"""The article body: one StreamBlock shared by every article."""

from urllib.parse import urlsplit

from django.db import models
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from articles.embeds import embed_html
from cast.blocks import CastRundownBlock
from magazine.blocks import INLINE_RICH_TEXT_FEATURES, HeadingBlock, paragraph_block
from shop.blocks import ShopBlock


class ImageWidth(models.TextChoices):
    TEXT = "text", "Text width"
    WIDE = "wide", "Wide"
    FULL = "full", "Full width"


# The `sizes` attribute for each image width, matching articles.css.
IMAGE_SIZES = {
    ImageWidth.TEXT: "(min-width: 44rem) 40rem, calc(100vw - 2rem)",
    ImageWidth.WIDE: "(min-width: 60rem) 56rem, calc(100vw - 2rem)",
    ImageWidth.FULL: "(min-width: 78rem) 76rem, calc(100vw - 2rem)",
}


def _is_web_address(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


class AsideBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="remark", max_length=200)

    class Meta:
        icon = "openquote"
        label = "Aside"
        template = "articles/blocks/aside_block.html"
        help_text = "A one-line standalone remark between sections."
        preview_value = {"text": "Yes, we cried at the ending. Twice."}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="image")
    caption = blocks.CharBlock(
        required=False, label="caption", help_text="Leave empty to use the image's own caption."
    )
    credit = blocks.CharBlock(
        required=False, label="credit", help_text="Leave empty to use the image's own credit."
    )
    width = blocks.ChoiceBlock(
        choices=ImageWidth.choices,
        default=ImageWidth.TEXT.value,
        label="width",
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "articles/blocks/image_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        image = value.get("image")
        context["caption"] = value.get("caption") or getattr(image, "caption", "")
        context["credit"] = value.get("credit") or getattr(image, "credit", "")
        context["sizes"] = IMAGE_SIZES.get(value.get("width"), IMAGE_SIZES[ImageWidth.TEXT])
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="quote")
    attribution = blocks.CharBlock(required=False, label="attribution")

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "articles/blocks/quote_block.html"
        preview_value = {"quote": "Hi.", "attribution": "Charlie Spring"}


class EmbedSectionBlock(blocks.StructBlock):
    embed = EmbedBlock(label="address", help_text="A YouTube, Vimeo or other oEmbed address.")
    caption = blocks.CharBlock(required=False, label="caption")

    class Meta:
        icon = "media"
        label = "Embed"
        template = "articles/blocks/embed_block.html"

    def clean(self, value):
        try:
            return super().clean(value)
        except StructBlockValidationError as error:
            embed = value.get("embed")
            url = getattr(embed, "url", "") or ""
            if set(error.block_errors) != {"embed"} or not _is_web_address(url):
                raise
            # The provider couldn't be reached (or has no oEmbed): keep the address, and
            # readers get a plain link to it until the provider answers.
            return self._to_struct_value(
                [
                    (name, embed if name == "embed" else self.child_blocks[name].clean(item))
                    for name, item in value.items()
                ]
            )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        embed = value.get("embed")
        url = getattr(embed, "url", "") or ""
        context["url"] = url
        context["embed_html"] = embed_html(url, max_width=getattr(embed, "max_width", None))
        return context


class CorrectionBlock(blocks.StructBlock):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    kind = blocks.ChoiceBlock(choices=Kind.choices, default=Kind.UPDATE.value, label="kind")
    date = blocks.DateBlock(label="date")
    text = blocks.RichTextBlock(features=INLINE_RICH_TEXT_FEATURES, label="note")

    class Meta:
        icon = "warning"
        label = "Correction or update"
        template = "articles/blocks/correction_block.html"


class SpoilerContentBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    aside = AsideBlock()
    image = ImageBlock()
    quote = QuoteBlock()


class SpoilerBlock(blocks.StructBlock):
    warning = blocks.CharBlock(
        label="warning title",
        max_length=160,
        default="Spoilers ahead for season one",
        help_text="What readers will find out if they open this section.",
    )
    content = SpoilerContentBlock(label="content")

    class Meta:
        icon = "warning"
        label = "Spoiler section"
        template = "articles/blocks/spoiler_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block(
        preview_value="<p>Two boys at a British grammar school fall for each other.</p>",
    )
    aside = AsideBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedSectionBlock()
    spoiler = SpoilerBlock()
    correction = CorrectionBlock()
    cast_rundown = CastRundownBlock()
    shop = ShopBlock()
