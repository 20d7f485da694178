from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from magazine.blocks import StandardBodyBlock
from magazine.pagination import LeanCountPaginator, paginate
from magazine.panels import settings_panels

from .metadata import MetadataMixin


def view_restrictions(page):
    """The restrictions on `page` and its ancestors, in one query instead of Wagtail's two.

    Same rule as Wagtail's: a page that is an alias takes its original's
    restrictions (here in addition to its own, which is never less strict).
    """
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).distinct()


def _covers_outer_page(relation):
    """Restrictions whose page (reached through `relation`) is the outer page or an ancestor.

    A page's path starts with each of its ancestors' paths.
    """
    return Q(**{relation: Substr(OuterRef("path"), 1, Length(relation))})


def restricted_here():
    """An `Exists` for annotating pages: is the page, or an ancestor, view-restricted?

    Also true where the page or an ancestor is an alias whose original is restricted,
    the same rule as `view_restrictions()`.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            _covers_outer_page("page__path") | _covers_outer_page("page__aliases__path")
        )
    )


def exclude_private(queryset):
    """Wagtail's `.public()` as a subquery: the same pages, one query fewer per listing.

    `.public()` fetches every view restriction up front; this asks the database
    whether any restricted page is an ancestor (or the page itself) inline.
    """
    restricted = PageViewRestriction.objects.filter(_covers_outer_page("page__path"))
    return queryset.exclude(Exists(restricted))


class ViewRestrictionsMixin:
    """Every page type: Wagtail's privacy check before serving, in one query, not two.

    A page found by `HomePage.route` already knows whether any restriction applies
    (`_restricted`, read in the routing query) and needs no query at all when none does.
    """

    def get_view_restrictions(self):
        if getattr(self, "_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return view_restrictions(self)


class HomePage(MetadataMixin, ViewRestrictionsMixin, Page):
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

    per_page = 12

    def route(self, request, path_components):
        """Find the page, and its parent, by address in one query instead of two per level.

        Articles and sections come with their own fields in that query; other pages
        take one more for theirs. The query also says whether the page is private, so a
        public page needs no query for its view restrictions. Page types with routing of
        their own (none yet) and addresses that match no page go through Wagtail's own
        routing.
        """
        from articles.models import ArticlePage

        if not path_components:
            return super().route(request, path_components)
        fast = {ArticlePage: "articlepage", SectionPage: "sectionpage"}
        target_path = self.url_path + "/".join(path_components) + "/"
        parent_path = self.url_path + "".join(f"{c}/" for c in path_components[:-1])
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in={target_path, parent_path})
            .select_related("articlepage__hero_image", "sectionpage")
            .annotate(restricted=restricted_here())
            .order_by()
        }
        page = found.get(target_path)
        model = page.specific_class if page is not None else None
        if model is None or model.route is not Page.route:
            return super().route(request, path_components)
        specific = getattr(page, fast[model]) if model in fast else page.specific
        specific._restricted = page.restricted
        parent = self if parent_path == self.url_path else found.get(parent_path)
        if parent is not None:
            # Treebeard's get_parent() reads this, so an article knows its section.
            specific._cached_parent_obj = parent
        return specific.route(request, [])

    def listing_items(self):
        """Every live article on the site, newest first."""
        from articles.models import ArticlePage

        return ArticlePage.teasers().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.listing_items(), self.per_page)
        return context


class SectionPage(MetadataMixin, ViewRestrictionsMixin, Page):
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
        """The articles this section lists, subsections' included, newest first."""
        from articles.models import ArticlePage

        return ArticlePage.teasers().descendant_of(self)

    def listing_count(self):
        """The same articles, counted on the page tree alone (an index-only scan)."""
        from articles.models import ArticlePage

        return exclude_private(Page.objects.live().descendant_of(self).type(ArticlePage))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = list(exclude_private(SectionPage.objects.child_of(self).live()))
        paginator = LeanCountPaginator(self.listing_items(), self.per_page, self.listing_count())
        context["items"] = paginate(request, paginator)
        return context


class StandardPage(MetadataMixin, ViewRestrictionsMixin, Page):
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
