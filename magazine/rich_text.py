"""Page links in rich text, resolved from the page tree alone.

Wagtail's handler loads every linked page as its specific model (a query per page
type) and, with no request to remember it on, reads the site root paths from the
cache once per link. A link needs only the page's `url_path`, and no page type on
this site changes how its URL is made, so this handler fetches the linked pages in
one small query and reads the site root paths once per paragraph.

A page whose body has many paragraphs renders each of them on its own; wrapped in
`prefetched_page_links(streams)`, the links of every paragraph in those values are
found in one query before rendering begins.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page, Site
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler

from magazine.streamfield import linked_page_ids

URL_FIELDS = ("id", "path", "depth", "url_path", "live", "locale_id", "translation_key")

# {page id: page or None} found ahead of rendering, for the duration of one render.
_prefetched = ContextVar("prefetched_page_links", default=None)


def fetch_pages(ids):
    """{id: page} for the pages with these ids, with what their URLs need."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).only(*URL_FIELDS)}
    if pages:
        root_paths = Site.get_site_root_paths()
        for page in pages.values():
            page._wagtail_cached_site_root_paths = root_paths
    return pages


@contextmanager
def prefetched_page_links(*streams):
    """Inside this block, the page links of the rich text in `streams` need no more queries.

    `streams` are StreamField values. Their links are found in one query on entry;
    links added later (or missed) are still looked up as usual.
    """
    ids = {pk for stream in streams for pk in linked_page_ids(stream)}
    found = fetch_pages(ids) if ids else {}
    token = _prefetched.set({pk: found.get(pk) for pk in ids})
    try:
        yield
    finally:
        _prefetched.reset(token)


class PageLinkHandler(WagtailPageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        wanted = {int(pk) for pk in ids if pk.isdigit()}
        known = _prefetched.get() or {}
        pages = {pk: known[pk] for pk in wanted if pk in known}
        missing = wanted - pages.keys()
        if missing:
            pages.update(fetch_pages(missing))
        return [pages.get(int(pk)) if pk.isdigit() else None for pk in ids]
