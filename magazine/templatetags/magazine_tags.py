import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()


@register.simple_tag(takes_context=True)
def aria_current(context, section):
    """'page' for the section itself, 'true' for pages inside it, '' elsewhere."""
    page = context.get("page")
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""


# The characters that could end a <script> element or open a comment inside it.
_JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Render `data` as a safe `<script type="application/ld+json">` element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_LD_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def html_datetime(value):
    """A valid HTML `datetime` value: local time to the second, with its UTC offset."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.simple_tag(takes_context=True)
def heading_anchor(context, value):
    """The heading's anchor id: the page's de-duplicated one, else one from its text.

    A page with headings (the article) puts `heading_anchors` (block id → anchor) in the context and
    passes each heading's `block_id`; block previews in the admin have neither.
    """
    anchors = context.get("heading_anchors") or {}
    anchor = anchors.get(context.get("block_id"))
    return anchor or slugify(value.get("text", "")) or "section"
