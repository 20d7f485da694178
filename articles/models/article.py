"""The article page: headline, standfirst, hero, byline and a StreamField body.

Its metadata lives in articles/metadata.py, its renditions in articles/renditions.py
and its related-articles query in articles/related.py; its body is read through the
one StreamField walker (magazine/streamfield.py).
"""

import math
import re
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles import related, renditions
from articles.blocks import ArticleBodyBlock
from articles.forms import ArticlePageForm
from articles.metadata import ArticleMetadataMixin
from magazine import streamfield
from magazine.models import BasePage
from magazine.privacy import exclude_private
from magazine.renditions import TEASER_IMAGE_SPEC, attach_renditions, renditions_prefetch

WORDS_PER_MINUTE = 230
TOC_MIN_HEADINGS = 4


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePageAuthor(Orderable):
    """The byline: one or more staff writers, in the order given."""

    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="article_authors"
    )
    author = models.ForeignKey(
        "articles.Author",
        on_delete=models.CASCADE,
        related_name="article_links",
        verbose_name="author",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        unique_together = [("page", "author")]


class ArticlePage(ArticleMetadataMixin, BasePage):
    """A story: headline, standfirst, hero, byline and a StreamField body."""

    standfirst = models.CharField(
        "standfirst",
        max_length=300,
        help_text="One line under the headline that makes readers want to read on. "
        "Plain text; emoji are welcome.",
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="hero image",
        help_text="The big picture at the top, also used when the article is shared.",
    )
    hero_alt = models.CharField(
        "hero alt text",
        max_length=255,
        blank=True,
        help_text="Leave empty to use the image's own alt text.",
    )
    hero_caption = models.CharField(
        "hero caption",
        max_length=255,
        blank=True,
        help_text="Leave empty to use the image's own caption, e.g. who is pictured.",
    )
    hero_credit = models.CharField(
        "hero credit",
        max_length=255,
        blank=True,
        help_text="Leave empty to use the image's own credit.",
    )
    updated_at = models.DateTimeField(
        "significant update",
        null=True,
        blank=True,
        help_text="Set when you make a significant update, and readers will see 'Updated' "
        "with this date. Leave empty for small fixes.",
    )
    contains_spoilers = models.BooleanField(
        "contains spoilers",
        default=False,
        help_text="Tick if the article gives away plot points. Search engines and social "
        "networks then get the spoiler-free summary instead of the standfirst.",
    )
    spoiler_free_summary = models.CharField(
        "spoiler-free summary",
        max_length=300,
        blank=True,
        help_text="Used in search results and social shares when the article has spoilers.",
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name="body")
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name="tags")

    people = ParentalManyToManyField(
        "cast.PersonPage",
        blank=True,
        related_name="articles",
        verbose_name="people",
        help_text="Who the article is about. Left empty, it is filled from the cast blocks "
        "and the people linked in the text.",
    )
    shows = ParentalManyToManyField(
        "cast.ShowPage",
        blank=True,
        related_name="articles",
        verbose_name="shows",
        help_text="Which shows the article is about. Left empty, it is filled from the cast "
        "blocks and the shows linked in the text.",
    )
    books = ParentalManyToManyField(
        "shop.BookPage",
        blank=True,
        related_name="articles",
        verbose_name="books",
        help_text="Filled automatically from the article's shop blocks.",
    )
    has_affiliate_links = models.BooleanField(
        default=False,
        editable=False,
        help_text="Set on save from the body, so listings can label the teaser cheaply.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultipleChooserPanel(
            "article_authors",
            chooser_field_name="author",
            heading="Byline",
            label="Author",
            min_num=0,
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contains_spoilers"), FieldPanel("spoiler_free_summary")],
            heading="Spoilers",
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("people"), FieldPanel("shows")],
            heading="What the article is about",
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("first_published_at"), FieldPanel("updated_at")],
            heading="Dates shown to readers",
        ),
        *BasePage.settings_panels,
    ]
    base_form_class = ArticlePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors",
            [index.RelatedFields("author", [index.SearchField("name")])],
        ),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["magazine.SectionPage"]
    subpage_types = []
    # Routing fetches the article and its hero in the one query (magazine.routing).
    route_select_related = ("hero_image",)

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Wagtail indexes on post_save, before modelcluster commits the tags and the
        # byline; index again now so tags and author names are searchable at once.
        # From the database, not `self`: saving a draft revision must not index it.
        stored = ArticlePage.objects.filter(pk=self.pk).first()
        if stored is not None:
            index.insert_or_update_object(stored)
        return result

    # Validation ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.contains_spoilers and not self.spoiler_free_summary.strip():
            errors["spoiler_free_summary"] = (
                "Articles with spoilers need a spoiler-free summary: it is what search "
                "engines and social networks show instead of the standfirst."
            )
        if (
            self.updated_at
            and self.first_published_at
            and self.updated_at < self.first_published_at
        ):
            errors["updated_at"] = "The update can't be earlier than the first publication."
        if errors:
            raise ValidationError(errors)

    # Listings -----------------------------------------------------------------

    @classmethod
    def teasers(cls, prefetch_renditions=True):
        """Live, public articles newest first, with what a teaser shows fetched up front.

        The teaser renditions come in one query, however many teasers: cheaper than
        asking the renditions cache (Redis) once per teaser, even for short lists.
        """
        # Teasers never show the body: leaving it out spares reading and decoding
        # a long JSON document for every teaser in a listing.
        articles = exclude_private(cls.objects.live()).select_related("hero_image").defer("body")
        if prefetch_renditions:
            articles = articles.prefetch_related(
                renditions_prefetch("hero_image", TEASER_IMAGE_SPEC)
            )
        return articles.order_by("-first_published_at", "-pk")

    # Reader-facing values, each computed once per request ----------------------

    @property
    def summary(self):
        """Spoiler-safe text for listings, search results and metadata."""
        if self.contains_spoilers:
            return self.spoiler_free_summary
        return self.standfirst

    @property
    def meta_image(self):
        return self.hero_image

    @property
    def hero_alt_text(self):
        if self.hero_alt:
            return self.hero_alt
        return self.hero_image.description if self.hero_image else ""

    @property
    def hero_caption_text(self):
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""

    @property
    def hero_credit_text(self):
        if self.hero_credit:
            return self.hero_credit
        return self.hero_image.credit if self.hero_image else ""

    @property
    def published_at(self):
        """The date readers see; a preview of a never-published draft shows today."""
        return self.first_published_at or timezone.now()

    @property
    def modified_at(self):
        return self.updated_at or self.published_at

    @property
    def show_updated(self):
        return self.updated_at is not None

    @cached_property
    def authors(self):
        links = self.article_authors.all()
        if hasattr(links, "select_related"):
            links = links.select_related("author__photo")
        return [link.author for link in links]

    @cached_property
    def tag_list(self):
        return sorted(self.tags.all(), key=lambda tag: tag.name.lower())

    @cached_property
    def section(self):
        """The section the article sits in (cached by routing, so usually free).

        A plain Page: its title, slug and URL are all a byline or metadata needs.
        """
        return self.get_parent()

    def listing_urls(self):
        """Pages besides its ancestors that list this article: purged at the CDN on publish."""
        site = self.get_site()
        if site is None:
            return []
        root = site.root_url
        urls = [root + reverse("feed")]
        if self.section is not None:
            urls.append(root + reverse("section_feed", kwargs={"slug": self.section.slug}))
        urls += [root + reverse("tag", kwargs={"slug": tag.slug}) for tag in self.tag_list]
        urls += [root + author.get_absolute_url() for author in self.authors]
        return urls

    @cached_property
    def word_count(self):
        text = " ".join([self.title, self.standfirst, *streamfield.text(self.body)])
        return len(re.findall(r"\w+", text))

    @property
    def reading_time(self):
        """Whole minutes, at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @cached_property
    def headings(self):
        """Every heading in the body with its anchor id (spoiler sections' included)."""
        return streamfield.headings(self.body, container="spoiler")

    @cached_property
    def heading_anchors(self):
        return {h["id"]: h["anchor"] for h in self.headings if h["id"]}

    @cached_property
    def table_of_contents(self):
        """The H2s outside spoiler sections, when there are enough to need a contents list."""
        entries = [h for h in self.headings if h["level"] == "h2" and not h["in_container"]]
        return entries if len(entries) >= TOC_MIN_HEADINGS else []

    def related_articles(self):
        return related.related_articles(self)

    def rendition_specs(self, include_listed=True):
        yield from super().rendition_specs()
        yield from renditions.article_rendition_specs(self, include_listed)

    def share_shows(self):
        """Let cast blocks about the same show share one show object and its cast.

        Blocks inside a spoiler section are loaded apart from the others, so two
        rundowns of one show would otherwise each fetch its cast.
        """
        shows = {}
        for visit in renditions.body_blocks(self):
            if visit.name == "cast_rundown" and visit.value.get("show") is not None:
                show = visit.value["show"]
                visit.value["show"] = shows.setdefault(show.pk, show)

    def get_context(self, request, *args, **kwargs):
        # Before the metadata reads the hero: one query for every rendition shown.
        attach_renditions(renditions.page_images(self))
        self.share_shows()
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = self.authors
        context["tags"] = self.tag_list
        context["section"] = self.section
        context["heading_anchors"] = self.heading_anchors
        context["table_of_contents"] = self.table_of_contents
        context["related_articles"] = self.related_articles()
        return context
