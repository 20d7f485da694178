"""Blocks every body shares: the heading and the rich-text features editors get.

Articles build their body on these (articles/blocks.py); the site's own pages
(trust page, about us) use `StandardBodyBlock`.
"""

from django.db import models
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Paragraphs: emphasis, links and lists.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# One-paragraph notes (corrections, a show's synopsis): emphasis and links.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class HeadingLevel(models.TextChoices):
    H2 = "h2", "Section heading (H2)"
    H3 = "h3", "Sub-heading (H3)"


class HeadingBlock(blocks.StructBlock):
    """A section heading with a stable anchor (see `magazine.streamfield.headings`)."""

    text = blocks.CharBlock(label="heading", max_length=120)
    level = blocks.ChoiceBlock(
        choices=HeadingLevel.choices,
        default=HeadingLevel.H2.value,
        label="level",
        help_text="Use H2 for the page's main sections and H3 inside them.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What is Heartstopper about?", "level": "h2"}


def paragraph_block(**kwargs):
    """A rich-text paragraph with the shared features and template."""
    return blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label="Paragraph",
        template="blocks/paragraph_block.html",
        **kwargs,
    )


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block(
        preview_value="<p>We only recommend what we would buy ourselves.</p>",
    )
    image = ImageChooserBlock(template="blocks/simple_image_block.html")
