"""Cast profiles: shows, the people in the news, and the roles that link them.

One person, one profile: cast lists, book cards and articles all point at the same
PersonPage.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from magazine.models.metadata import MetadataMixin


class PeopleIndexPage(MetadataMixin, Page):
    """/people/: every person profile, A to Z."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["articles.PersonPage"]
    max_count = 1

    class Meta:
        verbose_name = "people index"


class PersonPage(MetadataMixin, Page):
    """An actor, author, presenter, or animal performer in the news."""

    KIND_PERSON = "person"
    KIND_ANIMAL = "animal"
    KIND_CHOICES = [(KIND_PERSON, "Person"), (KIND_ANIMAL, "Animal performer")]

    kind = models.CharField("kind", max_length=10, choices=KIND_CHOICES, default=KIND_PERSON)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="photo",
        help_text="A portrait. Its credit is shown with it.",
    )
    short_bio = models.TextField(
        "short bio",
        max_length=800,
        blank=True,
        help_text="Two or three sentences: who they are and why they're in the news.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("photo"),
        FieldPanel("short_bio"),
        InlinePanel("known_for", heading="Known for", label="Credit"),
        InlinePanel("links", heading="Official and social links", label="Link"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_bio"),
        index.AutocompleteField("title"),
    ]

    parent_page_types = ["articles.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"

    @property
    def summary(self):
        return self.short_bio


class KnownForCredit(Orderable):
    person = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="known_for")
    title = models.CharField("title", max_length=160, help_text="e.g. Rocketman")
    year = models.PositiveSmallIntegerField("year", null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("year")]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title


class PersonLink(Orderable):
    """An official or social profile; these become the JSON-LD `sameAs` list."""

    person = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField("label", max_length=60, help_text="e.g. Instagram, IMDb")
    url = models.URLField("address")

    panels = [FieldPanel("label"), FieldPanel("url")]


class ShowIndexPage(MetadataMixin, Page):
    """/shows/: every show with a profile."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["articles.ShowPage"]
    max_count = 1

    class Meta:
        verbose_name = "shows index"


class ShowPage(MetadataMixin, Page):
    """A TV series with its seasons, review scores and cast."""

    network = models.CharField(
        "network or platform", max_length=80, blank=True, help_text="e.g. Netflix"
    )
    based_on = models.CharField(
        "based on",
        max_length=200,
        blank=True,
        help_text="The source work, e.g. 'the graphic novel Heartstopper'.",
    )
    source_author = models.ForeignKey(
        "articles.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_of_shows",
        verbose_name="source author",
        help_text="Who wrote the source work, if they have a profile.",
    )
    synopsis = RichTextField(
        "synopsis",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="What the show is about, without spoilers.",
    )
    key_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="key image",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("network"), FieldPanel("based_on"), FieldPanel("source_author")],
            heading="About the show",
        ),
        FieldPanel("synopsis"),
        FieldPanel("key_image"),
        InlinePanel("seasons", heading="Seasons", label="Season"),
        InlinePanel("review_scores", heading="Review scores", label="Score"),
        InlinePanel("roles", heading="Cast", label="Role"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("synopsis"),
        index.SearchField("network"),
        index.AutocompleteField("title"),
    ]

    parent_page_types = ["articles.ShowIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "show"


class Season(Orderable):
    ANNOUNCED = "announced"
    RENEWED = "renewed"
    IN_PRODUCTION = "in_production"
    RELEASED = "released"
    STATUS_CHOICES = [
        (ANNOUNCED, "Announced"),
        (RENEWED, "Renewed"),
        (IN_PRODUCTION, "In production"),
        (RELEASED, "Released"),
    ]

    show = ParentalKey(ShowPage, on_delete=models.CASCADE, related_name="seasons")
    number = models.PositiveSmallIntegerField("season number")
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES, default=ANNOUNCED)
    release_date = models.DateField(
        "release date", null=True, blank=True, help_text="Required once the season is released."
    )

    panels = [FieldPanel("number"), FieldPanel("status"), FieldPanel("release_date")]

    class Meta(Orderable.Meta):
        unique_together = [("show", "number")]

    def __str__(self):
        return f"Season {self.number}"

    def clean(self):
        if self.status == self.RELEASED and not self.release_date:
            raise ValidationError({"release_date": "A released season needs its release date."})


class ReviewScore(Orderable):
    show = ParentalKey(ShowPage, on_delete=models.CASCADE, related_name="review_scores")
    source = models.CharField("source", max_length=80, help_text="e.g. Rotten Tomatoes")
    score = models.CharField("score", max_length=20, help_text="As the source gives it, e.g. 100%")
    season = models.PositiveSmallIntegerField("season", null=True, blank=True)
    checked_on = models.DateField("checked on", help_text="When the score was read.")

    panels = [
        FieldPanel("source"),
        FieldPanel("score"),
        FieldPanel("season"),
        FieldPanel("checked_on"),
    ]


class Role(Orderable):
    """A person playing a character on a show, for a range of seasons."""

    MAIN = "main"
    RECURRING = "recurring"
    GUEST = "guest"
    BILLING_CHOICES = [(MAIN, "Main cast"), (RECURRING, "Recurring"), (GUEST, "Guest")]

    show = ParentalKey(ShowPage, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(
        PersonPage, on_delete=models.CASCADE, related_name="roles", verbose_name="person"
    )
    character_name = models.CharField("character", max_length=120)
    character_note = models.CharField(
        "character note", max_length=160, blank=True, help_text="One line, e.g. 'Nick's mum'."
    )
    first_season = models.PositiveSmallIntegerField("first season", default=1)
    last_season = models.PositiveSmallIntegerField(
        "last season", null=True, blank=True, help_text="Leave empty while the role continues."
    )
    billing = models.CharField("billing", max_length=10, choices=BILLING_CHOICES, default=MAIN)

    panels = [
        FieldPanel("person"),
        FieldPanel("character_name"),
        FieldPanel("character_note"),
        FieldPanel("first_season"),
        FieldPanel("last_season"),
        FieldPanel("billing"),
    ]

    def __str__(self):
        return f"{self.person} as {self.character_name}"

    def clean(self):
        if self.last_season is not None and self.last_season < self.first_season:
            raise ValidationError(
                {"last_season": "The last season can't be before the first season."}
            )

    def in_season(self, number):
        return self.first_season <= number and (
            self.last_season is None or number <= self.last_season
        )
