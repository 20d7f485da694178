import logging

from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from magazine.cache import public_cache

logger = logging.getLogger(__name__)


@require_safe
@public_cache
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /shop/go/",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
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
