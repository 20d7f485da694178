from urllib.parse import urlsplit

from django import template
from django.utils.text import slugify

register = template.Library()


@register.simple_tag(takes_context=True)
def heading_anchor(context, value):
    """The heading's anchor id: the page's de-duplicated one, else one from its text.

    The article page puts `heading_anchors` (block id → anchor) in the context and
    passes each heading's `block_id`; block previews in the admin have neither.
    """
    anchors = context.get("heading_anchors") or {}
    anchor = anchors.get(context.get("block_id"))
    return anchor or slugify(value.get("text", "")) or "section"


@register.filter
def url_host(url):
    """The host name of a URL without 'www.', for link text such as 'youtube.com'."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


@register.filter
def join_names(authors):
    """'A', 'A and B', 'A, B and C'."""
    names = [str(a) for a in authors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
