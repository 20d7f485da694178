"""One walker for StreamField bodies; every feature that reads a body asks it.

Reading time and search text, headings and their anchors, the pages a body refers
to, the books of its shop blocks, the renditions it shows and the page links in its
rich text all come from `walk()`. It follows the block definitions down through
nested StreamBlocks, StructBlocks and ListBlocks, so a block inside a spoiler
section counts like one at the top.

By default it walks the body's raw data, as the database holds it: no queries and no
conversion, values are plain ids, dicts and HTML strings. With `bound=True` it walks
the converted values (images, pages, StructValues), for callers that need the objects.
"""

import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail import blocks

PAGE_LINK_ID = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*\bid="(\d+)"')
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


@dataclass(frozen=True)
class Visit:
    """One block met on the walk."""

    block: blocks.Block  # its definition
    value: object  # raw (or, with bound=True, converted) value
    name: str  # its type in a stream, its field name in a struct, "item" in a list
    parents: tuple  # names of the blocks it sits in, outermost first
    id: str | None = None  # its id, for blocks directly in a stream (older data: None)
    in_stream: bool = False  # a block of a stream, not a struct's field or a list's item

    @property
    def top_level(self):
        return not self.parents


def walk(stream, bound=False):
    """Every block of a StreamField value, depth first, nested ones included."""
    if stream is None:
        return
    if bound:
        yield from _walk_stream(stream.stream_block, stream, (), bound=True)
    else:
        yield from _walk_stream(stream.stream_block, stream.raw_data, (), bound=False)


def _stream_items(items, bound):
    for item in items or []:
        if bound:
            yield item.block_type, item.value, item.id
        elif isinstance(item, dict):
            yield item.get("type"), item.get("value"), item.get("id")


def _walk_stream(stream_block, items, parents, bound):
    for name, value, block_id in _stream_items(items, bound):
        child = stream_block.child_blocks.get(name)
        if child is None:
            continue  # a block type that has since been removed
        yield Visit(child, value, name, parents, block_id, in_stream=True)
        yield from _walk_children(child, value, (*parents, name), bound)


def _walk_children(block, value, parents, bound):
    if isinstance(block, blocks.StreamBlock):
        yield from _walk_stream(block, value, parents, bound)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            child_value = value.get(name) if value is not None else None
            yield Visit(child, child_value, name, parents)
            yield from _walk_children(child, child_value, (*parents, name), bound)
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            # Raw list items are {"type": "item", "value": …, "id": …} (older data: bare values).
            if not bound and isinstance(item, dict) and "value" in item and "type" in item:
                item = item["value"]
            yield Visit(block.child_block, item, "item", parents)
            yield from _walk_children(block.child_block, item, (*parents, "item"), bound)


def text(stream):
    """Every word a reader would read in the body (its text, headings and captions)."""
    for visit in walk(stream):
        if isinstance(visit.block, TEXT_BLOCKS) and isinstance(visit.value, str):
            yield strip_tags(visit.value)


def headings(stream, container="spoiler"):
    """Every heading with its anchor id, unique and stable across renders.

    Anchors come from the heading text, so links shared by readers keep working
    when other parts of the page change. `in_container` marks headings inside a
    block named `container` (spoiler sections).
    """
    found, seen = [], set()
    for visit in walk(stream):
        if visit.name != "heading" or not visit.in_stream or not isinstance(visit.value, dict):
            continue
        value = visit.value
        base = slugify(value.get("text", "")) or "section"
        anchor, n = base, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        found.append(
            {
                "id": visit.id,
                "text": value.get("text", ""),
                "level": value.get("level") or "h2",
                "anchor": anchor,
                "in_container": container in visit.parents,
            }
        )
    return found


def chosen_ids(stream, block_class):
    """The ids chosen in every `block_class` chooser of the body, in order, once each."""
    ids = {}
    for visit in walk(stream):
        if isinstance(visit.block, block_class) and isinstance(visit.value, int):
            ids.setdefault(visit.value, None)
    return list(ids)


def rich_text_sources(stream):
    """The stored HTML of every rich-text block in the body."""
    for visit in walk(stream):
        if isinstance(visit.block, blocks.RichTextBlock) and isinstance(visit.value, str):
            yield visit.value


def linked_page_ids(stream):
    """Ids of the pages linked from the body's rich text, in order, once each."""
    ids = {}
    for source in rich_text_sources(stream):
        for pk in PAGE_LINK_ID.findall(source):
            ids.setdefault(int(pk), None)
    return list(ids)


def referenced_page_ids(stream):
    """Pages the body points at, in order: page choosers, rich-text links, and any
    pages a block says it shows (a cast rundown's cast, through `shown_pages(value)`).
    """
    ids = {}
    for visit in walk(stream, bound=True):
        if isinstance(visit.block, blocks.PageChooserBlock) and visit.value is not None:
            ids.setdefault(visit.value.pk, None)
        elif isinstance(visit.block, blocks.RichTextBlock) and visit.value is not None:
            for pk in PAGE_LINK_ID.findall(visit.value.source):
                ids.setdefault(int(pk), None)
        shown_pages = getattr(visit.block, "shown_pages", None)
        if shown_pages is not None and visit.value is not None:
            for page in shown_pages(visit.value):
                ids.setdefault(page.pk, None)
    return list(ids)
