"""Error pages in the portal's layout, in Bahasa Indonesia."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke must not break the error page too. Only the CSP
    # nonce is passed, for the page's own <style>.
    try:
        nonce = str(request.csp_nonce)
    except Exception:  # noqa: BLE001 - no nonce (CSP middleware not reached): unstyled page
        nonce = ""
    return HttpResponseServerError(get_template("500.html").render({"csp_nonce": nonce}))


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
