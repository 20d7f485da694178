import math
import re
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from articles.forms import ArticlePageForm
from magazine.models.metadata import (
    JSON_LD_IMAGE_SPECS,
    MetadataMixin,
    absolute_url,
    rendition_dict,
)
from magazine.models.pages import ViewRestrictionsMixin, exclude_private
from magazine.panels import settings_panels
from magazine.renditions import renditions_prefetch
from magazine.rich_text import prefetched_page_links

# Renditions, written as the {% picture %} / {% image %} tags in the templates write
# them (tests/perf/test_rendition_specs.py checks each template against its constant),
# so listings prefetch exactly what they render and publishing makes them in advance.
# Teasers (templates/includes/teaser.html).
TEASER_IMAGE_SPEC = "format-{webp,jpeg} fill-{400x225,800x450}"
# The hero (templates/articles/article_page.html).
HERO_IMAGE_SPEC = "format-{webp,jpeg} width-{640,960,1280,1600}"
# Images in the body (templates/blocks/image_block.html).
BODY_IMAGE_SPEC = "format-{webp,jpeg} width-{480,800,1200,1600}"
# The byline's author cards (article_page.html) and an author's own page (author_page.html).
AUTHOR_CARD_PHOTO_SPEC = "fill-96x96"
AUTHOR_PAGE_PHOTO_SPEC = "fill-160x160"

WORDS_PER_MINUTE = 230
TOC_MIN_HEADINGS = 4
RELATED_COUNT = 4


def _stream_text(raw_blocks):
    """Every word a reader would read in a raw StreamField value (no database access)."""
    for block in raw_blocks or []:
        value = block.get("value")
        if isinstance(value, str):
            yield strip_tags(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "content" and isinstance(item, list):
                    yield from _stream_text(item)
                elif isinstance(item, str) and key in {
                    "text",
                    "quote",
                    "caption",
                    "warning",
                    "attribution",
                }:
                    yield strip_tags(item)


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


class ArticlePage(MetadataMixin, ViewRestrictionsMixin, Page):
    """A story: headline, standfirst, hero, byline and a StreamField body."""

    og_type = "article"

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
        "articles.PersonPage",
        blank=True,
        related_name="articles",
        verbose_name="people",
        help_text="Who the article is about. Left empty, it is filled from the cast blocks "
        "and the people linked in the text.",
    )
    shows = ParentalManyToManyField(
        "articles.ShowPage",
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
    settings_panels = settings_panels(
        MultiFieldPanel(
            [FieldPanel("first_published_at"), FieldPanel("updated_at")],
            heading="Dates shown to readers",
        ),
    )
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
        text = " ".join([self.title, self.standfirst, *_stream_text(self.body.get_prep_value())])
        return len(re.findall(r"\w+", text))

    @property
    def reading_time(self):
        """Whole minutes, at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @cached_property
    def headings(self):
        """Every heading in the body with its anchor id, unique and stable across renders.

        Anchors come from the heading text, so links shared by readers keep working
        when other parts of the article change.
        """
        found = []
        seen = set()

        def walk(blocks, in_spoiler=False):
            for block in blocks or []:
                if block.get("type") == "heading":
                    value = block.get("value") or {}
                    base = slugify(value.get("text", "")) or "section"
                    anchor, n = base, 2
                    while anchor in seen:
                        anchor, n = f"{base}-{n}", n + 1
                    seen.add(anchor)
                    found.append(
                        {
                            "id": block.get("id"),
                            "text": value.get("text", ""),
                            "level": value.get("level", "h2"),
                            "anchor": anchor,
                            "in_spoiler": in_spoiler,
                        }
                    )
                elif block.get("type") == "spoiler":
                    walk((block.get("value") or {}).get("content"), in_spoiler=True)

        walk(self.body.get_prep_value())
        return found

    @cached_property
    def heading_anchors(self):
        return {h["id"]: h["anchor"] for h in self.headings if h["id"]}

    @cached_property
    def table_of_contents(self):
        """The H2s outside spoiler sections, when there are enough to need a contents list."""
        entries = [h for h in self.headings if h["level"] == "h2" and not h["in_spoiler"]]
        return entries if len(entries) >= TOC_MIN_HEADINGS else []

    def related_articles(self, limit=RELATED_COUNT):
        """Live articles sharing tags, the section, people or shows; newest first."""
        if not self.pk or not self.path:
            return []  # a preview of an article that was never saved
        through_people = ArticlePage.people.through
        through_shows = ArticlePage.shows.through
        own_tags = ArticleTag.objects.filter(content_object_id=self.pk).values("tag_id")
        own_people = through_people.objects.filter(articlepage_id=self.pk).values("personpage_id")
        own_shows = through_shows.objects.filter(articlepage_id=self.pk).values("showpage_id")
        parent_path = self.path[: -self.steplen]
        matches = ArticlePage.objects.filter(
            Q(pk__in=ArticleTag.objects.filter(tag_id__in=own_tags).values("content_object_id"))
            | Q(path__startswith=parent_path, depth=self.depth)
            | Q(
                pk__in=through_people.objects.filter(personpage_id__in=own_people).values(
                    "articlepage_id"
                )
            )
            | Q(
                pk__in=through_shows.objects.filter(showpage_id__in=own_shows).values(
                    "articlepage_id"
                )
            )
        ).values("pk")
        return list(ArticlePage.teasers().filter(pk__in=matches).exclude(pk=self.pk)[:limit])

    # Renditions made on publish (magazine/renditions.py) -------------------------

    def rendition_specs(self, include_listed=True):
        """(image, spec) for every rendition this article and its teasers show.

        `include_listed` adds the teasers of the related articles it lists (each also
        made when that article was published; the bulk command visits them anyway).
        """
        from articles.cast import CAST_PHOTO_FILTER
        from shop.models import BOOK_CARD_COVER_SPEC, BookPage

        yield from super().rendition_specs()
        if self.hero_image:
            yield self.hero_image, HERO_IMAGE_SPEC
            yield self.hero_image, TEASER_IMAGE_SPEC
            for spec in JSON_LD_IMAGE_SPECS.values():
                yield self.hero_image, spec
        for author in self.authors:
            yield author.photo, AUTHOR_CARD_PHOTO_SPEC
            yield author.photo, AUTHOR_PAGE_PHOTO_SPEC
        book_ids = []
        for block in self._body_blocks(self.body):
            if block.block_type == "image":
                yield block.value.get("image"), BODY_IMAGE_SPEC
            elif block.block_type == "cast_rundown":
                for member in block.block.cast_members(block.value):
                    yield member.person.photo, CAST_PHOTO_FILTER
            elif block.block_type == "shop":
                book_ids += [book.pk for book in block.value.get("books") or [] if book]
        if book_ids:
            for book in BookPage.objects.live().filter(pk__in=book_ids).select_related("cover"):
                yield book.cover, BOOK_CARD_COVER_SPEC
        if include_listed:
            for article in self.related_articles():
                yield article.hero_image, TEASER_IMAGE_SPEC

    @classmethod
    def _body_blocks(cls, stream):
        for block in stream:
            yield block
            if block.block_type == "spoiler":
                yield from cls._body_blocks(block.value.get("content") or [])

    def page_images(self):
        """The image objects this page's own template renders: hero, byline, body."""
        images = [self.hero_image, *(author.photo for author in self.authors)]
        images += [
            block.value.get("image")
            for block in self._body_blocks(self.body)
            if block.block_type == "image"
        ]
        return images

    def share_shows(self):
        """Let cast blocks about the same show share one show object and its cast.

        Blocks inside a spoiler section are loaded apart from the others, so two
        rundowns of one show would otherwise each fetch its cast.
        """
        shows = {}
        for block in self._body_blocks(self.body):
            if block.block_type == "cast_rundown" and block.value.get("show") is not None:
                show = block.value["show"]
                block.value["show"] = shows.setdefault(show.pk, show)

    def serve(self, request, *args, **kwargs):
        """Rendered with every page link in the body found in one query, not one a paragraph."""
        with prefetched_page_links(self.body):
            response = super().serve(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
        return response

    def get_context(self, request, *args, **kwargs):
        from magazine.renditions import attach_renditions

        # Before the metadata reads the hero: one query for every rendition shown.
        attach_renditions(self.page_images())
        self.share_shows()
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = self.authors
        context["tags"] = self.tag_list
        context["section"] = self.section
        context["heading_anchors"] = self.heading_anchors
        context["table_of_contents"] = self.table_of_contents
        context["related_articles"] = self.related_articles()
        return context

    # Metadata -------------------------------------------------------------------

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
