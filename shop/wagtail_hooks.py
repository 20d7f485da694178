"""Admin registration: retailers as snippets, the click report and its dashboard panel."""

from datetime import timedelta

from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shop.models import Click, Retailer
from shop.reports import PERMISSION, click_report


class RetailerViewSet(SnippetViewSet):
    model = Retailer
    icon = "tag"
    menu_label = "Retailers"
    add_to_admin_menu = False
    list_display = ["name", "allowed_domains", "sort_order"]
    search_fields = ["name", "allowed_domains"]
    ordering = ["sort_order", "name"]


register_snippet(RetailerViewSet)


class ClickReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_click_report_url():
    return [path("reports/affiliate-clicks/", click_report, name="shop_click_report")]


@hooks.register("register_reports_menu_item")
def register_click_report_menu_item():
    return ClickReportMenuItem(
        "Affiliate clicks",
        reverse("shop_click_report"),
        name="affiliate-clicks",
        icon_name="tag",
        order=900,
    )


class TopOffersPanel(Component):
    """This week's most-clicked affiliate offers, for people allowed to see click reports."""

    name = "top_offers"
    template_name = "shop/admin/top_offers_panel.html"
    order = 206

    def __init__(self, days=7, limit=10):
        self.days = days
        self.limit = limit

    def get_context_data(self, parent_context):
        since = timezone.now() - timedelta(days=self.days)
        rows = (
            Click.objects.filter(clicked_at__gte=since, offer__isnull=False)
            .values("offer", "offer__retailer__name", "offer__book__title", "offer__book_id")
            .annotate(clicks=Count("id"))
            .order_by("-clicks", "offer__book__title")[: self.limit]
        )
        return {"rows": list(rows), "days": self.days}


@hooks.register("construct_homepage_panels")
def add_top_offers_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(TopOffersPanel())


@hooks.register("register_demo_content", order=20)
def demo_shop(**context):
    """`manage.py load_demo`: retailers, the shop and Alice Oseman's books with offers."""
    from shop import demo

    return demo.build(**context)
