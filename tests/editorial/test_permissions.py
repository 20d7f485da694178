"""The permissions matrix, asserted on the real admin URLs.

Writers create and edit but never publish, and see neither settings nor click
reports; Editors publish and manage snippets and reports; anonymous users are sent
to the login page everywhere under /admin/.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from tests.articles.factories import ArticlePageFactory, AuthorFactory
from tests.cast.factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    ShowIndexPageFactory,
    ShowPageFactory,
)
from tests.factories import SectionPageFactory, StandardPageFactory
from tests.shop.factories import RetailerFactory, ShopIndexPageFactory, make_book

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = "ok", "denied", "login"


@pytest.fixture
def site(home):
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    people = PeopleIndexPageFactory(parent=home)
    shows = ShowIndexPageFactory(parent=home)
    shop = ShopIndexPageFactory(parent=home)
    retailer = RetailerFactory()
    return {
        "HomePage": (home, None),
        "SectionPage": (tv, home),
        "StandardPage": (StandardPageFactory(parent=home, slug="about-us"), home),
        "ArticlePage": (ArticlePageFactory(parent=tv, slug="a-story"), tv),
        "PeopleIndexPage": (people, home),
        "PersonPage": (PersonPageFactory(parent=people, slug="kit-connor"), people),
        "ShowIndexPage": (shows, home),
        "ShowPage": (ShowPageFactory(parent=shows, slug="heartstopper"), shows),
        "ShopIndexPage": (shop, home),
        "BookPage": (make_book(shop, retailers=[retailer], slug="loveless"), shop),
        "author": AuthorFactory(),
        "retailer": retailer,
        "site": Site.objects.get(is_default_site=True),
    }


def user_in(group):
    user = get_user_model().objects.create_user(group.lower(), password="pw-123456")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture(params=["writer", "editor", "anonymous"])
def who(request, client):
    if request.param != "anonymous":
        client.force_login(user_in({"writer": "Writers", "editor": "Editors"}[request.param]))
    return request.param, client


def outcome(response):
    if response.status_code == 200:
        return OK
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith("/admin/login/"):
        return LOGIN
    if response.status_code == 403 or (response.status_code == 302 and location == "/admin/"):
        return DENIED
    raise AssertionError(f"unexpected {response.status_code} {location}")


def expect(who, *, writer, editor):
    return {"writer": writer, "editor": editor, "anonymous": LOGIN}[who]


PAGE_TYPES = [
    "HomePage",
    "SectionPage",
    "StandardPage",
    "ArticlePage",
    "PeopleIndexPage",
    "PersonPage",
    "ShowIndexPage",
    "ShowPage",
    "ShopIndexPage",
    "BookPage",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_editing_pages(who, site, page_type):
    role, client = who
    page, _ = site[page_type]
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert outcome(response) == expect(role, writer=OK, editor=OK)
    if role != "anonymous":
        # Writers get "Submit for review"; only editors get a Publish action.
        has_publish = b'name="action-publish"' in response.content
        assert has_publish == (role == "editor")


SINGLETONS = {"HomePage", "PeopleIndexPage", "ShowIndexPage", "ShopIndexPage"}


@pytest.mark.parametrize("page_type", [t for t in PAGE_TYPES if t != "HomePage"])
def test_adding_pages(who, site, page_type):
    role, client = who
    page, parent = site[page_type]
    meta = type(page)._meta
    response = client.get(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/")
    # There is one people index, one shows index and one shop, and they exist already.
    allowed = DENIED if page_type in SINGLETONS else OK
    assert outcome(response) == expect(role, writer=allowed, editor=allowed)


@pytest.mark.parametrize("page_type", ["ArticlePage", "PersonPage", "ShowPage", "BookPage"])
def test_publishing_and_unpublishing(who, site, page_type):
    role, client = who
    page, _ = site[page_type]
    response = client.get(f"/admin/pages/{page.pk}/unpublish/")
    assert outcome(response) == expect(role, writer=DENIED, editor=OK)
    if role != "anonymous":
        user = response.wsgi_request.user
        assert page.permissions_for_user(user).can_publish() == (role == "editor")


@pytest.mark.parametrize(
    ("url", "writer", "editor"),
    [
        ("/admin/snippets/articles/author/", OK, OK),
        ("/admin/snippets/articles/author/add/", DENIED, OK),
        ("/admin/snippets/articles/author/edit/{author}/", DENIED, OK),
        ("/admin/snippets/shop/retailer/", DENIED, OK),
        ("/admin/snippets/shop/retailer/add/", DENIED, OK),
        ("/admin/snippets/shop/retailer/edit/{retailer}/", DENIED, OK),
        ("/admin/reports/affiliate-clicks/", DENIED, OK),
        ("/admin/reports/affiliate-clicks/?format=csv", DENIED, OK),
        ("/admin/settings/magazine/sitesettings/{site}/", DENIED, DENIED),
        ("/admin/settings/magazine/radiostation/{site}/", DENIED, DENIED),
        ("/admin/settings/shop/affiliatesettings/{site}/", DENIED, DENIED),
        ("/admin/images/", OK, OK),
        ("/admin/users/", DENIED, DENIED),
    ],
)
def test_snippets_reports_and_settings(who, site, url, writer, editor):
    role, client = who
    url = url.format(author=site["author"].pk, retailer=site["retailer"].pk, site=site["site"].pk)
    assert outcome(client.get(url)) == expect(role, writer=writer, editor=editor)
