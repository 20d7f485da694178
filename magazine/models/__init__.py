from .base import BasePage
from .images import MagazineImage, MagazineRendition
from .pages import HomePage, SectionPage, StandardPage
from .site_settings import RadioStation, SiteSettings

__all__ = [
    "BasePage",
    "HomePage",
    "MagazineImage",
    "MagazineRendition",
    "RadioStation",
    "SectionPage",
    "SiteSettings",
    "StandardPage",
]
