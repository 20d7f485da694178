"""Wagtail's privacy rule (view restrictions on a page or its ancestors) as queries.

The rule is Wagtail's own: a page is private when it, an ancestor, or (for an alias)
its original or one of the original's ancestors has a view restriction. These ask the
database in one query, or inline as a subquery of a listing, where Wagtail's
`Page.get_view_restrictions()` takes two and `.public()` reads every restriction up
front. tests/magazine/test_privacy_rule.py holds them to Wagtail's answers.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def view_restrictions(page):
    """The restrictions on `page` and its ancestors, in one query instead of Wagtail's two.

    Same rule as Wagtail's: a page that is an alias takes its original's
    restrictions (here in addition to its own, which is never less strict).
    """
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).distinct()


def _covers_outer_page(relation):
    """Restrictions whose page (reached through `relation`) is the outer page or an ancestor.

    A page's path starts with each of its ancestors' paths.
    """
    return Q(**{relation: Substr(OuterRef("path"), 1, Length(relation))})


def restricted_here():
    """An `Exists` for annotating pages: is the page, or an ancestor, view-restricted?

    Also true where the page or an ancestor is an alias whose original is restricted,
    the same rule as `view_restrictions()`.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            _covers_outer_page("page__path") | _covers_outer_page("page__aliases__path")
        )
    )


def exclude_private(queryset):
    """Wagtail's `.public()` as a subquery: the same pages, one query fewer per listing.

    `.public()` fetches every view restriction up front; this asks the database
    whether any restricted page is an ancestor (or the page itself) inline.
    """
    restricted = PageViewRestriction.objects.filter(_covers_outer_page("page__path"))
    return queryset.exclude(Exists(restricted))
