"""Cast profiles: shows, the people in the news, and the roles that link them.

One person, one profile: cast lists, book cards and articles all point at the same
PersonPage.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cast import rosters
from magazine.blocks import INLINE_RICH_TEXT_FEATURES
from magazine.models import BasePage
from magazine.pagination import paginate
from magazine.renditions import TEASER_IMAGE_SPEC, renditions_prefetch

# Renditions, as the templates under templates/cast/ write them (checked by
# tests/perf/test_rendition_specs.py); made when a profile is published.
# The square portrait on a person's own page (twice its displayed size).
PROFILE_PHOTO_SPEC = "fill-480x480-c100"
# A show's card on the shows index.
SHOW_CARD_SPEC = "fill-640x360-c50"
# The key image at the top of a show's page.
SHOW_KEY_IMAGE_SPEC = "format-{webp,jpeg} fill-{640x360,1200x675}-c50"
# Structured data images: large enough for search engines' rich results.
SHARE_IMAGE_SPEC = "fill-1200x1200-c100"


def latest_articles(page, limit=6):
    """Live, public articles about a person or show, newest first.

    `articles` is the reverse side of the article's `people` and `shows` fields: the
    articles app points at profiles, so this app never needs to import it.
    """
    if page.pk is None:  # previewing a page that isn't saved yet
        return []
    return list(
        page.articles.live()
        .public()
        .select_related("hero_image")
        .prefetch_related(renditions_prefetch("hero_image", TEASER_IMAGE_SPEC))
        .order_by("-first_published_at")[:limit]
    )


def _teaser_specs(articles):
    for article in articles:
        yield article.hero_image, TEASER_IMAGE_SPEC


def _image_url(image, filter_spec):
    if image is None:
        return None
    return image.get_rendition(filter_spec).full_url


class PeopleIndexPage(BasePage):
    """/people/: every person profile, A to Z."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", help_text="A sentence under the title; also the meta description."),
    ]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["cast.PersonPage"]
    max_count = 1

    per_page = 48

    class Meta:
        verbose_name = "people index"

    @property
    def summary(self):
        return self.intro or "Profiles of the actors, authors and other people in our stories."

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = (
            PersonPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .prefetch_related(renditions_prefetch("photo", rosters.CAST_PHOTO_SPEC))
            .order_by("title")
        )
        context["items"] = paginate(request, people, self.per_page)
        return context


class PersonPage(BasePage):
    """An actor, author, presenter, or animal performer in the news."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ANIMAL = "animal", "Animal performer"

    kind = models.CharField("kind", max_length=10, choices=Kind.choices, default=Kind.PERSON)
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
        FieldPanel("title", heading="Name", help_text="As they are credited, e.g. Kit Connor."),
        MultiFieldPanel(
            [
                FieldPanel(
                    "kind",
                    help_text="Animal performers are not described to search engines as people.",
                ),
                FieldPanel("photo"),
                FieldPanel("short_bio"),
            ],
            heading="Profile",
        ),
        InlinePanel(
            "known_for",
            heading="Known for",
            label="Credit",
            help_text="Their best-known work elsewhere, most famous first. Roles on shows "
            "with a page on this site are listed automatically from the show's cast.",
        ),
        InlinePanel(
            "links",
            heading="Official and social links",
            label="Link",
            help_text="Their own website and verified profiles only; search engines use "
            "these to recognise who this is.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_bio"),
        index.AutocompleteField("title"),
    ]

    parent_page_types = ["cast.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"

    @property
    def is_animal(self):
        return self.kind == self.Kind.ANIMAL

    @property
    def summary(self):
        if self.short_bio:
            return self.short_bio
        return f"{self.title}: profile, roles and the latest stories."

    @property
    def meta_image(self):
        return self.photo

    def screen_roles(self):
        """Their roles on live shows of this site, newest first."""
        if self.pk is None:
            return []
        return list(
            self.roles.filter(show__in=ShowPage.objects.live().public())
            .select_related("show")
            .order_by("-first_season", "show__title")
        )

    def json_ld_entity(self):
        """How this profile is named inside other structured data (e.g. a show's cast)."""
        entity = {
            # schema.org has no type for animals: an animal performer is a Thing,
            # never a Person.
            "@type": "Thing" if self.is_animal else "Person",
            "name": self.title,
        }
        if self.live:
            entity["url"] = self.full_url
        return entity

    def structured_data(self, links=None):
        data = {"@context": "https://schema.org", **self.json_ld_entity()}
        data["url"] = self.full_url
        if self.short_bio:
            data["description"] = self.short_bio
        image = _image_url(self.photo, SHARE_IMAGE_SPEC)
        if image:
            data["image"] = image
        same_as = [link.url for link in (self.links.all() if links is None else links)]
        if same_as:
            data["sameAs"] = same_as
        return data

    def rendition_specs(self, include_listed=True):
        """The portrait here, on cards and cast lists, in structured data; listed teasers."""
        yield from super().rendition_specs()
        yield self.photo, PROFILE_PHOTO_SPEC
        yield self.photo, rosters.CAST_PHOTO_SPEC
        yield self.photo, SHARE_IMAGE_SPEC
        if include_listed:
            yield from _teaser_specs(latest_articles(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["screen_roles"] = self.screen_roles()
        context["source_of_shows"] = list(self.source_of_shows.live().public()) if self.pk else []
        context["known_for"] = list(self.known_for.all())
        context["links"] = list(self.links.all())
        context["latest_articles"] = latest_articles(self)
        context["structured_data"] = self.structured_data(links=context["links"])
        return context


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


class ShowIndexPage(BasePage):
    """/shows/: every show with a profile."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", help_text="A sentence under the title; also the meta description."),
    ]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["cast.ShowPage"]
    max_count = 1

    per_page = 24

    class Meta:
        verbose_name = "shows index"

    @property
    def summary(self):
        return self.intro or "The shows we cover: cast, seasons and reviews."

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shows = (
            ShowPage.objects.child_of(self)
            .live()
            .public()
            .select_related("key_image")
            .prefetch_related(renditions_prefetch("key_image", SHOW_CARD_SPEC))
            .order_by("title")
        )
        context["items"] = paginate(request, shows, self.per_page)
        return context


class ShowPage(BasePage):
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
        "cast.PersonPage",
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
        features=INLINE_RICH_TEXT_FEATURES,
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
    ]
    seasons_panels = [
        InlinePanel(
            "seasons",
            heading="Seasons",
            label="Season",
            help_text="One row per season, from the announcement on. Update the status as "
            "news comes in.",
        ),
        InlinePanel(
            "review_scores",
            heading="Review scores",
            label="Score",
            help_text="Scores from review aggregators, with the date you read them.",
        ),
    ]
    cast_panels = [
        InlinePanel(
            "roles",
            heading="Cast",
            label="Role",
            help_text="Enter each role once, with the seasons it spans: the show page and "
            "every article's cast rundown are built from this list. Someone who played a "
            "different part earlier gets a second role.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(seasons_panels, heading="Seasons and reviews"),
            ObjectList(cast_panels, heading="Cast"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("synopsis"),
        index.SearchField("network"),
        index.AutocompleteField("title"),
    ]

    parent_page_types = ["cast.ShowIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "show"

    @property
    def summary(self):
        synopsis = " ".join(strip_tags(self.synopsis).split())
        if synopsis:
            return Truncator(synopsis).chars(300)
        about = f" ({self.network})" if self.network else ""
        return f"{self.title}{about}: the cast, the seasons and the reviews."

    @property
    def meta_image(self):
        return self.key_image

    @cached_property
    def cast_roles(self):
        """Every role with its person and photo, fetched once per request."""
        return rosters.cast_roles(self)

    @cached_property
    def season_list(self):
        return list(self.seasons.order_by("number"))

    def cast_by_season(self):
        return rosters.cast_by_season(self.cast_roles, self.season_list)

    def whole_cast(self):
        return rosters.whole_cast(self.cast_roles)

    def select_cast(self, season=None, joining_only=False):
        return rosters.select_cast(self.cast_roles, season, joining_only)

    def structured_data(self):
        data = {
            "@context": "https://schema.org",
            "@type": "TVSeries",
            "name": self.title,
            "url": self.full_url,
        }
        if self.summary:
            data["description"] = self.summary
        image = _image_url(self.key_image, SHARE_IMAGE_SPEC)
        if image:
            data["image"] = image
        if self.based_on:
            work = {"@type": "CreativeWork", "name": self.based_on}
            if self.source_author_id and self.source_author.live:
                work["author"] = self.source_author.json_ld_entity()
            data["isBasedOn"] = work
        seasons = []
        for season in self.season_list:
            entry = {
                "@type": "TVSeason",
                "seasonNumber": season.number,
                "name": f"Season {season.number}",
            }
            if season.status == Season.Status.RELEASED and season.release_date:
                entry["datePublished"] = season.release_date.isoformat()
            seasons.append(entry)
        if seasons:
            data["containsSeason"] = seasons
        actors = [
            {
                "@type": "PerformanceRole",
                "actor": member.person.json_ld_entity(),
                "characterName": member.role.character_name,
            }
            for member in self.whole_cast()
        ]
        if actors:
            data["actor"] = actors
        return data

    def rendition_specs(self, include_listed=True):
        """The key image here, on the shows index, in structured data; the cast's photos."""
        yield from super().rendition_specs()
        yield self.key_image, SHOW_KEY_IMAGE_SPEC
        yield self.key_image, SHOW_CARD_SPEC
        yield self.key_image, SHARE_IMAGE_SPEC
        for member in self.whole_cast():
            yield member.person.photo, rosters.CAST_PHOTO_SPEC
        if include_listed:
            yield from _teaser_specs(latest_articles(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seasons"] = self.season_list
        context["review_scores"] = list(self.review_scores.all())
        context["cast_by_season"] = self.cast_by_season()
        context["latest_articles"] = latest_articles(self)
        context["structured_data"] = self.structured_data()
        return context


class Season(Orderable):
    class Status(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        RENEWED = "renewed", "Renewed"
        IN_PRODUCTION = "in_production", "In production"
        RELEASED = "released", "Released"

    show = ParentalKey(ShowPage, on_delete=models.CASCADE, related_name="seasons")
    number = models.PositiveSmallIntegerField("season number")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.ANNOUNCED
    )
    release_date = models.DateField(
        "release date", null=True, blank=True, help_text="Required once the season is released."
    )

    panels = [FieldPanel("number"), FieldPanel("status"), FieldPanel("release_date")]

    class Meta(Orderable.Meta):
        unique_together = [("show", "number")]

    def __str__(self):
        return f"Season {self.number}"

    def clean(self):
        if self.status == self.Status.RELEASED and not self.release_date:
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
        FieldPanel("season", help_text="Which season the score is for; empty for the whole show."),
        FieldPanel("checked_on"),
    ]


class Role(Orderable):
    """A person playing a character on a show, for a range of seasons."""

    class Billing(models.TextChoices):
        MAIN = "main", "Main cast"
        RECURRING = "recurring", "Recurring"
        GUEST = "guest", "Guest"

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
    billing = models.CharField(
        "billing", max_length=10, choices=Billing.choices, default=Billing.MAIN
    )

    panels = [
        FieldPanel(
            "person",
            help_text="Their profile: search by name. One person, one profile, on every show.",
        ),
        FieldPanel("character_name", help_text="As credited, e.g. Nick Nelson."),
        FieldPanel("character_note"),
        FieldPanel(
            "first_season",
            help_text="The season they join in; articles list them as joining that season.",
        ),
        FieldPanel("last_season"),
        FieldPanel(
            "billing",
            help_text="Main cast is listed first, then recurring, then guests.",
        ),
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
