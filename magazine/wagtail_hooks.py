from wagtail import hooks

from magazine.cache import mark_public
from magazine.dashboard import InReviewPanel, TopOffersPanel
from magazine.rich_text import PageLinkHandler


@hooks.register("on_serve_page")
def allow_page_cache(next_serve_page):
    """Published pages reached through normal serving may be cached for anonymous readers.

    Restricted pages never get here for anonymous readers (Wagtail answers them from
    before_serve_page), and previews are served by a different path.
    """

    def serve(page, request, args, kwargs):
        return mark_public(next_serve_page(page, request, args, kwargs))

    return serve


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(InReviewPanel())
    if request.user.has_perm("shop.view_click"):
        panels.append(TopOffersPanel())


@hooks.register("register_rich_text_features", order=100)
def page_links_from_the_tree(features):
    """Replace Wagtail's page link handler (registered before this) with the lighter one."""
    features.register_link_type(PageLinkHandler)
