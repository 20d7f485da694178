from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from magazine.blocks import StandardBodyBlock
from magazine.pagination import paginate
from magazine.panels import settings_panels

from .metadata import MetadataMixin


class HomePage(MetadataMixin, Page):
    """The site root: the latest stories from every section."""

    intro = models.CharField(
        "introduction",
        max_length=255,
        blank=True,
        help_text="One line under the masthead; also the home page's meta description.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = settings_panels()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "magazine.SectionPage",
        "magazine.StandardPage",
        "articles.PeopleIndexPage",
        "articles.ShowIndexPage",
        "shop.ShopIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest"] = (
            Page.objects.descendant_of(self)
            .live()
            .public()
            .not_type(SectionPage, StandardPage)
            .specific()
            .order_by("-first_published_at")[:12]
        )
        return context


class SectionPage(MetadataMixin, Page):
    """A section of the magazine (TV, Film, Books…) listing its stories newest first."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="A sentence about what this section covers; also its meta description.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = settings_panels()
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["magazine.HomePage", "magazine.SectionPage"]
    subpage_types = ["magazine.SectionPage", "articles.ArticlePage"]

    per_page = 12

    class Meta:
        verbose_name = "section page"

    def listing_items(self):
        """The stories this section lists; subsections' stories included."""
        return (
            Page.objects.descendant_of(self)
            .live()
            .public()
            .not_type(SectionPage)
            .specific()
            .order_by("-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = SectionPage.objects.child_of(self).live().public()
        context["items"] = paginate(request, self.listing_items(), self.per_page)
        return context


class StandardPage(MetadataMixin, Page):
    """A plain page such as 'Why you can trust us' or 'About us'."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="A short summary shown under the title and as the meta description.",
    )
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name="body")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = settings_panels()
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["magazine.HomePage", "magazine.StandardPage"]
    subpage_types = ["magazine.StandardPage"]

    class Meta:
        verbose_name = "standard page"
