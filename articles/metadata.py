"""An article's search-engine and social metadata: Open Graph article tags and NewsArticle."""

from magazine.models.metadata import JSON_LD_IMAGE_SPECS, absolute_url, rendition_dict


class ArticleMetadataMixin:
    """Adds to the metadata every page has (magazine.models.metadata.MetadataMixin)."""

    og_type = "article"

    def get_social_meta(self, request):
        tags = super().get_social_meta(request)
        tags.append(("property", "article:published_time", self.published_at.isoformat()))
        tags.append(("property", "article:modified_time", self.modified_at.isoformat()))
        for author in self.authors:
            tags.append(
                ("property", "article:author", absolute_url(request, author.get_absolute_url()))
            )
        if self.section:
            tags.append(("property", "article:section", self.section.title))
        for tag in self.tag_list:
            tags.append(("property", "article:tag", tag.name))
        return tags

    def get_structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.meta_title[:110],
            "description": self.meta_description,
            "url": self.get_full_url(request),
            "mainEntityOfPage": {"@type": "WebPage", "@id": self.get_full_url(request)},
            "datePublished": self.published_at.isoformat(),
            "dateModified": self.modified_at.isoformat(),
            "author": [
                {
                    "@type": "Person",
                    "name": author.name,
                    "url": absolute_url(request, author.get_absolute_url()),
                    **({"jobTitle": author.role} if author.role else {}),
                }
                for author in self.authors
            ],
            "publisher": self.get_publisher_data(request),
            "isAccessibleForFree": True,
        }
        if self.hero_image:
            renditions = self.hero_image.get_renditions(*JSON_LD_IMAGE_SPECS.values())
            data["image"] = [
                rendition_dict(request, renditions[spec])["url"]
                for spec in JSON_LD_IMAGE_SPECS.values()
            ]
        if self.section:
            data["articleSection"] = self.section.title
        if self.tag_list:
            data["keywords"] = [tag.name for tag in self.tag_list]
        return data
