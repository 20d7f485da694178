"""Demo images drawn with Pillow in the magazine's palette, so they look deliberate.

Four looks share one palette and one type system: a poster (article heroes, key
art), a "duo" poster of two overlapping rings (the Heartstopper art), a portrait
card (people and writers: a head-and-shoulders silhouette with initials) and a
book cover (spine, author, title, motif).
"""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

# Background, foreground and accent, from the site palette.
PALETTES = {
    "claret": ("#7a1f3d", "#fff7ef", "#f2b84b"),
    "ink": ("#1b1a1f", "#fff7ef", "#f2b84b"),
    "teal": ("#14505c", "#fff7ef", "#9fd8cb"),
    "mustard": ("#f2b84b", "#1b1a1f", "#7a1f3d"),
    "rose": ("#e8a5b5", "#1b1a1f", "#7a1f3d"),
    "sage": ("#3f5e4a", "#fff7ef", "#e8d6a8"),
    "navy": ("#1d2d50", "#fff7ef", "#e8a5b5"),
}
BRAND = "THE REEL EDIT"


def _font(size, style="title"):
    names = {
        "title": [
            "DejaVuSerifCondensed-Bold.ttf",
            "DejaVuSerif-Bold.ttf",
            "LiberationSerif-Bold.ttf",
        ],
        "label": ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"],
        "text": ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"],
    }[style]
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(
        round(x + (y - x) * t)
        for x, y in zip(
            _rgb(a) if isinstance(a, str) else a, _rgb(b) if isinstance(b, str) else b, strict=True
        )
    )


def _gradient(size, top, bottom):
    """A diagonal two-colour wash."""
    vertical = Image.linear_gradient("L")
    mask = Image.blend(vertical, vertical.rotate(90), 0.5).resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


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


def _fit(draw, text, max_width, max_lines, start, max_height=None):
    """The largest title size at which `text` fits in `max_lines` lines (and `max_height`)."""
    size = start
    while size > 14:
        font = _font(size)
        lines = _wrap(draw, text, font, max_width)
        fits = len(lines) <= max_lines and all(
            draw.textlength(line, font=font) <= max_width for line in lines
        )
        if fits and (max_height is None or len(lines) * size * 1.08 <= max_height):
            return font, lines
        size = int(size * 0.9)
    font = _font(size)
    return font, _wrap(draw, text, font, max_width)


def _spaced(draw, xy, text, font, fill, tracking=0.12):
    """Letter-spaced small capitals, as magazines set their labels."""
    x, y = xy
    for char in text:
        draw.text((x, y), char, font=font, fill=fill)
        x += draw.textlength(char, font=font) + font.size * tracking
    return x


def _spaced_width(draw, text, font, tracking=0.12):
    return sum(draw.textlength(c, font=font) + font.size * tracking for c in text)


def _poster(image, draw, label, kicker, colours, seed, motif):
    background, foreground, accent = colours
    width, height = image.size
    unit = min(width, height)
    if motif == "duo":
        r = int(unit * 0.36)
        cy = int(height * 0.42)
        for cx, colour in ((int(width * 0.62), accent), (int(width * 0.78), foreground)):
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=max(6, unit // 28))
    else:
        # Bold arcs off the right edge: a different arrangement for every label.
        cx = width - int(unit * (0.15 + (seed % 7) / 40))
        cy = int(height * (0.25 + (seed >> 3) % 5 / 20))
        for i in range(5):
            r = int(unit * (0.18 + i * 0.14))
            draw.ellipse(
                [cx - r, cy - r, cx + r, cy + r],
                outline=_mix(background, accent, 0.35 + i * 0.12),
                width=max(4, unit // 40),
            )
    margin = int(unit * 0.09)
    # Masthead mark and a frame rule.
    brand_font = _font(max(10, unit // 34), "label")
    _spaced(draw, (margin, margin * 0.7), BRAND, brand_font, _mix(background, foreground, 0.75))
    draw.rectangle(
        [
            margin,
            margin * 0.7 + brand_font.size * 1.6,
            margin + unit // 8,
            margin * 0.7 + brand_font.size * 1.6 + max(3, unit // 150),
        ],
        fill=accent,
    )
    # Title block at the bottom left, on a soft scrim for legibility.
    text_width = int(width * 0.62) if width > height else width - 2 * margin
    font, lines = _fit(draw, label, text_width, 3, max(20, unit // 6))
    line_height = int(font.size * 1.08)
    y = height - margin - line_height * len(lines)
    if kicker:
        kicker_font = _font(max(11, unit // 26), "label")
        ky = y - kicker_font.size * 2.1
        draw.rectangle(
            [
                margin,
                ky - kicker_font.size * 0.35,
                margin + _spaced_width(draw, kicker.upper(), kicker_font) + kicker_font.size * 0.7,
                ky + kicker_font.size * 1.35,
            ],
            fill=accent,
        )
        _spaced(
            draw,
            (margin + kicker_font.size * 0.4, ky),
            kicker.upper(),
            kicker_font,
            background if accent != background else foreground,
        )
    for line in lines:
        draw.text((margin, y), line, font=font, fill=foreground)
        y += line_height


def _portrait_card(image, draw, label, kicker, colours):
    background, foreground, accent = colours
    width, height = image.size
    unit = min(width, height)
    figure = _mix(background, foreground, 0.18)
    # Head and shoulders.
    cx = width // 2
    head_r = int(unit * 0.17)
    head_cy = int(height * 0.40)
    draw.ellipse(
        [cx - int(unit * 0.36), int(height * 0.62), cx + int(unit * 0.36), int(height * 1.25)],
        fill=figure,
    )
    draw.ellipse([cx - head_r, head_cy - head_r, cx + head_r, head_cy + head_r], fill=figure)
    initials = "".join(part[0] for part in label.split()[:2]).upper()
    font = _font(int(head_r * 0.9))
    tw = draw.textlength(initials, font=font)
    draw.text((cx - tw / 2, head_cy - font.size * 0.62), initials, font=font, fill=accent)
    # A thin accent ring round the head, and the label at the top.
    ring = int(head_r * 1.3)
    draw.ellipse(
        [cx - ring, head_cy - ring, cx + ring, head_cy + ring],
        outline=accent,
        width=max(3, unit // 90),
    )
    if kicker:
        # Low enough to survive a round crop.
        kicker_font = _font(max(10, unit // 32), "label")
        kw = _spaced_width(draw, kicker.upper(), kicker_font)
        _spaced(
            draw,
            (cx - kw / 2, int(height * 0.13)),
            kicker.upper(),
            kicker_font,
            _mix(background, foreground, 0.8),
        )


def _book_cover(image, draw, label, kicker, colours, seed):
    background, foreground, accent = colours
    width, height = image.size
    spine = width // 16
    draw.rectangle([0, 0, spine, height], fill=_mix(background, "#000000", 0.25))
    draw.line([spine + 2, 0, spine + 2, height], fill=_mix(background, "#ffffff", 0.25), width=2)
    margin = spine + width // 10
    inner = width - margin - width // 10
    # Author at the top, in spaced capitals.
    if kicker:
        author_font = _font(max(11, width // 22), "label")
        _spaced(draw, (margin, height * 0.08), kicker.upper(), author_font, accent)
    # Motif: a heart-ish pair of overlapping circles, or concentric rings.
    cx, cy, r = margin + inner // 2, int(height * 0.47), int(inner * 0.28)
    if seed % 2:
        for dx, colour in ((-r // 2, accent), (r // 2, foreground)):
            draw.ellipse(
                [cx + dx - r, cy - r, cx + dx + r, cy + r],
                outline=colour,
                width=max(4, width // 60),
            )
    else:
        for i in range(4):
            rr = r - i * r // 4
            draw.ellipse(
                [cx - rr, cy - rr, cx + rr, cy + rr],
                outline=accent if i % 2 == 0 else foreground,
                width=max(3, width // 80),
            )
    # Title in the lower third.
    font, lines = _fit(draw, label, inner, 3, max(18, width // 7), max_height=height * 0.21)
    line_height = int(font.size * 1.08)
    y = int(height * 0.70)
    for line in lines:
        draw.text((margin, y), line, font=font, fill=foreground)
        y += line_height
    draw.rectangle(
        [
            margin,
            height - height // 14,
            margin + inner // 3,
            height - height // 14 + max(3, width // 120),
        ],
        fill=accent,
    )


def render_png(label, *, kicker="", palette="claret", size=(1600, 900), shape="stripes"):
    """A PNG in the magazine's style: `shape` is stripes (poster), circle (two rings),
    portrait (a person card) or book (a cover, `kicker` being the author)."""
    colours = PALETTES[palette]
    background = colours[0]
    seed = int(hashlib.sha1(label.encode()).hexdigest()[:8], 16)
    image = _gradient(size, _mix(background, "#ffffff", 0.10), _mix(background, "#000000", 0.22))
    draw = ImageDraw.Draw(image)
    if shape == "book":
        _book_cover(image, draw, label, kicker, colours, seed)
    elif shape == "portrait":
        _portrait_card(image, draw, label, kicker, colours)
    else:
        _poster(image, draw, label, kicker, colours, seed, "duo" if shape == "circle" else "arcs")
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
