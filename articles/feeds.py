"""RSS 2.0 feeds: the latest articles site-wide and per section."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from articles.models import ArticlePage
from magazine.models import SectionPage, SiteSettings
from magazine.models.metadata import absolute_url

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "en-gb"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.site_settings = None
        site = Site.find_for_request(request)
        if site is not None:
            self.site_settings = SiteSettings.for_site(site)
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    @property
    def brand(self):
        return getattr(self.site_settings, "brand_name", "") or "The Reel Edit"

    def title(self, obj=None):
        return f"{self.brand}: latest stories"

    def description(self, obj=None):
        tagline = getattr(self.site_settings, "tagline", "")
        return tagline or "The latest stories."

    def link(self, obj=None):
        return absolute_url(self.request, "/")

    def feed_url(self, obj=None):
        return absolute_url(self.request, self.request.path)

    def base_items(self):
        return ArticlePage.teasers().prefetch_related(
            "tagged_items__tag", "article_authors__author"
        )

    def items(self, obj=None):
        return self.base_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Spoiler-safe, like every summary shown outside the article.
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        names = [link.author.name for link in item.article_authors.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        # Section slugs are unique in practice; the shallowest wins if two ever clash.
        section = SectionPage.objects.live().public().filter(slug=slug).order_by("depth").first()
        if section is None:
            raise Http404("No such section")
        return section

    def title(self, obj=None):
        return f"{self.brand}: {obj.title}"

    def description(self, obj=None):
        return obj.intro or f"The latest stories in {obj.title}."

    def link(self, obj=None):
        return obj.get_full_url(self.request)

    def items(self, obj=None):
        return self.base_items().descendant_of(obj)[:FEED_LENGTH]
