from urllib.parse import urlsplit

from django import template

register = template.Library()


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
