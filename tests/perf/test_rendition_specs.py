"""Templates ask for the renditions the models declare (and prerender on publish).

Wagtail's image tags need their filter specs written out in the template, so each
spec lives as a constant beside the model and these tests hold the two together.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from articles import renditions as article
from cast import models as cast
from cast import rosters
from magazine import renditions
from shop import models as shop

TEMPLATES = Path(settings.BASE_DIR) / "templates"
IMAGE_TAG = re.compile(r"{%\s*(?:image|picture|srcset_image)\s+(\S+)\s+(.*?)%}", re.S)

# (template, image expression) → the constant whose renditions it renders.
DECLARED = {
    ("includes/teaser.html", "item.hero_image"): renditions.TEASER_IMAGE_SPEC,
    ("articles/article_page.html", "page.hero_image"): article.HERO_IMAGE_SPEC,
    ("articles/article_page.html", "author.photo"): article.AUTHOR_CARD_PHOTO_SPEC,
    ("articles/author_page.html", "author.photo"): article.AUTHOR_PAGE_PHOTO_SPEC,
    ("articles/blocks/image_block.html", "value.image"): article.BODY_IMAGE_SPEC,
    ("cast/blocks/cast_rundown_block.html", "person.photo"): rosters.CAST_PHOTO_SPEC,
    ("cast/people_index_page.html", "person.photo"): rosters.CAST_PHOTO_SPEC,
    ("cast/person_page.html", "page.photo"): cast.PROFILE_PHOTO_SPEC,
    ("cast/show_page.html", "page.key_image"): cast.SHOW_KEY_IMAGE_SPEC,
    ("cast/show_index_page.html", "show.key_image"): cast.SHOW_CARD_SPEC,
    ("shop/book_page.html", "book.cover"): shop.BOOK_COVER_SPEC,
    ("shop/includes/book_card.html", "book.cover"): shop.BOOK_CARD_COVER_SPEC,
}
# Image tags on pages with no prerendering of their own (site furniture, admin views).
UNDECLARED = {("blocks/simple_image_block.html", "value")}


def image_tags():
    """(template, image expression, filter spec) for every Wagtail image tag."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = str(path.relative_to(TEMPLATES))
        for expression, rest in IMAGE_TAG.findall(path.read_text()):
            spec = []
            for token in rest.split():
                if "=" in token or token == "as":
                    break
                spec.append(token)
            found.append((name, expression, " ".join(spec)))
    return found


def test_every_image_tag_in_the_templates_is_declared_on_a_model():
    used = {(name, expression) for name, expression, _spec in image_tags()}
    assert used - UNDECLARED == set(DECLARED)


@pytest.mark.parametrize(
    "name, expression, spec",
    [tag for tag in image_tags() if tag[:2] not in UNDECLARED],
)
def test_templates_render_the_spec_their_model_declares(name, expression, spec):
    assert spec == DECLARED[(name, expression)], f"{name}: {expression}"
