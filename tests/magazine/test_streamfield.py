"""The body walker finds blocks by where they sit, also in data saved without block ids."""

from articles.blocks import ArticleBodyBlock
from magazine import streamfield

# As older data (and some imports) store a body: blocks without ids.
BODY_WITHOUT_IDS = [
    {"type": "heading", "value": {"text": "What we know", "level": "h2"}},
    {"type": "aside", "value": {"text": "Yes, we cried."}},
    {
        "type": "spoiler",
        "value": {
            "warning": "Spoilers",
            "content": [{"type": "heading", "value": {"text": "The ending", "level": "h3"}}],
        },
    },
]


def body():
    return ArticleBodyBlock().to_python(BODY_WITHOUT_IDS)


def test_headings_are_found_in_a_body_without_block_ids():
    found = streamfield.headings(body())

    assert [(h["text"], h["anchor"], h["in_container"]) for h in found] == [
        ("What we know", "what-we-know", False),
        ("The ending", "the-ending", True),
    ]


def test_stream_blocks_are_told_from_struct_fields_without_block_ids():
    for bound in (False, True):
        in_stream = [v.name for v in streamfield.walk(body(), bound=bound) if v.in_stream]

        assert in_stream == ["heading", "aside", "spoiler", "heading"], bound
