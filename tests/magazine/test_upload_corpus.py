"""Every image an editor uploads, however malformed, is refused with a message or kept safely.

The corpus is generated here: truncated files of every accepted format, wrong
signatures, pixel bombs of every size up to far beyond Pillow's own limit, animations
with thousands of frames, huge metadata, 16-bit and CMYK images, and polyglots. Each
goes through the admin's two upload views (the single form and the multiple uploader
editors drag files into). A refused file names its problem and leaves nothing stored;
an accepted one with an unusual colour mode or orientation renders correctly.
"""

import io
import struct
import zlib
from functools import cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from tests.support.media import stored_files

pytestmark = pytest.mark.django_db


def picture(mode="RGB", size=(64, 48)):
    """A gradient, so that every format has a real compressed body to cut short."""
    image = Image.new("RGB", size)
    image.putdata(
        [(x * 4 % 256, y * 5 % 256, (x * y) % 256) for y in range(size[1]) for x in range(size[0])]
    )
    return image.convert(mode) if mode != "RGB" else image


def encoded(image_format, image=None, **options):
    buffer = io.BytesIO()
    (image or picture()).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def png_chunk(kind, data):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_claiming(width, height):
    """A PNG header claiming `width` by `height` pixels, with next to no data behind it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )


def gif_claiming(width, height):
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b"\x2c" + b"\0" * 20


def jpeg_claiming(width, height):
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8" + sof + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\0" * 32 + b"\xff\xd9"
    )


def with_png_text(data, kind, payload):
    """`data` (a PNG) with a text chunk inserted after its header."""
    at = data.index(b"IDAT") - 4
    return data[:at] + png_chunk(kind, payload) + data[at:]


@cache
def animation(image_format, frames, size=(8, 8)):
    images = [Image.new("RGB", size, (n % 256, (n * 7) % 256, 90)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(
        buffer, format=image_format, save_all=True, append_images=images[1:], duration=40
    )
    return buffer.getvalue()


def truncated(image_format):
    data = encoded(image_format)
    return data[: len(data) // 2]


def upload(client, view, name, content):
    before = stored_files()
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    if view == "single":
        response = client.post("/admin/images/add/", {"title": name, "file": file})
        assert response.status_code in (200, 302), response.status_code
        accepted = response.status_code == 302
        errors = "" if accepted else " ".join(response.context["form"].errors.get("file", []))
    else:
        response = client.post(
            "/admin/images/multiple/add/",
            {"files[]": file},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 200, response.status_code
        result = response.json()
        accepted = result["success"]
        errors = result.get("error_message", "")
    return accepted, errors, stored_files() - before


REFUSED = {
    # name: (file name, content, words the message must contain)
    "truncated-png": ("t.png", lambda: truncated("PNG"), "damaged or incomplete"),
    "truncated-jpeg": ("t.jpg", lambda: truncated("JPEG"), "damaged or incomplete"),
    "truncated-gif": ("t.gif", lambda: truncated("GIF"), "damaged or incomplete"),
    "truncated-webp": ("t.webp", lambda: truncated("WEBP"), "damaged or incomplete"),
    "truncated-avif": ("t.avif", lambda: truncated("AVIF"), "damaged or incomplete"),
    "header-only-png": ("h.png", lambda: encoded("PNG")[:33], "damaged or incomplete"),
    "gif-signature-broken-body": (
        "b.gif",
        lambda: b"GIF89a\x10\x00\x10\x00" + b"\xff" * 50,
        "damaged",
    ),
    "jpeg-signature-broken-body": (
        "b.jpg",
        lambda: b"\xff\xd8\xff\xe0" + b"\x13" * 200,
        "damaged",
    ),
    "webp-signature-broken-body": (
        "b.webp",
        lambda: b"RIFF\x20\0\0\0WEBPVP8 " + b"\x07" * 40,
        "damaged",
    ),
    "png-named-jpg": ("p.jpg", lambda: encoded("PNG"), "does not match"),
    "random-bytes": ("r.png", lambda: bytes(range(256)) * 8, "valid image"),
    "bomb-just-over-the-limit": ("8001.png", lambda: png_claiming(8001, 8001), "too many pixels"),
    "bomb-over-pillows-warning": ("9500.png", lambda: png_claiming(9500, 9500), "too many pixels"),
    "bomb-over-pillows-limit": ("14000.png", lambda: png_claiming(14000, 14000), "too many pixels"),
    "bomb-30000-square": ("30000.png", lambda: png_claiming(30000, 30000), "too many pixels"),
    "bomb-largest-png": ("max.png", lambda: png_claiming(2**31 - 1, 2**31 - 1), "too many pixels"),
    "bomb-gif-65535": ("big.gif", lambda: gif_claiming(65535, 65535), "too many pixels"),
    "bomb-jpeg-65500": ("big.jpg", lambda: jpeg_claiming(65500, 65500), "too many pixels"),
    "bomb-real-12000-square": (
        "real.png",
        lambda: encoded("PNG", Image.new("1", (12000, 12000))),
        "too many pixels",
    ),
    "gif-3000-frames": ("a.gif", lambda: animation("GIF", 3000), "frames"),
    "webp-2000-frames": ("a.webp", lambda: animation("WEBP", 2000), "frames"),
    "png-text-bomb": (
        "z.png",
        lambda: with_png_text(
            encoded("PNG"), b"zTXt", b"note\0\0" + zlib.compress(b"a" * 50_000_000)
        ),
        "metadata",
    ),
    "gif-with-script-comment": (
        "s.gif",
        lambda: encoded("GIF", comment=b"<script>alert(document.cookie)</script>"),
        "image and something else",
    ),
    "png-with-html-after-the-end": (
        "h.png",
        lambda: encoded("PNG") + b"<html><body><script>alert(1)</script></body></html>",
        "image and something else",
    ),
    "jpeg-with-zip-after-the-end": (
        "z.jpg",
        lambda: encoded("JPEG") + b"PK\x03\x04" + b"\0" * 100,
        "image and something else",
    ),
    "png-with-html-text-chunk": (
        "t.png",
        lambda: with_png_text(encoded("PNG"), b"tEXt", b"Comment\0<iframe src=//x>"),
        "image and something else",
    ),
}


@pytest.mark.parametrize("view", ["single", "multiple"])
@pytest.mark.parametrize("case", list(REFUSED))
def test_a_malformed_image_is_refused_by_name_and_nothing_is_stored(superuser_client, view, case):
    name, make, words = REFUSED[case]

    accepted, errors, new_files = upload(superuser_client, view, name, make())

    assert not accepted
    assert words.lower() in errors.lower(), errors
    assert new_files == set()
    assert not get_image_model().objects.exists()


ACCEPTED = {
    # name: (file name, content, expected rendition size for "width-32", (x, y) to compare)
    "cmyk-jpeg": ("cmyk.jpg", lambda: encoded("JPEG", picture("CMYK"), quality=95)),
    "16-bit-png": ("deep.png", lambda: encoded("PNG", picture("I;16"))),
    "palette-png-with-transparency": (
        "pal.png",
        lambda: encoded("PNG", picture("P"), transparency=0),
    ),
    "grey-with-alpha-png": ("la.png", lambda: encoded("PNG", picture("LA"))),
    "short-animation": ("short.gif", lambda: animation("GIF", 120)),
    "jpeg-with-many-comments": (
        "notes.jpg",
        lambda: encoded("JPEG", comment=b"c" * 60_000),
    ),
    "motion-photo-trailer": (
        "motion.jpg",
        lambda: encoded("JPEG") + b"\0\0\0\x18ftypmp42" + b"\0" * 64,
    ),
}


@pytest.mark.parametrize("view", ["single", "multiple"])
@pytest.mark.parametrize("case", list(ACCEPTED))
def test_an_unusual_but_sound_image_is_kept_and_renders(superuser_client, view, case):
    name, make = ACCEPTED[case]

    accepted, errors, new_files = upload(superuser_client, view, name, make())

    assert accepted, errors
    assert new_files
    image = get_image_model().objects.get()
    for spec in ("width-32|format-jpeg", "width-32|format-webp", "width-32|format-png"):
        rendition = image.get_rendition(spec)
        with Image.open(rendition.file.path) as rendered:
            rendered.load()
            assert rendered.width == min(32, image.width)
            assert rendered.mode in {"RGB", "RGBA", "P", "L", "LA"}


def test_a_cmyk_photo_keeps_its_colours(superuser_client):
    source = Image.new("RGB", (64, 48), (200, 40, 30))
    upload(
        superuser_client, "single", "red.jpg", encoded("JPEG", source.convert("CMYK"), quality=95)
    )

    rendition = get_image_model().objects.get().get_rendition("width-32|format-png")

    with Image.open(rendition.file.path) as rendered:
        red, green, blue = rendered.convert("RGB").getpixel((16, 12))[:3]
    assert red > 150 and green < 90 and blue < 90, (red, green, blue)


def test_a_16_bit_image_keeps_its_tones(superuser_client):
    grey = Image.new("I;16", (64, 48), 40000)  # about 61% of full scale
    upload(superuser_client, "single", "grey.png", encoded("PNG", grey))

    rendition = get_image_model().objects.get().get_rendition("width-32|format-png")

    with Image.open(rendition.file.path) as rendered:
        value = rendered.convert("L").getpixel((16, 12))
    assert 100 < value < 255, value


def test_a_photo_taken_sideways_is_shown_upright(superuser_client):
    landscape = picture(size=(60, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    upload(superuser_client, "single", "side.jpg", encoded("JPEG", landscape, exif=exif))

    rendition = get_image_model().objects.get().get_rendition("width-20|format-png")

    assert (rendition.width, rendition.height) == (20, 60)
