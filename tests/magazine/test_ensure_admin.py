import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_generates_and_prints_a_password_once(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "password" not in again.getvalue().lower().replace("already", "")
    assert get_user_model().objects.count() == 1


def test_uses_credentials_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "editor-in-chief")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-pass-123")
    call_command("ensure_admin", stdout=io.StringIO())
    user = get_user_model().objects.get(username="editor-in-chief")
    assert user.check_password("a-strong-pass-123")


def test_admin_login_accepts_the_credentials(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-pass-123")
    call_command("ensure_admin", stdout=io.StringIO())
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "a-strong-pass-123"}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
