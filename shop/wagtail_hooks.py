"""Admin registration: retailers as snippets, and the click report under Reports."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shop.models import Retailer
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
