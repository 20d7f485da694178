from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from magazine import listings, routing
from magazine.blocks import StandardBodyBlock
from magazine.pagination import LeanCountPaginator, paginate
from magazine.privacy import exclude_private

from .base import BasePage


class HomePage(BasePage):
    """The site root: the latest stories from every section."""

    intro = models.CharField(
        "introduction",
        max_length=255,
        blank=True,
        help_text="One line under the masthead; also the home page's meta description.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "magazine.SectionPage",
        "magazine.StandardPage",
        "cast.PeopleIndexPage",
        "cast.ShowIndexPage",
        "shop.ShopIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    per_page = 12

    def route(self, request, path_components):
        """Find the page, and its parent, by address in one query (magazine.routing).

        Wagtail's documented extension point for routing; addresses that match no page
        go through Wagtail's own routing.
        """
        if not path_components:
            return super().route(request, path_components)
        page, _parent = routing.route_by_address(self, path_components)
        if page is None:
            return super().route(request, path_components)
        return page.route(request, [])

    def listing_items(self):
        """Every live story on the site, newest first."""
        return listings.teasers().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.listing_items(), self.per_page)
        return context


class SectionPage(BasePage):
    """A section of the magazine (TV, Film, Books…) listing its stories newest first."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="A sentence about what this section covers; also its meta description.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["magazine.HomePage", "magazine.SectionPage"]
    subpage_types = ["magazine.SectionPage", "articles.ArticlePage"]

    per_page = 12
    route_select_related = ()

    class Meta:
        verbose_name = "section page"

    def listing_items(self):
        """The stories this section lists, subsections' included, newest first."""
        return listings.teasers().descendant_of(self)

    def listing_count(self):
        """The same stories, counted on the page tree alone (an index-only scan)."""
        model = listings.listed_page_type()
        if model is None:
            return Page.objects.none()
        return exclude_private(Page.objects.live().descendant_of(self).type(model))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = list(exclude_private(SectionPage.objects.child_of(self).live()))
        paginator = LeanCountPaginator(self.listing_items(), self.per_page, self.listing_count())
        context["items"] = paginate(request, paginator)
        return context


class StandardPage(BasePage):
    """A plain page such as 'Why you can trust us' or 'About us'."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="A short summary shown under the title and as the meta description.",
    )
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name="body")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["magazine.HomePage", "magazine.StandardPage"]
    subpage_types = ["magazine.StandardPage"]

    class Meta:
        verbose_name = "standard page"
