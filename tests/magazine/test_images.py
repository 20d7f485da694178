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
