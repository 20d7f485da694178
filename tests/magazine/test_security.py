"""Security headers on public pages, and login throttling on the admin."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, home):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(
        [*part.strip().split(" ", 1), ""][:2] for part in policy.split(";") if part.strip()
    )
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["script-src"].startswith("'self'")
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in directives["style-src"]


def test_public_pages_send_the_other_security_headers(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_keeps_what_wagtail_needs(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_production_settings_send_hsts_and_secure_cookies(settings, client, home):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = False
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_repeated_wrong_passwords_lock_the_account(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("writer", password="right-password-1", is_staff=True)
    statuses = [login(client, "writer", "wrong").status_code for _ in range(3)]
    assert statuses[0] == 200  # an ordinary "wrong password" form at first
    locked = login(client, "writer", "right-password-1", address="10.0.0.2")
    assert locked.status_code == 429
    assert b"Too many sign-in attempts" in locked.content
    assert not locked.wsgi_request.user.is_authenticated


def test_repeated_failures_from_one_address_lock_that_address(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("editor", password="right-password-1", is_staff=True)
    for name in ("a", "b", "c"):
        login(client, name, "guess", address="10.9.9.9")
    assert login(client, "editor", "right-password-1", address="10.9.9.9").status_code == 429
    # The same account from another address still gets in.
    response = login(client, "editor", "right-password-1", address="10.1.1.1")
    assert response.status_code == 302
