import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (camera, location, payment…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PERMISSIONS_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.setdefault("Permissions-Policy", self.policy)
        return response


# Where `note_database_error` leaves a lost connection's error for the middleware.
DATABASE_ERROR_ATTRIBUTE = "_database_error"


class DatabaseRetryMiddleware:
    """Answer a reader's request again when the database connection failed under it.

    When PostgreSQL restarts or fails over, requests in flight lose their connection
    and new connections are refused for a moment: each was a 500 page. A GET or HEAD
    request is safe to repeat (the one that writes, the affiliate redirect, records its
    click as its last query), so it is run again on a fresh connection after a short
    pause, up to `DATABASE_RETRY_DELAYS` (seconds; see the settings); if the
    database is still away after those, the reader gets the 500 page as before. Other
    requests may have changed something before failing and are never repeated.

    First in the middleware list, so a repeat goes through everything else again.
    """

    METHODS = frozenset({"GET", "HEAD"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.METHODS:
            return self.get_response(request)
        for delay in (*settings.DATABASE_RETRY_DELAYS, None):
            response = self.get_response(request)
            error = getattr(request, DATABASE_ERROR_ATTRIBUTE, None)
            if error is None or delay is None:
                return response
            setattr(request, DATABASE_ERROR_ATTRIBUTE, None)
            logger.warning(
                "Database unavailable (%s); answering %s again in %g s",
                error,
                request.path,
                delay,
            )
            time.sleep(delay)
            # Connections that failed are replaced, as at the start of any request.
            close_old_connections()
        return response


def note_database_error(sender, request=None, **kwargs):
    """got_request_exception: remember a lost database connection on the request."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, OperationalError | InterfaceError):
        setattr(request, DATABASE_ERROR_ATTRIBUTE, error)
