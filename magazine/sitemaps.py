"""The XML sitemap: an index of sitemap pages, each listing the pages in one range of ids.

Sitemap page N (`/sitemap-pages.xml?p=N`) lists the live, public pages whose id falls
in the Nth block of `PageSitemap.limit` ids. A page's id never changes, so neither
does the sitemap page that lists it: publishing a story changes one sitemap page
(the CDN purges just that one), and older sitemap pages stay as crawlers last read
them. Counting pages to paginate them would read every live page's row, a cost that
grows with the archive; the index instead asks for the highest live id, one step
down the primary key's index, and lists every block up to it. A block is empty only
if every page in it was deleted, unpublished, made private or belongs to another site;
it then answers with an empty list rather than an error.

The index gives no last-modified dates: the only cheap one would be the newest
change anywhere, claimed for every sitemap page alike, which would tell a crawler
nothing true about any of them.

Other apps add sitemaps of their own (the articles' Google News sitemap) with the
`register_sitemap` hook; the index and robots.txt list them all.

The index is Django's and Wagtail's. A page of addresses is written here: Wagtail's
loads every listed page as its specific model and asks each for its URL, and
Django's template then spends about 0.2 ms per address, which at 1,000 addresses is
most of the response time. No page type on this site changes its URL or its sitemap
entry, so each address is the site's root URL plus the page's `url_path` below the
site root, read straight from the tree in one query and written out as plain XML.
"""

from xml.sax.saxutils import escape

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap

from magazine.cache import mark_public


class IdBlocks:
    """The paginator Django's sitemap index asks for: one sitemap page per block of ids."""

    def __init__(self, highest_id, limit):
        self.num_pages = max(1, -(-highest_id // limit))


class PageSitemap(Sitemap):
    """Live, public pages of the request's site, by id, `limit` ids to a sitemap page."""

    limit = 1000

    @cached_property
    def site(self):
        return self.get_wagtail_site()

    @cached_property
    def _pages(self):
        # Wagtail's .public() (one small query for the restrictions) rather than a
        # subquery per page.
        return self.site.root_page.get_descendants(inclusive=True).live().public()

    @classmethod
    def number_for(cls, page_id):
        """The sitemap page that lists the page with this id."""
        return (page_id - 1) // cls.limit + 1

    @cached_property
    def paginator(self):
        highest = self._pages.order_by("-pk").values_list("pk", flat=True).first()
        return IdBlocks(highest or 0, self.limit)

    def get_latest_lastmod(self):
        return None  # see the module docstring

    def entries(self, number):
        """(address, last published) for each page on sitemap page `number`."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That sitemap page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That sitemap page number is less than 1")
        first_id = (number - 1) * self.limit + 1
        rows = list(
            self._pages.filter(pk__gte=first_id, pk__lt=first_id + self.limit)
            .order_by("pk")
            .values_list("url_path", "last_published_at")
        )
        if not rows and number > self.paginator.num_pages:
            raise EmptyPage("That sitemap page contains no results")
        # What Page.get_full_url() gives for a page of this site, without loading it.
        root_path = self.site.root_page.url_path
        base = self.site.root_url + reverse("wagtail_serve", args=("",))
        return [
            (base + url_path[len(root_path) :], last_published_at)
            for url_path, last_published_at in rows
        ]

    def render_page(self, number):
        """(XML, last modified) of sitemap page `number`; EmptyPage past the end."""
        entries = self.entries(number)
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
        dates = [lastmod for _location, lastmod in entries if lastmod]
        return "".join(lines), max(dates, default=None)


def registered_sitemaps():
    """{section: Sitemap class}: the pages, then those apps add with `register_sitemap`."""
    found = {"pages": PageSitemap}
    for register in hooks.get_hooks("register_sitemap"):
        section, sitemap_class = register()
        found[section] = sitemap_class
    return found


@require_safe
def sitemap_section(request, section):
    """One page of a sitemap (`?p=2`…), as the index lists them; cached like other pages."""
    sitemap_class = registered_sitemaps().get(section)
    if sitemap_class is None:
        raise Http404("No such sitemap")
    try:
        body, last_modified = sitemap_class(request).render_page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page") from None
    response = HttpResponse(body, content_type="application/xml")
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return mark_public(response)
