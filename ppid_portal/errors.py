"""Error pages in the portal's layout, in Bahasa Indonesia."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


logger = logging.getLogger(__name__)

# The database refused or lost the connection: the step was rolled back, try again later.
DATABASE_DOWN = (OperationalError, InterfaceError)


def _nonce(request) -> str:
    try:
        return str(request.csp_nonce)
    except Exception:  # noqa: BLE001 - no nonce (CSP middleware not reached): unstyled page
        return ""


def server_error(request):
    # No context processors: whatever broke must not break the error page too. Only the CSP
    # nonce is passed, for the page's own <style>.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        # Raised outside a view (a middleware reading the session or the user).
        return service_unavailable(request)
    return HttpResponseServerError(get_template("500.html").render({"csp_nonce": _nonce(request)}))


def service_unavailable(request) -> HttpResponse:
    """503: the database is unreachable. Rendered without the database (no context
    processors, no session, no user)."""
    response = HttpResponse(
        get_template("503.html").render({"csp_nonce": _nonce(request)}), status=503
    )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "private, no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view whose database went away (connection lost, server down, locked too long) answers
    with the 503 page — the step was rolled back and nothing of it is stored — instead of the
    generic error page. Other database errors (integrity, programming) stay 500s: they are bugs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.error(
            "Basis data tidak tersedia saat %s %s", request.method, request.path, exc_info=exception
        )
        return service_unavailable(request)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without (or with an old) security token."""
    return render(request, "403_csrf.html", status=403)


def login_locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: too many failed logins for this username from this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/lockout.html",
        {"menit": minutes, "batas": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
