from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import SimpleLazyObject, cached_property
from wagtail.models import Page

from magazine.models import SectionPage, StandardPage
from magazine.privacy import exclude_private
from magazine.site_data import shared
from magazine.sites import root_url_path


class SiteNavigation:
    """The header's sections and the footer's standing pages, fetched in one query.

    Kept in the shared cache until published content changes (`magazine.site_data`).
    """

    def __init__(self, request):
        self.request = request

    @cached_property
    def _pages(self):
        root_path = root_url_path(self.request)
        if root_path is None:
            return [], []
        return shared(self.request, f"navigation:{root_path}", lambda: self._fetch(root_path))

    @staticmethod
    def _fetch(root_path):
        section_type, standard_type = ContentType.objects.get_for_models(
            SectionPage, StandardPage
        ).values()
        pages = list(
            exclude_private(Page.objects.live())
            .filter(url_path__startswith=root_path)
            .filter(
                Q(content_type=section_type, show_in_menus=True)
                # Standard pages directly under the home page ("About us", "Why you can
                # trust us") make the footer.
                | Q(content_type=standard_type, url_path__regex=rf"^{root_path}[^/]+/$")
            )
            .order_by("path")
        )
        sections = [p for p in pages if p.content_type_id == section_type.id]
        standing = [p for p in pages if p.content_type_id == standard_type.id]
        return sections, standing

    @property
    def sections(self):
        return self._pages[0]

    @property
    def footer_pages(self):
        return self._pages[1]


def navigation(request):
    """Site navigation for templates, fetched lazily, once per request, only if used."""
    nav = SimpleLazyObject(lambda: SiteNavigation(request))
    return {
        "nav_sections": SimpleLazyObject(lambda: nav.sections),
        "footer_pages": SimpleLazyObject(lambda: nav.footer_pages),
    }
