"""The page type that home and section pages list, as the app that owns it says.

The foundation lists stories without knowing what a story is: the app that defines
them (articles) registers its page type with the `register_listed_page_type` hook,
and the model gives the listing through its `teasers()` classmethod (live, public,
newest first, with what a teaser shows fetched up front).
"""

from functools import cache

from wagtail import hooks
from wagtail.models import Page


@cache
def listed_page_type():
    """The page model that home and section pages list, or None if no app registered one."""
    found = [fn() for fn in hooks.get_hooks("register_listed_page_type")]
    if len(found) > 1:
        raise LookupError(f"More than one listed page type is registered: {found}")
    return found[0] if found else None


def teasers():
    """Every listed page, as teasers; an empty queryset when no app lists pages."""
    model = listed_page_type()
    return model.teasers() if model is not None else Page.objects.none()
