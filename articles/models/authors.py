from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from magazine.sites import x_profile_url


class Author(index.Indexed, models.Model):
    """A staff writer: the byline, with a staff bio and an author page of their articles.

    People in the news (actors, authors of books) are PersonPages instead.
    """

    name = models.CharField("name", max_length=120)
    slug = models.SlugField(
        "slug",
        max_length=120,
        unique=True,
        help_text="Used in the author page's address: /authors/<slug>/.",
    )
    role = models.CharField(
        "role",
        max_length=120,
        blank=True,
        default="Staff writer",
        help_text="Shown with the byline, e.g. 'Staff writer' or 'TV editor'.",
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="photo",
    )
    bio = models.TextField(
        "short bio",
        blank=True,
        max_length=600,
        help_text="Two or three sentences, shown on the author page and under articles.",
    )
    x_handle = models.CharField(
        "X (Twitter) handle", max_length=30, blank=True, help_text="Without the @."
    )
    instagram_url = models.URLField("Instagram", blank=True)
    website_url = models.URLField("website", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("x_handle"), FieldPanel("instagram_url"), FieldPanel("website_url")],
            heading="Social links",
        ),
    ]
    # The admin's author list searches names and roles as editors type.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.AutocompleteField("role"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "author"
        verbose_name_plural = "authors"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("author", kwargs={"slug": self.slug})

    @property
    def social_links(self):
        links = []
        if self.x_handle:
            links.append(("X", x_profile_url(self.x_handle)))
        if self.instagram_url:
            links.append(("Instagram", self.instagram_url))
        if self.website_url:
            links.append(("Website", self.website_url))
        return links
