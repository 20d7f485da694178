"""Readers' page requests routed in one query: a fast path on Wagtail's `route()`.

Wagtail's own routing asks for each level's child by slug, then for its specific
page: two queries a level, four for an article in a section, and its privacy check
takes two more. A page's `url_path` already spells out its address below the site
root, so the home page (which Wagtail asks first) finds the page and its parent by
address in one query, with whether either is private, and the fields of the page
types that ask for them (`BasePage.route_select_related`).

This rests on two assumptions, held by the system check in `magazine.checks`:
no page type below the root routes, serves or builds its address in its own way (it
does not override `route`, `serve`, `get_url_parts` or `set_url_path`), so every
page's address is its ancestors' slugs and Wagtail would find the same page. An
address that matches no page goes through Wagtail's own routing (and its 404).
"""

from functools import cache

from django.apps import apps
from wagtail.models import Page

from magazine.models.base import BasePage
from magazine.privacy import restricted_here


@cache
def select_related_on_route():
    """The `select_related` lookups for page types that fetch their fields while routing."""
    lookups = []
    for model in apps.get_models():
        fields = getattr(model, "route_select_related", None)
        if not issubclass(model, BasePage) or fields is None:
            continue
        name = model._meta.model_name  # Page's reverse one-to-one to the page type
        lookups.append(name)
        lookups += [f"{name}__{field}" for field in fields]
    return tuple(lookups)


def route_by_address(root, path_components):
    """(page, parent) for the address below `root`; (None, None) if no page has it.

    The page is its specific type, knows whether it is private (`_restricted`) and,
    when its parent was found, has it cached for `get_parent()`.
    """
    target_path = root.url_path + "/".join(path_components) + "/"
    parent_path = root.url_path + "".join(f"{c}/" for c in path_components[:-1])
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in={target_path, parent_path})
        .select_related(*select_related_on_route())
        .annotate(restricted=restricted_here())
        .order_by()
    }
    page = found.get(target_path)
    if page is None:
        return None, None
    model = page.specific_class
    if model is None:
        return None, None
    name = model._meta.model_name
    specific = getattr(page, name) if name in select_related_on_route() else page.specific
    specific._restricted = page.restricted
    parent = root if parent_path == root.url_path else found.get(parent_path)
    if parent is not None:
        # Treebeard's get_parent() reads this, so an article knows its section.
        specific._cached_parent_obj = parent
    return specific, parent
