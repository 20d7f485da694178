from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _nav_sections(request):
    from magazine.models import SectionPage

    site = Site.find_for_request(request)
    if site is None:
        return []
    # The cached site root paths give the root's url_path without loading the page.
    root_path = next(
        (p.root_path for p in Site.get_site_root_paths() if p.site_id == site.id), None
    )
    if root_path is None:
        return []
    return list(
        SectionPage.objects.filter(url_path__startswith=root_path)
        .live()
        .public()
        .in_menu()
        .order_by("path")
    )


def navigation(request):
    """Header navigation: the live sections marked 'show in menus', in tree order.

    Fetched lazily, once per request, and only by templates that use it.
    """
    return {"nav_sections": SimpleLazyObject(lambda: _nav_sections(request))}
