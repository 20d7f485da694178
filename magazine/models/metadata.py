class MetadataMixin:
    """Search-engine and social metadata with its fallbacks in one place.

    Templates only ever read `meta_title`, `meta_description` and `meta_image`;
    page types change what they fall back to by overriding `summary` or `meta_image`.
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
