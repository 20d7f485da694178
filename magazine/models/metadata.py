"""Search-engine and social metadata, with every fallback in one place."""

from django.conf import settings
from django.core.cache import cache

from magazine.models.site_settings import SiteSettings

SOCIAL_IMAGE_SPEC = "fill-1200x630"
# Google asks for article images in these three aspect ratios.
JSON_LD_IMAGE_SPECS = {
    "16:9": "fill-1200x675",
    "4:3": "fill-1200x900",
    "1:1": "fill-1200x1200",
}
LOGO_SPEC = "max-600x60"


def absolute_url(request, url):
    """`url` made absolute for the request's host (already-absolute URLs pass through)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def rendition_dict(request, rendition):
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


class MetadataMixin:
    """Search-engine and social metadata with its fallbacks in one place.

    Templates only ever read `meta_title`, `meta_description`, `meta_image` and the
    `social_meta` / `structured_data` that `get_context` puts beside them; page types
    change what they fall back to by overriding `summary` or `meta_image`, and add to
    the tags by overriding `get_social_meta` / `get_structured_data`.
    """

    og_type = "website"

    @property
    def summary(self):
        return getattr(self, "intro", "") or ""

    @property
    def meta_title(self):
        return self.seo_title or self.title

    @property
    def meta_description(self):
        text = self.search_description or self.summary
        return " ".join(text.split())[:300]

    @property
    def meta_image(self):
        return None

    @property
    def meta_image_alt(self):
        image = self.meta_image
        return getattr(image, "description", "") if image else ""

    def rendition_specs(self, include_listed=True):
        """(image, filter spec) pairs for the renditions this page shows.

        Made when the page is published (magazine/renditions.py); page types add
        their own images and the ones they show from other things.
        """
        yield self.meta_image, SOCIAL_IMAGE_SPEC
        if self.get_site() is None:
            return  # not reachable yet (e.g. a home page before its site exists)
        brand = self.get_site_settings(None)
        if brand.logo_id:
            yield brand.logo, LOGO_SPEC

    def get_site_settings(self, request):
        if request is not None:
            return SiteSettings.for_request(request)
        return SiteSettings.for_site(self.get_site())

    def get_social_meta(self, request):
        """Open Graph and Twitter tags as (attribute, name, content) triples."""
        brand = self.get_site_settings(request)
        url = self.get_full_url(request)
        tags = [
            ("property", "og:type", self.og_type),
            ("property", "og:title", self.meta_title),
            ("property", "og:url", url),
            ("property", "og:site_name", brand.brand_name),
            ("property", "og:locale", "en_GB"),
        ]
        if self.meta_description:
            tags.append(("property", "og:description", self.meta_description))
        image = self.meta_image
        if image:
            rendition = rendition_dict(request, image.get_rendition(SOCIAL_IMAGE_SPEC))
            tags += [
                ("property", "og:image", rendition["url"]),
                ("property", "og:image:width", str(rendition["width"])),
                ("property", "og:image:height", str(rendition["height"])),
            ]
            if self.meta_image_alt:
                tags.append(("property", "og:image:alt", self.meta_image_alt))
        tags.append(("name", "twitter:card", "summary_large_image" if image else "summary"))
        tags.append(("name", "twitter:title", self.meta_title))
        if self.meta_description:
            tags.append(("name", "twitter:description", self.meta_description))
        if image:
            tags.append(("name", "twitter:image", rendition["url"]))
            if self.meta_image_alt:
                tags.append(("name", "twitter:image:alt", self.meta_image_alt))
        if brand.x_handle:
            tags.append(("name", "twitter:site", "@" + brand.x_handle.lstrip("@")))
        return tags

    def get_publisher_data(self, request):
        brand = self.get_site_settings(request)
        publisher = {
            "@type": "Organization",
            "name": brand.brand_name,
            "url": absolute_url(request, "/"),
        }
        if brand.logo_id:
            publisher["logo"] = {"@type": "ImageObject", **self._logo(request, brand)}
        same_as = [url for _label, url in brand.social_links]
        if same_as:
            publisher["sameAs"] = same_as
        return publisher

    @staticmethod
    def _logo(request, brand):
        # The logo rarely changes; caching its rendition keeps it off every page's queries.
        key = f"publisher-logo:{brand.logo_id}:{LOGO_SPEC}"
        logo = cache.get(key)
        if logo is None:
            rendition = brand.logo.get_rendition(LOGO_SPEC)
            logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
            cache.set(key, logo, 60 * 60)
        return {**logo, "url": absolute_url(request, logo["url"])}

    def get_structured_data(self, request):
        """A JSON-LD object for this page, or None."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["social_meta"] = self.get_social_meta(request)
        context["structured_data"] = self.get_structured_data(request)
        return context
