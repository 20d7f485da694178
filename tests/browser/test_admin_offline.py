"""The admin loads nothing from outside the site: no avatars from Gravatar, no release checks.

Every third-party request from the admin fails on a newsroom network that blocks
them, and tells the third party who is signed in and when.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"


def test_admin_pages_make_no_requests_outside_the_site(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    get_user_model().objects.create_superuser("chief", "chief.editor@example.com", PASSWORD)
    article = Page.objects.get(slug="heartstopper-season-two")
    own_host = urlsplit(live_server.url).netloc
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).scheme in {"http", "https"}
            and urlsplit(request.url).netloc != own_host
            else None
        ),
    )

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="The Reel Edit")).to_be_visible()
    for path in [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/account/",
        "/admin/users/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert "gravatar" not in page.content().lower(), path

    assert outside == []
