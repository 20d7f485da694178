"""Renditions made ahead of readers: when a page is published, and in bulk.

Every page type that shows images has a `rendition_specs()` method yielding
`(image, spec)` pairs: the image and the filter spec its templates and metadata ask
for, written with the same constants the templates are checked against (a spec may
be a `{% picture %}`-style pattern such as "format-{webp,jpeg} fill-{400x225,800x450}").
A page declares the renditions of its own images wherever they are shown (its page,
its cards and teasers on listings, social and structured data) and of the images on
it that belong to other things (authors, cast photos, book covers), so the first
reader of a newly published page never waits for an image to be resized.
"""

import logging
from collections import defaultdict

from django.apps import apps
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

logger = logging.getLogger(__name__)

# A story's teaser on every listing (templates/includes/teaser.html), as the template
# writes it (tests/perf/test_rendition_specs.py checks each template against its
# constant): listings prefetch it and publishing makes it in advance.
TEASER_IMAGE_SPEC = "format-{webp,jpeg} fill-{400x225,800x450}"


def expand(spec):
    """ "format-{webp,jpeg} fill-{1,2}" → the four plain filter specs Wagtail stores."""
    return Filter.expand_spec(spec) if "{" in spec else [spec]


def renditions_prefetch(image_lookup, spec):
    """Prefetch the renditions `spec` names for the images at `image_lookup`.

    For listings and cards: each image then carries just the renditions its template
    asks for, read the way Wagtail's image tags read them, in one query for the list.
    """
    return Prefetch(
        f"{image_lookup}__renditions",
        queryset=get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=expand(spec)),
        to_attr="prefetched_renditions",
    )


def wanted(pairs):
    """{image: [spec, …]} from `(image, spec)` pairs, without None images or repeats."""
    found = defaultdict(dict)
    images = {}
    for image, spec in pairs:
        if image is None or spec is None:
            continue
        images[image.pk] = image
        for plain in expand(spec):
            found[image.pk][plain] = None
    return {images[pk]: list(specs) for pk, specs in found.items()}


def create_renditions(needed):
    """Create every rendition in `needed` ({image: specs}) that is missing.

    One image failing (say its file is gone) never stops the others: it is logged,
    and readers get Wagtail's usual on-demand rendition (or its broken-image fallback).
    Returns the number of images that failed.
    """
    failed = 0
    for image, specs in needed.items():
        try:
            image.get_renditions(*specs)
        except Exception:
            failed += 1
            logger.warning(
                "Could not make renditions %s of image %s", specs, image.pk, exc_info=True
            )
    return failed


def page_needs(page):
    """{image: specs} for everything `page` shows, from its `rendition_specs()`."""
    specific = page.specific
    rendition_specs = getattr(specific, "rendition_specs", None)
    if rendition_specs is None:
        return {}
    return wanted(rendition_specs())


def prerender_page(page):
    """Make the renditions a published page needs; never raises."""
    try:
        needed = page_needs(page)
    except Exception:
        logger.warning("Could not list the renditions of page %s", page.pk, exc_info=True)
        return
    create_renditions(needed)


def on_publish(instance, **kwargs):
    """`page_published` handler: the page's images are ready before its first reader."""
    prerender_page(instance)


def live_pages_with_images():
    """Every live page whose type declares renditions, one page type at a time."""
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.abstract:
            continue
        if "rendition_specs" not in dir(model):
            continue
        # Only the concrete type itself (subclasses are visited on their own).
        pages = model.objects.live().exact_type(model).order_by("path")
        yield model, pages.iterator(chunk_size=200)


def attach_renditions(images):
    """Fetch every stored rendition of `images` in one query, for the templates to use.

    Wagtail then reads renditions from the image objects instead of asking the
    renditions cache (a network round trip each with Redis) or the database per tag.
    Pass the same objects the templates will render; every rendition a template asks
    for must already exist (publishing makes them), or Wagtail makes it then.
    """
    by_pk = defaultdict(list)
    for image in images:
        if image is not None:
            by_pk[image.pk].append(image)
    if not by_pk:
        return
    found = defaultdict(list)
    rendition_model = get_image_model().get_rendition_model()
    for rendition in rendition_model.objects.filter(image_id__in=list(by_pk)):
        found[rendition.image_id].append(rendition)
    for pk, instances in by_pk.items():
        for rendition in found[pk]:
            # As Django's prefetching would: an <img> tag reads its image's alt text.
            rendition.image = instances[0]
        for image in instances:
            image.prefetched_renditions = list(found[pk])
