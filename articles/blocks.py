"""The article body: one StreamBlock shared by every article."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from articles.embeds import embed_html
from shop.blocks import ShopBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# The `sizes` attribute for each image width choice, matching articles.css.
IMAGE_SIZES = {
    "text": "(min-width: 44rem) 40rem, calc(100vw - 2rem)",
    "wide": "(min-width: 60rem) 56rem, calc(100vw - 2rem)",
    "full": "(min-width: 78rem) 76rem, calc(100vw - 2rem)",
}


def _is_web_address(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="heading", max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (H2)"), ("h3", "Sub-heading (H3)")],
        default="h2",
        label="level",
        help_text="Use H2 for the article's main sections and H3 inside them.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What is Heartstopper about?", "level": "h2"}


class AsideBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="remark", max_length=200)

    class Meta:
        icon = "openquote"
        label = "Aside"
        template = "blocks/aside_block.html"
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
        choices=[("text", "Text width"), ("wide", "Wide"), ("full", "Full width")],
        default="text",
        label="width",
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        image = value.get("image")
        context["caption"] = value.get("caption") or getattr(image, "caption", "")
        context["credit"] = value.get("credit") or getattr(image, "credit", "")
        context["sizes"] = IMAGE_SIZES.get(value.get("width"), IMAGE_SIZES["text"])
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="quote")
    attribution = blocks.CharBlock(required=False, label="attribution")

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"
        preview_value = {"quote": "Hi.", "attribution": "Charlie Spring"}


class EmbedSectionBlock(blocks.StructBlock):
    embed = EmbedBlock(label="address", help_text="A YouTube, Vimeo or other oEmbed address.")
    caption = blocks.CharBlock(required=False, label="caption")

    class Meta:
        icon = "media"
        label = "Embed"
        template = "blocks/embed_block.html"

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
    KIND_CHOICES = [("correction", "Correction"), ("update", "Update")]

    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, default="update", label="kind")
    date = blocks.DateBlock(label="date")
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label="note")

    class Meta:
        icon = "warning"
        label = "Correction or update"
        template = "blocks/correction_block.html"


class CastRundownBlock(blocks.StructBlock):
    """Actor → character pairs from a show's cast, entered once on the show."""

    show = blocks.PageChooserBlock(page_type="articles.ShowPage", label="show")
    season = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label="season",
        help_text="Leave empty for the whole cast.",
    )
    joining_only = blocks.BooleanBlock(
        required=False,
        label="joining this season only",
        help_text="Show only the people who join the show in the chosen season.",
    )
    heading = blocks.CharBlock(required=False, label="heading", max_length=120)

    class Meta:
        icon = "group"
        label = "Cast rundown"
        template = "blocks/cast_rundown_block.html"
        help_text = (
            "Actors and the characters they play, with photos and links to their profiles. "
            "The cast comes from the show's page: edit it there and every article follows. "
            "Pick a season to list its cast; tick 'joining this season only' for newcomers. "
            "The optional heading is shown as a sub-heading (H3)."
        )
        description = "Actor → character pairs from a show's cast"

    def clean(self, value):
        value = super().clean(value)
        if value.get("joining_only") and not value.get("season"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "season": ValidationError("Choose the season whose newcomers to list.")
                }
            )
        return value

    @staticmethod
    def live_show(value):
        """The chosen show if readers can see it; None if it was unpublished or deleted."""
        show = value.get("show")
        if show is None or not show.live:
            return None
        return show

    def cast_members(self, value):
        show = self.live_show(value)
        if show is None:
            return []
        return show.select_cast(value.get("season"), bool(value.get("joining_only")))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        show = self.live_show(value)
        context["show"] = show
        context["members"] = self.cast_members(value)
        context["heading"] = value.get("heading")
        context["heading_id"] = "-".join(
            ["cast", str(show.pk if show else 0), str(value.get("season") or "all")]
            + (["joining"] if value.get("joining_only") else [])
        )
        season = value.get("season")
        if season and value.get("joining_only"):
            context["label"] = f"Joining {show.title if show else 'the show'} in season {season}"
        elif season:
            context["label"] = f"{show.title if show else 'The'} cast, season {season}"
        else:
            context["label"] = f"{show.title if show else 'The'} cast"
        return context

    def extract_references(self, value):
        # The reference index then lists the article under each person's usage too,
        # so deleting a person warns about the articles that show them.
        yield from super().extract_references(value)
        for member in self.cast_members(value):
            yield member.person.__class__, str(member.person.pk), "show", "show"

    def get_preview_value(self):
        from articles.models import ShowPage

        show = ShowPage.objects.live().filter(roles__isnull=False).first()
        return self.normalize(
            {"show": show, "season": None, "joining_only": False, "heading": "Who's in it?"}
        )


class SpoilerContentBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label="Paragraph", template="blocks/paragraph_block.html"
    )
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
        template = "blocks/spoiler_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label="Paragraph",
        template="blocks/paragraph_block.html",
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
