from django.conf import settings
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.blocks import ArticleBodyBlock
from magazine.models.metadata import MetadataMixin


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


class ArticlePage(MetadataMixin, Page):
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
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("first_published_at"), FieldPanel("updated_at")],
            heading="Dates shown to readers",
        ),
        *Page.settings_panels,
    ]

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
