"""Demo images drawn with Pillow in the magazine's palette, so they look deliberate."""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

# Background/foreground pairs from the site palette.
PALETTES = {
    "claret": ("#7a1f3d", "#fff7ef", "#f2b84b"),
    "ink": ("#1b1a1f", "#fff7ef", "#f2b84b"),
    "teal": ("#14505c", "#fff7ef", "#9fd8cb"),
    "mustard": ("#f2b84b", "#1b1a1f", "#7a1f3d"),
    "rose": ("#e8a5b5", "#1b1a1f", "#7a1f3d"),
    "sage": ("#3f5e4a", "#fff7ef", "#e8d6a8"),
    "navy": ("#1d2d50", "#fff7ef", "#e8a5b5"),
}


def _font(size, bold=True):
    names = (
        ["DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"]
        if bold
        else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"]
    )
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _wrap(draw, text, font, max_width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def render_png(label, *, kicker="", palette="claret", size=(1600, 900), shape="stripes"):
    """A poster-style PNG: palette background, geometric motif, kicker and label."""
    background, foreground, accent = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)

    seed = int(hashlib.sha1(label.encode()).hexdigest()[:8], 16)
    if shape == "stripes":
        for i in range(6):
            x = (seed >> i) % width
            draw.rectangle([x, 0, x + width // 40, height], fill=accent)
    elif shape == "circle":
        r = min(width, height) // 3
        cx, cy = int(width * 0.72), int(height * 0.42)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=accent)
        draw.ellipse([cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2], fill=background)
    elif shape == "book":
        draw.rectangle([0, 0, width // 14, height], fill=accent)
        draw.rectangle(
            [width // 8, height - height // 5, width - width // 8, height - height // 5 + 8],
            fill=accent,
        )

    margin = width // 12
    text_width = width - 2 * margin
    title_font = _font(max(18, width // 14))
    kicker_font = _font(max(12, width // 40), bold=False)
    lines = _wrap(draw, label, title_font, text_width)
    line_height = int(title_font.size * 1.15)
    y = height - margin - line_height * len(lines)
    if kicker:
        draw.text((margin, y - kicker_font.size * 2), kicker.upper(), font=kicker_font, fill=accent)
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=foreground)
        y += line_height

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(
    title,
    *,
    alt,
    caption="",
    credit="",
    label=None,
    kicker="",
    palette="claret",
    size=(1600, 900),
    shape="stripes",
):
    """Get or create a library image by title; the file is drawn only the first time."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = render_png(label or title, kicker=kicker, palette=palette, size=size, shape=shape)
    filename = hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
    image = image_model(title=title, description=alt, caption=caption, credit=credit)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image
