"""The custom image model carries alt text, caption and credit from the first migration."""

import pytest
from django.conf import settings
from wagtail.images import get_image_model

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_site_uses_the_magazine_image_model():
    assert settings.WAGTAILIMAGES_IMAGE_MODEL == "magazine.MagazineImage"
    assert get_image_model()._meta.label == "magazine.MagazineImage"


def test_image_has_alt_text_caption_and_credit():
    image = ImageFactory(
        description="Joe Locke and Kit Connor", caption="Charlie and Nick", credit="Netflix"
    )
    assert image.alt_text == "Joe Locke and Kit Connor"
    assert image.default_alt_text == "Joe Locke and Kit Connor"
    assert image.caption == "Charlie and Nick"
    assert image.credit == "Netflix"


def test_admin_image_form_offers_caption_and_credit():
    from wagtail.images.forms import get_image_form

    form_fields = get_image_form(get_image_model())().fields
    assert {"description", "caption", "credit"} <= set(form_fields)
    assert form_fields["description"].label == "Alt text"


def test_an_image_tag_with_prefetched_renditions_touches_neither_database_nor_cache(
    django_assert_num_queries,
):
    from unittest import mock

    from django.core.cache import caches
    from django.template import Context, Template

    from magazine.renditions import attach_renditions

    image = ImageFactory(description="Nick and Charlie")
    image.get_rendition("fill-96x96")  # made on publish
    attach_renditions([image])
    template = Template("{% load wagtailimages_tags %}{% image photo fill-96x96 %}")
    cache = caches["renditions"]

    with (
        django_assert_num_queries(0),
        mock.patch.object(cache, "get", wraps=cache.get) as cache_get,
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as cache_get_many,
        mock.patch.object(cache, "set", wraps=cache.set) as cache_set,
        mock.patch.object(cache, "set_many", wraps=cache.set_many) as cache_set_many,
    ):
        html = template.render(Context({"photo": image}))

    assert 'alt="Nick and Charlie"' in html
    assert 'width="96"' in html
    # Neither read from nor written back to the renditions cache.
    assert not (cache_get.called or cache_get_many.called)
    assert not (cache_set.called or cache_set_many.called)


def test_an_image_tag_still_makes_a_missing_rendition():
    from django.template import Context, Template

    from magazine.renditions import attach_renditions

    image = ImageFactory()
    attach_renditions([image])  # no renditions yet
    html = Template("{% load wagtailimages_tags %}{% image photo fill-50x50 %}").render(
        Context({"photo": image})
    )
    assert 'width="50"' in html
    assert image.renditions.filter(filter_spec="fill-50x50").exists()


def test_image_tags_parse_each_filter_spec_once_per_process():
    from unittest import mock

    from django.template import Context, Template
    from wagtail.images import models as image_models

    image = ImageFactory()
    template = Template(
        "{% load wagtailimages_tags %}{% picture photo format-{webp,jpeg} fill-30x20 %}"
        "{% image photo fill-30x20 %}"
    )
    template.render(Context({"photo": image}))  # makes the renditions, parses the specs

    with mock.patch.object(
        image_models.hooks, "get_hooks", wraps=image_models.hooks.get_hooks
    ) as get_hooks:
        html = template.render(Context({"photo": ImageFactory.build(pk=image.pk)}))

    assert 'width="30"' in html
    assert mock.call("register_image_operations") not in get_hooks.call_args_list
