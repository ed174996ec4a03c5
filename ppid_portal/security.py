"""Small security helpers every app uses: private (never cached) pages, the client address, and
the login-throttling backend.

- `@private_page` (function views; `method_decorator(private_page, name="dispatch")`) and
  `PrivatePageMixin` (class-based views): pages that anonymous visitors see but that carry personal
  data (a request's tracking page, a confirmation with a receipt number) are never stored by
  browsers or proxies and never indexed. Pages of signed-in users get the same headers from
  `ppid_portal.middleware.PrivatePageCacheMiddleware` without asking.
- `client_ip(request)`: the visitor's address, also behind the office's own reverse proxy.
- `LoginThrottleBackend`: django-axes' lockout check (settings.AUTHENTICATION_BACKENDS).
"""

from __future__ import annotations

import ipaddress
from functools import wraps

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.utils.cache import add_never_cache_headers

NEVER_STORE = "private, no-store, no-cache, must-revalidate, max-age=0"


def mark_private(response):
    """Tell browsers and proxies never to store the response."""
    add_never_cache_headers(response)
    response["Cache-Control"] = NEVER_STORE
    return response


def _mark_private_page(response):
    mark_private(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_page(view):
    """Function views (or `method_decorator(private_page)`): the page is personal even for an
    anonymous visitor, so it is never cached and never indexed by search engines."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return _mark_private_page(view(request, *args, **kwargs))

    wrapper.ppid_private_page = True
    return wrapper


class PrivatePageMixin:
    """Class-based views: the same as `@private_page`. Put it first among the bases."""

    ppid_private_page = True

    def dispatch(self, request, *args, **kwargs):
        return _mark_private_page(super().dispatch(request, *args, **kwargs))


def client_ip(request) -> str:
    """The address of the visitor.

    Without a proxy of our own this is REMOTE_ADDR. With `PPID_TRUSTED_PROXY_COUNT` proxies in
    front (nginx terminating TLS), each appends the address it saw to X-Forwarded-For, so the
    client is the entry that many places from the end; anything further left was written by the
    client and is not trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "PPID_TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first of AUTHENTICATION_BACKENDS.

    Every login form of the portal (the portal's own, the admin's) passes the request to
    `authenticate()`, and that is where a lockout is counted and enforced. Code that
    authenticates without a request (Django's test client `login()`, a management command) has no
    address to count against; it is let through to the password check instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
