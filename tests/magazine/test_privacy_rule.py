"""The one-query privacy checks give Wagtail's own answers (magazine.privacy).

Pages ask `view_restrictions()` instead of Wagtail's two-query
`Page.get_view_restrictions()`, and listings use `exclude_private()` and
`restricted_here()` instead of `.public()`. Each is held here to Wagtail's rule on a
tree with restrictions at several depths, and aliases of restricted pages.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

from magazine.privacy import exclude_private, restricted_here, view_restrictions
from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    open_section = SectionPageFactory(parent=home, slug="open")
    members = SectionPageFactory(parent=home, slug="members")
    inner = SectionPageFactory(parent=members, slug="inner")
    deep = StandardPageFactory(parent=inner, slug="deep")
    notes = StandardPageFactory(parent=open_section, slug="notes")
    StandardPageFactory(parent=open_section, slug="public")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    PageViewRestriction.objects.create(page=notes, restriction_type="password", password="x")
    # Aliases: of a page that is itself restricted (Wagtail's rule: restricted too),
    # and of one whose ancestor is (Wagtail's rule: only the alias's own ancestors count).
    notes.create_alias(parent=home, update_slug="notes-alias")
    deep.create_alias(parent=open_section, update_slug="deep-alias")
    return Page.objects.filter(depth__gt=home.depth)


def test_a_pages_restrictions_are_wagtails(tree):
    for page in tree:
        ours = set(view_restrictions(page).values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours >= wagtails, page.url_path
        assert bool(ours) == bool(wagtails), page.url_path


def test_listings_leave_out_the_pages_wagtail_calls_private(tree):
    assert set(exclude_private(tree)) == set(tree.public())


def test_routing_knows_which_pages_are_private(tree):
    flags = {page.pk: page.restricted for page in tree.annotate(restricted=restricted_here())}
    for page in tree:
        assert flags[page.pk] == Page.get_view_restrictions(page).exists(), page.url_path
