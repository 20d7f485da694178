from wagtail import hooks
from wagtail.fields import StreamField

from magazine.cache import mark_public
from magazine.dashboard import InReviewPanel
from magazine.rich_text import PageLinkHandler, prefetched_page_links


def _stream_values(page):
    return [
        getattr(page, field.attname)
        for field in page._meta.concrete_fields
        if isinstance(field, StreamField)
    ]


@hooks.register("on_serve_page")
def serve_for_readers(next_serve_page):
    """Readers' pages: every page link in their bodies found in one query, then cacheable.

    The response is rendered here, inside `prefetched_page_links`, rather than later
    by the middleware, so the links of every paragraph are looked up at once.
    Published pages reached through normal serving may be cached for anonymous
    readers: restricted pages never get here for them (Wagtail answers those from
    before_serve_page), and previews are served by a different path.
    """

    def serve(page, request, args, kwargs):
        with prefetched_page_links(*_stream_values(page)):
            response = next_serve_page(page, request, args, kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.render()
        return mark_public(response)

    return serve


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(InReviewPanel())


@hooks.register("register_rich_text_features", order=100)
def page_links_from_the_tree(features):
    """Replace Wagtail's page link handler (registered before this) with the lighter one."""
    features.register_link_type(PageLinkHandler)


@hooks.register("register_demo_content", order=0)
def demo_site(**context):
    """`manage.py load_demo`: the site, its sections, settings and standing pages first."""
    from magazine.demo import site

    return site.build(**context)
