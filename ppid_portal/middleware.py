"""Middleware of the portal: session limits and no caching of signed-in pages."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from .security import mark_private

# Session keys written at login (`record_login_time`) and refreshed by the middleware.
LOGIN_AT = "ppid_login_at"
LAST_SEEN = "ppid_last_seen"
# The last-seen time is rewritten at most this often, so that browsing does not write the
# session row on every request; idle time is measured to within this many seconds.
LAST_SEEN_RESOLUTION = 60


def record_login_time(sender, request, user, **kwargs) -> None:
    """user_logged_in: start the clocks of the idle and the absolute session limit."""
    session = getattr(request, "session", None)
    if session is None:
        return
    now = int(time.time())
    session[LOGIN_AT] = now
    session[LAST_SEEN] = now


def session_expiry_reason(session, now: int | None = None) -> str | None:
    """Why a signed-in session must end now, or None while it may go on."""
    now = int(time.time()) if now is None else now
    login_at = session.get(LOGIN_AT)
    last_seen = session.get(LAST_SEEN)
    if not isinstance(login_at, int) or not isinstance(last_seen, int):
        # A session that never went through login() (or from before these limits) has no
        # clocks to trust; it ends and the user signs in again.
        return "unknown"
    if now - login_at >= settings.PPID_SESSION_MAX_SECONDS:
        return "absolute"
    if now - last_seen >= settings.PPID_SESSION_IDLE_SECONDS:
        return "idle"
    return None


class SessionLimitMiddleware:
    """Ends a signed-in session after PPID_SESSION_IDLE_SECONDS without a request and
    PPID_SESSION_MAX_SECONDS after login. The request then goes on as an anonymous one, so a
    staff page sends the user to the login page with a message saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            session = request.session
            now = int(time.time())
            reason = session_expiry_reason(session, now)
            if reason is not None:
                logout(request)
                if reason == "idle":
                    minutes = settings.PPID_SESSION_IDLE_SECONDS // 60
                    text = _(
                        "Sesi Anda berakhir karena tidak ada aktivitas selama %(menit)d menit. "
                        "Silakan masuk kembali."
                    ) % {"menit": minutes}
                else:
                    text = _("Sesi Anda telah berakhir demi keamanan akun. Silakan masuk kembali.")
                messages.info(request, text)
            elif now - session[LAST_SEEN] >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = now
        return self.get_response(request)


class PrivatePageCacheMiddleware:
    """Pages seen by a signed-in user are never stored by browsers or proxies: they may carry
    a citizen's data or internal work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            mark_private(response)
        return response
