from django.conf import settings
from wagtail.admin.panels import PublishingPanel
from wagtail.models import Page

SCHEDULE_HELP = (
    f"Dates and times are UK time ({settings.TIME_ZONE}): GMT in winter, BST in summer. "
    "Scheduled pages go live within a minute of the time set."
)


def settings_panels(*extra):
    """Every page's Settings tab: scheduling with its time zone stated, then `extra`."""
    return [*extra, PublishingPanel(help_text=SCHEDULE_HELP), *Page.settings_panels[1:]]
