from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from magazine.site_data import SharedSiteSetting
from magazine.sites import x_profile_url


@register_setting(icon="site")
class SiteSettings(SharedSiteSetting, BaseSiteSetting):
    """Brand, footer and social accounts, editable per site in Settings."""

    brand_name = models.CharField(
        "brand name",
        max_length=80,
        default="The Reel Edit",
        help_text="The publication's name, shown in the header and in page titles.",
    )
    tagline = models.CharField(
        "tagline",
        max_length=140,
        blank=True,
        help_text="A short line under the brand name and in the home page description.",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="logo",
        help_text="Used by search engines and social networks as the publisher logo.",
    )
    footer_text = models.TextField(
        "footer text",
        blank=True,
        help_text="A sentence or two about the publication, shown in every page's footer.",
    )
    x_handle = models.CharField(
        "X (Twitter) handle",
        max_length=30,
        blank=True,
        help_text="Without the @, e.g. reeledit.",
    )
    instagram_url = models.URLField("Instagram", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    tiktok_url = models.URLField("TikTok", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("brand_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading="Brand",
        ),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [
                FieldPanel("x_handle"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social accounts",
        ),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def social_links(self):
        """(label, url) pairs for the accounts that are set, in display order."""
        links = []
        if self.x_handle:
            links.append(("X", x_profile_url(self.x_handle)))
        for label, url in (
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("TikTok", self.tiktok_url),
            ("YouTube", self.youtube_url),
        ):
            if url:
                links.append((label, url))
        return links


def validate_stream_url(value):
    """A stream is an http(s) URL or a path on this site; nothing else can play."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.lower().startswith(("https://", "http://")):
        return
    raise ValidationError(
        "Enter a web address starting with https:// (or a path on this site starting with /)."
    )


@register_setting(icon="media")
class RadioStation(SharedSiteSetting, BaseSiteSetting):
    """The station behind the 'listen live' strip shown on every page."""

    enabled = models.BooleanField(
        "show the listen-live strip",
        default=True,
        help_text="Untick to hide the strip on every page, e.g. during an outage.",
    )
    name = models.CharField(
        "station name",
        max_length=80,
        default="Reel Radio",
        help_text="Shown in the strip and used in the play button's label.",
    )
    stream_url = models.CharField(
        "stream address",
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text="The live audio stream, e.g. https://stream.example.com/live.mp3.",
    )
    now_playing = models.CharField(
        "now playing",
        max_length=140,
        blank=True,
        help_text="The current show or track, e.g. 'The Breakfast Reel with Sam'.",
    )

    panels = [
        FieldPanel("enabled"),
        FieldPanel("name"),
        FieldPanel("stream_url"),
        FieldPanel("now_playing"),
    ]

    class Meta:
        verbose_name = "radio station"

    @property
    def is_live(self):
        return self.enabled and bool(self.stream_url)
