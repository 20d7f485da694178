"""The renditions an article shows, made when it is published (magazine/renditions.py).

Written as the {% picture %} / {% image %} tags in the templates write them
(tests/perf/test_rendition_specs.py checks each template against its constant), so
pages fetch exactly what they render and publishing makes them in advance.
"""

from cast.rosters import CAST_PHOTO_SPEC
from magazine.models.metadata import JSON_LD_IMAGE_SPECS
from magazine.renditions import TEASER_IMAGE_SPEC
from magazine.streamfield import walk
from shop.models import BOOK_CARD_COVER_SPEC, BookPage

# The hero (templates/articles/article_page.html).
HERO_IMAGE_SPEC = "format-{webp,jpeg} width-{640,960,1280,1600}"
# Images in the body (templates/articles/blocks/image_block.html).
BODY_IMAGE_SPEC = "format-{webp,jpeg} width-{480,800,1200,1600}"
# The byline's author cards (article_page.html) and an author's own page (author_page.html).
AUTHOR_CARD_PHOTO_SPEC = "fill-96x96"
AUTHOR_PAGE_PHOTO_SPEC = "fill-160x160"


def body_blocks(article):
    """The body's blocks as converted values, spoiler sections' contents included."""
    return [visit for visit in walk(article.body, bound=True) if visit.in_stream]


def article_rendition_specs(article, include_listed=True):
    """(image, spec) for every rendition the article and its teasers show.

    `include_listed` adds the teasers of the related articles it lists (each also
    made when that article was published; the bulk command visits them anyway).
    """
    if article.hero_image:
        yield article.hero_image, HERO_IMAGE_SPEC
        yield article.hero_image, TEASER_IMAGE_SPEC
        for spec in JSON_LD_IMAGE_SPECS.values():
            yield article.hero_image, spec
    for author in article.authors:
        yield author.photo, AUTHOR_CARD_PHOTO_SPEC
        yield author.photo, AUTHOR_PAGE_PHOTO_SPEC
    book_ids = []
    for visit in body_blocks(article):
        if visit.name == "image":
            yield visit.value.get("image"), BODY_IMAGE_SPEC
        elif visit.name == "cast_rundown":
            for member in visit.block.cast_members(visit.value):
                yield member.person.photo, CAST_PHOTO_SPEC
        elif visit.name == "shop":
            book_ids += [book.pk for book in visit.value.get("books") or [] if book]
    if book_ids:
        for book in BookPage.objects.live().filter(pk__in=book_ids).select_related("cover"):
            yield book.cover, BOOK_CARD_COVER_SPEC
    if include_listed:
        for related in article.related_articles():
            yield related.hero_image, TEASER_IMAGE_SPEC


def page_images(article):
    """The image objects the article's own template renders: hero, byline, body."""
    images = [article.hero_image, *(author.photo for author in article.authors)]
    images += [visit.value.get("image") for visit in body_blocks(article) if visit.name == "image"]
    return images
