"""Small helpers about the site a request is for."""

from wagtail.models import Site


def root_url_path(request):
    """The url_path of the request's site root (e.g. "/home/"), from Wagtail's cache.

    Lets callers filter pages by `url_path` without loading the root page itself.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    return next((p.root_path for p in Site.get_site_root_paths() if p.site_id == site.id), None)


def x_profile_url(handle):
    """The profile address for an X (Twitter) handle, with or without its @."""
    return f"https://x.com/{handle.lstrip('@')}"
