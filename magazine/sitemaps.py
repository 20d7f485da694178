"""The XML sitemap: an index of pages of at most `PageSitemap.limit` addresses each.

The index is Django's and Wagtail's. A page of addresses is written here: Wagtail's
loads every listed page as its specific model and asks each for its URL, and
Django's template then spends about 0.2 ms per address, which at 1,000 addresses is
most of the response time. No page type on this site changes its URL or its sitemap
entry, so each address is the site's root URL plus the page's `url_path` below the
site root, read straight from the tree in one query and written out as plain XML.
"""

from xml.sax.saxutils import escape

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap

from magazine.cache import mark_public


class PageSitemap(Sitemap):
    """Live, public pages of the request's site in tree order, 1,000 to a sitemap page."""

    limit = 1000

    @cached_property
    def site(self):
        return self.get_wagtail_site()

    @cached_property
    def _pages(self):
        # Wagtail's .public() (one small query for the restrictions) rather than a
        # subquery per page, which the count over the whole site would pay for each.
        return self.site.root_page.get_descendants(inclusive=True).live().public()

    def items(self):
        return self._pages.order_by("path").values_list("url_path", "last_published_at")

    @cached_property
    def _totals(self):
        # One aggregate gives both the number of pages and the newest change: Django's
        # default would count them and then read every page to find the newest.
        return self._pages.aggregate(total=Count("pk"), latest=Max("last_published_at"))

    @property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        paginator.count = self._totals["total"]
        return paginator

    def get_latest_lastmod(self):
        return self._totals["latest"]

    def entries(self, number):
        """(address, last published) for each page on sitemap page `number`."""
        # What Page.get_full_url() gives for a page of this site, without loading it.
        root_path = self.site.root_page.url_path
        base = self.site.root_url + reverse("wagtail_serve", args=("",))
        return [
            (base + url_path[len(root_path) :], last_published_at)
            for url_path, last_published_at in self.paginator.page(number).object_list
        ]


SITEMAPS = {"pages": PageSitemap}


@require_safe
def sitemap_section(request, section):
    """One page of addresses (`?p=2`…), as the index lists them; cached like other pages."""
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404("No such sitemap")
    try:
        entries = sitemap_class(request).entries(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page") from None
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
    ]
    for location, lastmod in entries:
        lines.append(f"<url><loc>{escape(location)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{timezone.localdate(lastmod).isoformat()}</lastmod>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    response = HttpResponse("".join(lines), content_type="application/xml")
    dates = [lastmod for _location, lastmod in entries if lastmod]
    if dates:
        response["Last-Modified"] = http_date(max(dates).timestamp())
    return mark_public(response)
