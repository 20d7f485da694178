"""The one base page: what every page type of the site shares."""

from django.conf import settings
from wagtail.admin.panels import PublishingPanel
from wagtail.models import Page, PageViewRestriction

from magazine.privacy import view_restrictions

from .metadata import MetadataMixin

SCHEDULE_HELP = (
    f"Dates and times are UK time ({settings.TIME_ZONE}): GMT in winter, BST in summer. "
    "Scheduled pages go live within a minute of the time set."
)


class BasePage(MetadataMixin, Page):
    """Metadata with its fallbacks, the one-query privacy check and the Settings tab.

    Page types extend the Settings tab with `[*extra, *BasePage.settings_panels]`.
    """

    # Scheduling with its time zone stated, then the rest of Wagtail's Settings tab.
    settings_panels = [PublishingPanel(help_text=SCHEDULE_HELP), *Page.settings_panels[1:]]

    # Fields of this page type that the home page's routing query fetches along with
    # the page (magazine.routing), e.g. ("hero_image",); None leaves the page type
    # to Wagtail's own `.specific` lookup after routing.
    route_select_related = None

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's privacy rule in one query, or none when routing already answered it."""
        if getattr(self, "_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return view_restrictions(self)
