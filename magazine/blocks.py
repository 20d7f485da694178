"""Blocks for the site's own pages (trust page, about us)."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="heading", max_length=120)

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/simple_heading_block.html"
        preview_value = {"text": "How we choose what to recommend"}


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        label="Paragraph",
        template="blocks/paragraph_block.html",
        preview_value="<p>We only recommend what we would buy ourselves.</p>",
    )
    image = ImageChooserBlock(template="blocks/simple_image_block.html")
