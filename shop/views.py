"""The click-tracking redirect: every affiliate link on the site goes through here."""

import logging
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.models import Page

from magazine.sites import root_url_path
from shop.links import validate_offer_url
from shop.models import BookPage, Click, Offer

logger = logging.getLogger(__name__)

MAX_REFERRER_PATH = 500


def _referring_page(request):
    """(path, page) of the page on this site the reader came from; ("", None) otherwise.

    Only the path is kept: never the query string (it can carry personal data) and
    never a referrer from another site.
    """
    referer = request.headers.get("Referer", "")
    try:
        parts = urlsplit(referer)
    except ValueError:
        return "", None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return "", None
    if parts.netloc.lower() != request.get_host().lower():
        return "", None
    path = parts.path or "/"
    if len(path) > MAX_REFERRER_PATH or not path.startswith("/"):
        return "", None

    page = None
    root_path = root_url_path(request)
    if root_path is not None:
        url_path = root_path + path.strip("/") + "/" if path.strip("/") else root_path
        page = Page.objects.live().filter(url_path=url_path).first()
    return path, page


@require_safe
def go(request, offer_id):
    """Record the click and send the reader to the offer's stored, re-checked link.

    Query parameters are never read, so nothing in the request can change where the
    reader ends up. HEAD requests (link checkers, previews) are answered but not counted.
    """
    offer = get_object_or_404(
        Offer.objects.select_related("retailer").filter(book__in=BookPage.objects.live().public()),
        pk=offer_id,
    )
    try:
        validate_offer_url(offer.url, offer.retailer.domain_list, offer.retailer.name)
    except ValidationError:
        logger.warning("Offer %s has a link that no longer passes validation", offer.pk)
        raise Http404("No such offer") from None

    if request.method == "GET":
        path, page = _referring_page(request)
        Click.objects.create(
            offer=offer,
            book_id=offer.book_id,
            retailer_id=offer.retailer_id,
            page=page,
            referrer_path=path,
        )

    response = HttpResponseRedirect(offer.url)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
