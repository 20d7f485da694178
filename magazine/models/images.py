from functools import lru_cache

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


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


class MagazineRendition(AbstractRendition):
    image = models.ForeignKey(MagazineImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
