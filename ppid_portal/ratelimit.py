"""Per-address rate limits for public forms, on Django's cache framework.

Works with the local-memory cache (one process: development, tests) and with Redis when
`REDIS_URL` is set (all gunicorn workers share the counts). A fixed window per scope and address:
simple, and enough to stop form spam and guessing without a third-party captcha.

The client address is REMOTE_ADDR. Behind a reverse proxy set `PPID_RATELIMIT_PROXY_COUNT` to
the number of proxies in front of the portal; the address is then read from X-Forwarded-For,
counting from the right so a client cannot forge it.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _


def client_ip(request) -> str:
    proxies = int(getattr(settings, "PPID_RATELIMIT_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, ident: str, window: int, now: float) -> str:
    # The address is hashed: cache keys must be safe for memcached/Redis and need not show IPs.
    digest = hashlib.sha256(f"{scope}|{ident}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{int(now // window)}"


def hit(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the address is within `limit` attempts per `window` s."""
    key = _key(scope, ident, window, time.time())
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr().
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count <= limit


def is_limited(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """True when the address has used up its attempts (does not count an attempt)."""
    return (cache.get(_key(scope, ident, window, time.time())) or 0) >= limit


def reset(scope: str, ident: str, *, window: int) -> None:
    cache.delete(_key(scope, ident, window, time.time()))


def too_many_requests(request=None) -> HttpResponse:
    return HttpResponse(
        _("Terlalu banyak percobaan dari alamat Anda. Silakan coba lagi beberapa saat lagi."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


def ratelimit(scope: str, *, limit: int, window: int, methods=("POST",), on_limited=None):
    """Decorator for function views: count each request of `methods` per client address and
    answer 429 (or `on_limited(request)`) once the limit is passed."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and not hit(
                scope, client_ip(request), limit=limit, window=window
            ):
                return (on_limited or too_many_requests)(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
