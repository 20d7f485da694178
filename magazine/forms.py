"""The image upload form: every file an editor uploads is read in full before it is kept.

Wagtail's image field recognises the format and checks the size and the pixel count,
but decoding is left to Pillow, which fails in many ways on a malformed file (a
truncated body, a header claiming 30,000 by 30,000 pixels, a broken chunk, oversized
metadata), and those failures reached the editor as a server error. `CheckedImageField`
reads the header before anything is decoded, decodes every frame once the checks
pass, and turns each failure into a message that names the problem; the form is then
invalid and nothing is stored. It also refuses polyglots: files that are an image and
a web page, a script or an archive at once.
"""

import io
import re
import warnings

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# An animation may have at most this many frames (each is decoded on upload).
MAX_FRAMES = 1000
# Web page or script code inside an image file: a polyglot a browser could be fooled by.
MARKUP = re.compile(
    rb"<(?:script|html|head|body|iframe|object|embed|svg|form|meta)\b|<\?php|javascript:",
    re.IGNORECASE,
)
# What may follow the end of an image and make the file something else as well.
CONTAINER_SIGNATURES = (b"PK\x03\x04", b"%PDF", b"<", b"\x7fELF", b"MZ", b"#!")


def _message(text, code):
    return ValidationError(text, code=code)


def damaged(error):
    if isinstance(error, ValueError) and "too large" in str(error).lower():
        return _message(
            "This image carries too much embedded metadata (text, colour profile or "
            "camera data) to read safely. Save it again without the metadata.",
            "metadata_too_large",
        )
    detail = str(error).strip().rstrip(".") or error.__class__.__name__
    return _message(
        f"This image file is damaged or incomplete ({detail}). Export or save it again "
        "from the original and upload the new file.",
        "damaged_image",
    )


def image_end(content, image_format):
    """Where the image itself ends in `content`, or None if that cannot be told."""
    if image_format == "PNG":
        at = content.rfind(b"IEND")
        return at + 8 if at != -1 else None
    if image_format == "GIF":
        return len(content.rstrip(b"\0")) if content.rstrip(b"\0").endswith(b";") else None
    if image_format == "WEBP" and content[:4] == b"RIFF":
        return 8 + int.from_bytes(content[4:8], "little")
    if image_format == "JPEG":
        return _jpeg_end(content)
    return None


def _jpeg_end(content):
    """The end of a JPEG's EOI marker, following its segments (thumbnails are skipped)."""
    at, size = 2, len(content)
    while at + 4 <= size:
        if content[at] != 0xFF:
            return None
        marker = content[at + 1]
        if marker == 0xD9:
            return at + 2
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = int.from_bytes(content[at + 2 : at + 4], "big")
        at += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next marker
            while at + 1 < size:
                if content[at] == 0xFF and content[at + 1] not in (0x00, *range(0xD0, 0xD8)):
                    break
                at += 1
    return None


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, read in full and with every failure named for the editor."""

    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        if data.size is not None and data.size > self.max_upload_size:
            return super().to_python(data)  # Wagtail's own "too big" message
        data.seek(0)
        content = data.read()
        data.seek(0)
        image_format = self._check_header(content)
        try:
            checked = super().to_python(data)
        except ValidationError:
            raise
        except Image.DecompressionBombError:
            raise self._too_many_pixels() from None
        except Exception as error:  # Pillow's many ways of failing on a broken file
            raise damaged(error) from error
        if image_format is not None:
            self._check_decodes(content)
            self._check_single_purpose(content, image_format)
        if hasattr(checked, "seek"):
            checked.seek(0)
        return checked

    def _too_many_pixels(self, count=None):
        found = f"{count:,}" if count else f"more than {2 * Image.MAX_IMAGE_PIXELS:,}"
        return _message(
            f"This image has too many pixels ({found}); the most we accept is "
            f"{self.max_image_pixels:,} (for an animation, across all its frames). "
            "Resize it and upload it again.",
            "file_too_many_pixels",
        )

    def _check_header(self, content):
        """The format from the header alone, after the pixel and frame counts are checked.

        Nothing is decoded yet, so a header claiming billions of pixels costs nothing.
        None when Pillow does not recognise the file (Wagtail's own checks say why).
        """
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                with Image.open(io.BytesIO(content)) as image:
                    width, height = image.size
                    frames = self._count_frames(image)
                    image_format = image.format
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise self._too_many_pixels() from None
            except UnidentifiedImageError:
                return None
            except ValidationError:
                raise
            except Exception as error:
                raise damaged(error) from error
        if self.max_image_pixels and width * height * frames > self.max_image_pixels:
            raise self._too_many_pixels(width * height * frames)
        return image_format

    @staticmethod
    def _count_frames(image):
        """Frames up to one past MAX_FRAMES, counted without reading the rest of the file."""
        if not getattr(image, "is_animated", False):
            return 1
        frames = 1
        while frames <= MAX_FRAMES:
            try:
                image.seek(frames)
            except EOFError:
                return frames
            frames += 1
        raise _message(
            f"This animation has more than {MAX_FRAMES:,} frames; the most we accept is "
            f"{MAX_FRAMES:,}. Shorten it, or embed it as a video instead.",
            "too_many_frames",
        )

    @staticmethod
    def _check_decodes(content):
        """Decode every frame: a truncated or corrupt body fails here, not for a reader."""
        try:
            with Image.open(io.BytesIO(content)) as image:
                for frame in range(getattr(image, "n_frames", 1)):
                    image.seek(frame)
                    image.load()
        except Image.DecompressionBombError:
            raise _message("This image has too many pixels.", "file_too_many_pixels") from None
        except Exception as error:
            raise damaged(error) from error

    @staticmethod
    def _check_single_purpose(content, image_format):
        """Refuse polyglots: an image that is also a page, a script or an archive."""
        end = image_end(content, image_format)
        trailing = content[end:].lstrip(b"\0\r\n\t ") if end is not None else b""
        if MARKUP.search(content) or trailing.startswith(CONTAINER_SIGNATURES):
            extra = f" ({filesizeformat(len(trailing))} after the image)" if trailing else ""
            raise _message(
                "This file is an image and something else at once: it contains web page, "
                f"script or archive data{extra}. We never store such files. Open it in an "
                "image editor, export it again and upload the export.",
                "polyglot_image",
            )


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), uploads checked in full.

    Wagtail builds the file field itself (and reads its limits from the settings then),
    so it is swapped here, per form, keeping Wagtail's widget and its attributes.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CheckedImageField):
            checked = CheckedImageField(
                label=field.label, required=field.required, help_text=field.help_text
            )
            checked.widget = field.widget
            self.fields["file"] = checked
