"""Uploads through the real admin views: bad files are refused clearly and nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.support.media import stored_files

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    before = stored_files()
    response = client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    return response, stored_files() - before


def test_a_real_png_is_accepted(superuser_client):
    response, new_files = upload_image(superuser_client, "ok.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="ok.png").exists()
    assert new_files


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "evil.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Not a supported image format",
        ),
        ("page.png", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "Not a valid"),
        ("bomb.png", png_bytes(size=(12000, 12000), mode="1"), "too many pixels"),
    ],
    ids=["svg-with-script", "html-renamed-to-png", "decompression-bomb"],
)
def test_dangerous_images_are_refused_and_nothing_is_stored(
    superuser_client, name, content, message
):
    response, new_files = upload_image(superuser_client, name, content)
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors.get("file", []))
    assert message.lower() in errors.lower()
    assert not get_image_model().objects.filter(title=name).exists()
    assert new_files == set()


def test_oversize_image_is_refused(superuser_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response, new_files = upload_image(
        superuser_client, "big.png", png_bytes(size=(400, 400)) + b"\0" * 4096
    )
    errors = " ".join(str(e) for e in response.context["form"].errors.get("file", []))
    assert "too big" in errors.lower()
    assert new_files == set()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("name", ["page.html", "tool.exe", "image.svg", "script.js"])
def test_unsafe_document_types_are_refused(superuser_client, name):
    before = stored_files()
    response = superuser_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
    )
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors.get("file", []))
    assert "extension" in errors.lower()
    assert not get_document_model().objects.exists()
    assert stored_files() == before


def test_a_pdf_document_is_accepted(superuser_client):
    response = superuser_client.post(
        "/admin/documents/add/",
        {"title": "Media pack", "file": SimpleUploadedFile("pack.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Media pack").exists()
