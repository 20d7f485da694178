"""Editorial roles: who may do what in the admin, and the review workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def make_user(name, group=None, **extra):
    user = get_user_model().objects.create_user(name, f"{name}@example.test", "pw-123456", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer():
    return make_user("writer", "Writers")


@pytest.fixture
def editor():
    return make_user("editor", "Editors")


@pytest.fixture
def administrator():
    return make_user("administrator", "Site administrators")


def test_the_three_editorial_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Writers", "Editors", "Site administrators"} <= names
    assert "Moderators" not in names


def test_writers_edit_but_cannot_publish_editors_can(home, writer, editor):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    writer_perms = section.permissions_for_user(writer)
    editor_perms = section.permissions_for_user(editor)
    assert writer_perms.can_add_subpage() and writer_perms.can_edit()
    assert not writer_perms.can_publish()
    assert not writer_perms.can_unpublish()
    assert editor_perms.can_publish() and editor_perms.can_unpublish()
    assert editor_perms.can_publish_subpage()


def test_pages_go_through_the_editorial_review_workflow(home):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    workflow = section.get_workflow()
    assert workflow.name == "Editorial review"
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Editors", "Site administrators"}


@pytest.mark.parametrize(
    ("user_fixture", "may_change"),
    [("writer", False), ("editor", False), ("administrator", True)],
)
def test_only_administrators_change_site_settings(client, home, request, user_fixture, may_change):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get("/admin/settings/magazine/sitesettings/", follow=True)
    assert response.status_code == 200
    denied = response.redirect_chain[-1][0] == "/admin/"  # with a permission message
    assert denied != may_change
    assert (b"Brand name" in response.content) == may_change


def test_anonymous_users_are_sent_to_the_login_page(client, home):
    for url in ("/admin/", "/admin/pages/", "/admin/settings/magazine/sitesettings/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_dashboard_lists_work_awaiting_review(client, home, writer, editor):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    draft = SectionPageFactory.build(title="Season two explained", slug="season-two", live=False)
    section.add_child(instance=draft)
    draft.save_revision(user=writer)
    draft.get_workflow().start(draft, writer)

    client.force_login(editor)
    response = client.get("/admin/")
    assert b"Awaiting review" in response.content
    assert b"Season two explained" in response.content


def test_dashboard_shows_top_offers_to_editors_only(client, home, writer, editor):
    from shop.models import BookPage, Click, Offer, Retailer, ShopIndexPage

    shop = ShopIndexPage(title="Shop", slug="shop")
    home.add_child(instance=shop)
    book = BookPage(title="Loveless", slug="loveless", isbn13="9780008244125")
    shop.add_child(instance=book)
    retailer = Retailer.objects.create(name="Waterstones", allowed_domains="www.waterstones.com")
    offer = Offer.objects.create(book=book, retailer=retailer, url="https://www.waterstones.com/b")
    for _ in range(3):
        Click.objects.create(offer=offer, book=book, retailer=retailer)
    old = Click.objects.create(offer=offer, book=book, retailer=retailer)
    Click.objects.filter(pk=old.pk).update(clicked_at=timezone.now() - timezone.timedelta(days=9))

    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert "Most-clicked offers this week" in page
    row = page.split("Loveless</a></td>")[1].split("</tr>")[0]
    assert "Waterstones" in row and "<td>3</td>" in row

    client.force_login(writer)
    assert b"Most-clicked offers this week" not in client.get("/admin/").content


def test_schedule_fields_state_the_time_zone(client, home, editor):
    section = SectionPageFactory(parent=home, title="TV", slug="tv")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{section.pk}/edit/")
    assert b"Europe/London" in response.content
    assert Page.objects.filter(pk=section.pk).exists()
