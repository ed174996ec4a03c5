"""Page views per day, counted by the portal itself without personal data.

Counting every view with a database write would put a write on every public request; views are
summed in memory per worker and written in one small batch every `PPID_PAGEVIEW_FLUSH_EVERY` views
or `PPID_PAGEVIEW_FLUSH_SECONDS` seconds (and when the worker exits). A crash loses at most that
batch, which is acceptable for a statistic.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections import Counter
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .access import user_roles

# First path segment → site section. Anything else public counts as "lainnya".
SECTIONS = {
    "": "beranda",
    "informasi": "informasi",
    "permohonan": "permohonan",
    "arsip": "arsip",
    "profil": "profil",
    "regulasi": "regulasi",
    "statistik": "statistik",
}
# Never counted: staff work, the admin site, files, machine-readable routes.
EXCLUDED_PREFIXES = ("staf", "admin", "static", "i18n", "masuk", "keluar", "sitemap.xml")

_lock = threading.Lock()
_pending: Counter[tuple[date, str]] = Counter()
_last_flush = time.monotonic()


def section_for(path: str) -> str | None:
    segments = [s for s in path.split("/") if s]
    first = segments[0] if segments else ""
    if first in EXCLUDED_PREFIXES or "staf" in segments or "api" in segments:
        return None
    return SECTIONS.get(first, "lainnya")


def count(request, response) -> None:
    if request.method != "GET" or response.status_code != 200:
        return
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    if user_roles(request.user):
        return  # staff browsing is work, not a visit
    section = section_for(request.path)
    if section is None:
        return
    global _last_flush
    with _lock:
        _pending[(timezone.localdate(), section)] += 1
        due = sum(_pending.values()) >= getattr(settings, "PPID_PAGEVIEW_FLUSH_EVERY", 50) or (
            time.monotonic() - _last_flush >= getattr(settings, "PPID_PAGEVIEW_FLUSH_SECONDS", 60)
        )
    if due:
        flush()


def flush() -> None:
    from .models import KunjunganHarian

    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    for (day, section), hits in batch.items():
        updated = KunjunganHarian.objects.filter(tanggal=day, bagian=section).update(
            jumlah=F("jumlah") + hits
        )
        if updated:
            continue
        try:
            with transaction.atomic():
                KunjunganHarian.objects.create(tanggal=day, bagian=section, jumlah=hits)
        except IntegrityError:
            KunjunganHarian.objects.filter(tanggal=day, bagian=section).update(
                jumlah=F("jumlah") + hits
            )


def discard_pending() -> None:
    """Forget unsaved counts and restart the flush interval (tests start from a clean slate: a
    test that counts queries must not pay for a flush that a slow earlier test made due)."""
    global _last_flush
    with _lock:
        _pending.clear()
        _last_flush = time.monotonic()


def _flush_at_exit() -> None:
    try:
        if _pending:
            flush()
    except Exception:  # noqa: BLE001, S110 - the database may already be gone at exit
        pass


atexit.register(_flush_at_exit)


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        count(request, response)
        return response
