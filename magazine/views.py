import logging

from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from magazine.cache import public_cache
from magazine.sitemaps import registered_sitemaps

logger = logging.getLogger(__name__)


@require_safe
@public_cache
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /shop/go/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    # The sitemaps other apps add (the news sitemap), which crawlers also read directly.
    for section in registered_sitemaps():
        if section != "pages":
            address = reverse("sitemap-section", kwargs={"section": section})
            lines.append(f"Sitemap: {request.build_absolute_uri(address)}")
    lines.append("")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed file."""
    return HttpResponsePermanentRedirect(static("magazine/favicon.png"))


def server_error(request, template_name="500.html"):
    """The 500 page in the site layout, falling back to plain text if even that fails.

    Django's default handler renders without context processors; this one keeps the
    header and footer when the database is still answering.
    """
    try:
        return render(request, template_name, status=500)
    except Exception:
        logger.exception("The 500 page itself could not be rendered")
        try:
            return HttpResponseServerError(loader.get_template("500_plain.html").render())
        except Exception:
            return HttpResponseServerError(
                "Sorry, something went wrong on our side.", content_type="text/plain"
            )
