"""Page links in rich text, resolved from the page tree alone.

Wagtail's handler loads every linked page as its specific model (a query per page
type) and, with no request to remember it on, reads the site root paths from the
cache once per link. A link needs only the page's `url_path`, and no page type on
this site changes how its URL is made, so this handler fetches the linked pages in
one small query and reads the site root paths once per paragraph.
"""

from wagtail.models import Page, Site
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler

URL_FIELDS = ("id", "path", "depth", "url_path", "live", "locale_id", "translation_key")


class PageLinkHandler(WagtailPageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        wanted = [int(pk) for pk in ids if pk.isdigit()]
        pages = {
            str(page.pk): page for page in Page.objects.filter(pk__in=wanted).only(*URL_FIELDS)
        }
        if pages:
            root_paths = Site.get_site_root_paths()
            for page in pages.values():
                page._wagtail_cached_site_root_paths = root_paths
        return [pages.get(pk) for pk in ids]
