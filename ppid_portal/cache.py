"""Public pages and public data served from Django's cache, dropped by the services that change
them — never by a timer alone.

Groups and generations
    A cached page or value declares the groups of data it shows ("dip": the published DIP;
    "beranda": anything the home page summarises). Each group has a generation token that is
    part of every cache key. `invalidate("dip")`, called by the service that publishes or changes
    what the public sees (e.g. `informasi.workflow.version_publish`), replaces the token: from the
    next request on no old entry is found, and the old entries simply age out. The token is
    replaced at once and again when the transaction commits, so a page rendered from the old data
    while the change was being written is not kept either.

    Tokens live where every worker process sees them: in the cache itself when it is shared
    (Redis, REDIS_URL), or, with the default local-memory cache (one per gunicorn worker), in one
    tiny stamp file per group (`PPID_CACHE_STAMP_DIR`, a private folder under the system's temp
    directory by default). A local-memory cache on several servers would not see each other's
    stamps: an installation with more than one application server sets REDIS_URL.

    Two groups are renewed here for every app: "unit" whenever a unit kerja is saved or deleted
    (its name is on many public pages), and "beranda" whenever an audit record is written
    (`ppid_portal.audit.record`, called by every workflow step of every app), so a page that sums
    up the portal's activity can declare it.

Which pages (`PublicPageCacheMixin`, `public_page`)
    Only GET requests of anonymous visitors who have no pending messages, answered 200 by a view
    that opted in, with no cookie set by the view and no `private`/`no-store` Cache-Control (the
    tracking pages of `PrivatePageMixin` and signed-in pages never qualify). The key holds the
    host, the full path with its query, the language and the group tokens. What differs per
    visitor on such a page is put back on every hit: the CSRF token of a form (the language
    switcher of base.html) and the CSP nonce. `PPID_PAGE_CACHE = False` switches pages off
    (public data caching stays on).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterable
from functools import partial, wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

logger = logging.getLogger(__name__)

PAGE_SECONDS_DEFAULT = 24 * 60 * 60
CSRF_PLACEHOLDER = b"__ppid_csrf_token__"
NONCE_PLACEHOLDER = b"__ppid_csp_nonce__"
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,128}(")')
_GROUP = re.compile(r"^[a-z0-9_.:-]{1,60}$")


# ----------------------------------------------------------------------------- generations


def _process_local() -> bool:
    """True when each process has its own cache, so generations need a shared stamp file."""
    return isinstance(caches["default"], LocMemCache | DummyCache)


_stamp_dirs: dict[tuple, str] = {}


def stamp_dir() -> Path:
    """The folder of the generation stamps: one per installation and database."""
    configured = getattr(settings, "PPID_CACHE_STAMP_DIR", "")
    if configured:
        return Path(configured)
    db = connections["default"].settings_dict
    ident = (str(settings.BASE_DIR), db.get("ENGINE"), db.get("NAME"), db.get("HOST"))
    folder = _stamp_dirs.get(ident)
    if folder is None:
        digest = hashlib.sha256("|".join(map(str, ident)).encode()).hexdigest()[:16]
        folder = _stamp_dirs[ident] = os.path.join(
            tempfile.gettempdir(), f"ppid-cache-{os.getuid()}-{digest}"
        )
    return Path(folder)


def _check(group: str) -> str:
    if not _GROUP.match(group):
        raise ValueError(f"invalid cache group {group!r}")
    return group


# Groups whose token this process read since it last renewed them: only those need a renewal
# at once inside a transaction that has already renewed them (see `invalidate`).
_read_since_renewal: set[str] = set()


def generation(group: str) -> str:
    """The current token of `group`."""
    _check(group)
    _read_since_renewal.add(group)
    if _process_local():
        try:
            with open(os.path.join(stamp_dir(), group), encoding="ascii") as stamp:
                return stamp.read() or "0"
        except (FileNotFoundError, NotADirectoryError):
            return "0"
        except OSError:
            # Unreadable (another user's folder): serve nothing from the cache rather than a
            # page that may be stale.
            logger.exception("Stempel cache %s tidak dapat dibaca", group)
            return secrets.token_hex(8)
    key = f"ppid:gen:{group}"
    token = cache.get(key)
    if token is None:
        cache.add(key, secrets.token_hex(8), None)
        token = cache.get(key, "0")
    return token


def generations(groups: Iterable[str]) -> str:
    return ".".join(generation(group) for group in groups)


def _renew(group: str) -> None:
    _read_since_renewal.discard(group)
    token = secrets.token_hex(8)
    if _process_local():
        folder = stamp_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = folder / f".{group}.{token}"
        temporary.write_text(token)
        os.replace(temporary, folder / group)
    else:
        cache.set(f"ppid:gen:{group}", token, None)


def _renew_safely(group: str) -> None:
    # A cache that cannot be written (Redis down, stamp folder not writable) must not fail the
    # workflow step that changed the data; it is logged, and entries still age out.
    try:
        _renew(group)
    except Exception:  # noqa: BLE001 - any failure of the cache backend or the file system
        logger.exception("Generasi cache %s tidak dapat diperbarui", group)


def invalidate(*groups: str) -> None:
    """Drop every cached page and value of `groups`: now, and again once the current
    transaction commits (a page rendered from the old rows in between is not kept)."""
    connection = connections["default"]
    for group in groups:
        _check(group)
        pending = connection.in_atomic_block and any(
            getattr(f, "ppid_group", None) == group for _s, f, _r in connection.run_on_commit
        )
        if pending:
            # Renewed already in this transaction and again on commit. Once more now only if
            # this process has read the token since (a page or value kept meanwhile, seeing
            # this transaction's rows): an import of 10,000 rows writes 10,000 audit records.
            if group in _read_since_renewal:
                _renew_safely(group)
            continue
        _renew_safely(group)
        if not connection.in_atomic_block:
            continue
        # A rolled-back savepoint drops its callbacks: the next change registers one again.
        callback = partial(_renew_safely, group)
        callback.ppid_group = group
        transaction.on_commit(callback, robust=True)


def memo(name: str, groups: Iterable[str], compute: Callable[[], Any], *, seconds=None) -> Any:
    """The value of `compute()`, kept in the cache until one of `groups` is invalidated. None
    is never kept (it is what "nothing published yet" looks like)."""
    groups = tuple(groups)
    key = "ppid:memo:" + hashlib.sha256(f"{name}|{generations(groups)}".encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, seconds or PAGE_SECONDS_DEFAULT)
    return value


# ----------------------------------------------------------------------------- pages


def pages_enabled() -> bool:
    return bool(getattr(settings, "PPID_PAGE_CACHE", True))


def _page_seconds() -> int:
    return int(getattr(settings, "PPID_PAGE_CACHE_SECONDS", PAGE_SECONDS_DEFAULT))


def _may_use_cache(request) -> bool:
    if request.method != "GET" or not pages_enabled():
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    # A pending message ("your session ended") is part of the page for this visitor only.
    return storage is None or len(storage) == 0


def _page_key(request, groups: tuple[str, ...]) -> str:
    ident = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            generations(groups),
        )
    )
    return "ppid:page:" + hashlib.sha256(ident.encode()).hexdigest()


def _storable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


def _freeze(request, response) -> dict:
    content = _CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str) and nonce:
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    return {"content": content, "status": response.status_code, "headers": list(response.items())}


def _thaw(request, entry: dict) -> HttpResponse:
    content = entry["content"]
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    if NONCE_PLACEHOLDER in content:
        content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def serve_cached(request, groups: tuple[str, ...], render: Callable[[], Any]):
    """Answer from the cache when this request may be, else render and keep the result."""
    if not _may_use_cache(request):
        return render()
    key = _page_key(request, groups)
    entry = cache.get(key)
    if entry is not None:
        return _thaw(request, entry)
    response = render()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    # Checked again after rendering: the page itself may have added a message.
    if _storable(response) and _may_use_cache(request):
        cache.set(key, _freeze(request, response), _page_seconds())
    return response


def public_page(*groups: str):
    """Decorator for a public function view (or `method_decorator(..., name="dispatch")`)."""
    groups = tuple(_check(g) for g in groups)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return serve_cached(request, groups, lambda: view(request, *args, **kwargs))

        wrapper.ppid_cache_groups = groups
        return wrapper

    return decorator


class PublicPageCacheMixin:
    """Class-based public views: set `cache_groups`. Put it after the access mixin, so the
    view's rule is checked on every request, cached or not."""

    cache_groups: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.cache_groups:
            cls.cache_groups = tuple(_check(g) for g in cls.cache_groups)

    def dispatch(self, request, *args, **kwargs):
        if not self.cache_groups:
            raise ValueError(f"{type(self).__name__} declares no cache_groups")
        return serve_cached(
            request,
            self.cache_groups,
            lambda: super(PublicPageCacheMixin, self).dispatch(request, *args, **kwargs),
        )


# ----------------------------------------------------------------------------- signals


def _audit_recorded(sender, instance, created: bool, **kwargs) -> None:
    if created:
        invalidate("beranda")


def _unit_changed(sender, instance, **kwargs) -> None:
    invalidate("unit")


post_save.connect(_audit_recorded, sender="portal.AuditLog", dispatch_uid="ppid_cache_audit")
post_save.connect(_unit_changed, sender="portal.UnitKerja", dispatch_uid="ppid_cache_unit_s")
post_delete.connect(_unit_changed, sender="portal.UnitKerja", dispatch_uid="ppid_cache_unit_d")
