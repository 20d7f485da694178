"""The Google News sitemap: articles first published in the last 48 hours.

Google News reads articles of the last two days from it, each with the publication's
name and language, its first publication time and its headline. It is registered
with the `register_sitemap` hook, so the sitemap index and robots.txt list it.
"""

from datetime import timedelta
from xml.sax.saxutils import escape

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from articles.models import ArticlePage
from magazine.models import SiteSettings

NEWS_WINDOW = timedelta(hours=48)
# Google News reads at most this many addresses from one news sitemap.
NEWS_LIMIT = 1000
LANGUAGE = "en"


class OnePage:
    """What Django's sitemap index asks of a paginator, for a sitemap of one page."""

    num_pages = 1


class NewsSitemap(Sitemap):
    limit = NEWS_LIMIT
    # One page by definition: the index need not count the articles to say so.
    paginator = OnePage()

    def get_latest_lastmod(self):
        return None  # the index gives no dates (see magazine.sitemaps)

    def items(self):
        site = self.get_wagtail_site()
        since = timezone.now() - NEWS_WINDOW
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .filter(first_published_at__gte=since)
            .defer("body")
            .order_by("-first_published_at", "-pk")[: self.limit]
        )

    def lastmod(self, obj):
        return obj.last_published_at

    def render_page(self, number):
        """(XML, last modified) of the news sitemap, which has one page."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That sitemap page number is not an integer") from None
        if number != 1:
            raise EmptyPage("The news sitemap has one page")
        brand = SiteSettings.for_request(self.request).brand_name
        publication = (
            f"<news:publication><news:name>{escape(brand)}</news:name>"
            f"<news:language>{LANGUAGE}</news:language></news:publication>"
        )
        articles = list(self.items())
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n',
        ]
        for article in articles:
            published = timezone.localtime(article.first_published_at).replace(microsecond=0)
            lines.append(
                f"<url><loc>{escape(article.get_full_url(self.request))}</loc>"
                f"<news:news>{publication}"
                f"<news:publication_date>{published.isoformat()}</news:publication_date>"
                f"<news:title>{escape(article.title)}</news:title>"
                "</news:news></url>\n"
            )
        lines.append("</urlset>\n")
        last = max((a.last_published_at for a in articles if a.last_published_at), default=None)
        return "".join(lines), last
