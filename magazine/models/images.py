import io
from contextlib import contextmanager
from functools import lru_cache

import willow
from django.db import models
from PIL import Image as PILImage
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

# Colour modes every web format writes; others (CMYK, 16-bit, 32-bit, Lab) are
# converted before resizing.
WEB_MODES = {"1", "L", "LA", "P", "RGB", "RGBA"}


@lru_cache(maxsize=256)
def shared_filter(spec):
    """One parsed `Filter` per spec for the whole process.

    Wagtail's image tags build a new `Filter` from the spec string on every render, and
    each one re-reads the image-operation hooks and re-parses its operations; a page
    with a few dozen images paid for that on every request. Filters hold no per-image
    state, so one per spec is enough.
    """
    return Filter(spec=spec)


def as_filter(filter):
    """The shared `Filter` for a spec string or a plain `Filter` the tags made."""
    if isinstance(filter, str):
        return shared_filter(filter)
    if type(filter) is Filter and filter.spec:
        return shared_filter(filter.spec)
    return filter


class MagazineImage(AbstractImage):
    """Wagtail's image with the alt text, caption and credit a magazine prints with it.

    Templates read these defaults; a page can override caption and credit where it
    shows the image.
    """

    # Wagtail's own `description` field is what it uses as alt text, so it keeps
    # its name and gains an editor-facing label.
    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        default="",
        help_text="What the image shows, for readers who can't see it. "
        "Leave empty only for purely decorative images.",
    )
    caption = models.CharField(
        "caption",
        max_length=255,
        blank=True,
        help_text="Shown under the image, e.g. who is pictured.",
    )
    credit = models.CharField(
        "credit",
        max_length=255,
        blank=True,
        help_text="Photographer or agency, e.g. 'Netflix'.",
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]

    @property
    def alt_text(self):
        return self.description

    @property
    def default_alt_text(self):
        return self.description

    def get_rendition(self, filter):
        """Wagtail's, without writing a prefetched rendition back to the renditions cache.

        Wagtail's `{% image %}` tag stores the rendition it found in the renditions
        cache even when the page had fetched it already: a pointless round trip to
        Redis for every image on every page. `get_renditions()` (the `{% picture %}`
        tag) already skips that write; this makes `{% image %}` do the same.
        """
        filter = as_filter(filter)
        if self._get_prefetched_renditions() is not None:
            filter = self.clean_filter_for_svg(filter)
            found = self.find_existing_renditions(filter).get(filter)
            if found is not None:
                return found
        return super().get_rendition(filter)

    def get_renditions(self, *filters):
        return super().get_renditions(*map(as_filter, filters))

    @contextmanager
    def get_willow_image(self):
        """Wagtail's, with colour modes the web formats cannot write converted first.

        A CMYK JPEG or a 16-bit PNG uploads fine, but its JPEG or WebP renditions
        would fail ("cannot write mode I;16 as JPEG") or keep colours that browsers
        show wrongly. Such originals are re-encoded in memory, in their own format, as
        8-bit RGB(A), so every rendition of them is made as of any other image.
        """
        with super().get_willow_image() as original:
            converted = web_mode_copy(original)
            yield converted if converted is not None else original


def web_mode_copy(original):
    """`original` (a Willow image file) as 8-bit RGB(A) in its own format, or None if it is."""
    source = getattr(original, "f", None)
    if source is None or original.format_name not in {"jpeg", "png", "webp", "tiff", "avif"}:
        return None
    source.seek(0)
    with PILImage.open(source) as image:
        if image.mode in WEB_MODES:
            source.seek(0)
            return None
        image.load()
        converted = to_web_mode(image)
    buffer = io.BytesIO()
    save_format = "PNG" if original.format_name == "png" else image.format or "PNG"
    options = {"quality": 95} if save_format in {"JPEG", "WEBP", "AVIF"} else {}
    converted.save(buffer, format=save_format, **options)
    buffer.seek(0)
    return willow.Image.open(buffer)


def to_web_mode(image):
    """8-bit RGB (RGBA with transparency, L for grey) with the same tones."""
    if image.mode in {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}:
        _low, high = image.getextrema()
        scale = 255 / high if high and high > 255 else 1
        grey = image.convert("I") if image.mode != "F" else image
        return grey.point(lambda value: value * scale).convert("L")
    if "A" in image.getbands():
        return image.convert("RGBA")
    return image.convert("RGB")


class MagazineRendition(AbstractRendition):
    image = models.ForeignKey(MagazineImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
