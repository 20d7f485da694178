"""Small helpers about the site a request is for."""

from wagtail.models import Site


def root_url_path(request):
    """The url_path of the request's site root (e.g. "/home/").

    Wagtail's site lookup fetches the root page along with the site, so this costs
    nothing more; callers filter pages by `url_path` with it.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.url_path


def x_profile_url(handle):
    """The profile address for an X (Twitter) handle, with or without its @."""
    return f"https://x.com/{handle.lstrip('@')}"
