"""The office calendar in the database, filled per year from the `holidays` package."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

import holidays as holidays_pkg
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save

from .models import HariLibur, KalenderTahun


@functools.lru_cache(maxsize=32)
def national_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """Indonesia's public holidays and cuti bersama of `year` from the `holidays` package, computed
    once per process (the package's rules are code: they change only with a new release)."""
    national = holidays_pkg.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    return tuple((day, str(name)[:200]) for day, name in sorted(national.items()))


def fill_year(year: int) -> int:
    """Copy Indonesia's public holidays and cuti bersama of `year` into the calendar once.

    Days the office already has (added, or turned back into working days) are left alone, and a
    year is filled only once so a removed day does not come back. Returns the days added.
    """
    if KalenderTahun.objects.filter(tahun=year).exists():
        return 0
    added = 0
    try:
        with transaction.atomic():
            KalenderTahun.objects.create(tahun=year)
            existing = set(
                HariLibur.objects.filter(tanggal__year=year).values_list("tanggal", flat=True)
            )
            rows = []
            for day, name in national_holidays(year):
                if day in existing:
                    continue
                rows.append(
                    HariLibur(
                        tanggal=day,
                        nama=name,
                        libur=True,
                        sumber=HariLibur.Sumber.NASIONAL,
                    )
                )
            HariLibur.objects.bulk_create(rows)
            added = len(rows)
    except IntegrityError:
        # Another process filled the same year at the same moment.
        return 0
    invalidate_cache()
    return added


# Every deadline shown on a page needs the holiday set; it changes a few times a year. It is
# cached and the cache is dropped whenever a day is added, changed or removed (signals below).
# With the per-process default cache another worker may see the old set for at most
# CACHE_SECONDS; with REDIS_URL all workers see the change at once.
CACHE_SECONDS = 300
_CACHE_VERSION_KEY = "ppid:kalender:versi"


def _cache_version() -> int:
    version = cache.get(_CACHE_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_CACHE_VERSION_KEY, version, None)
    return version


def invalidate_cache(**kwargs) -> None:
    try:
        cache.incr(_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(_CACHE_VERSION_KEY, 2, None)


def load_holidays(years: Iterable[int]) -> frozenset[date]:
    """The non-working weekdays of the given years, filling any year not yet in the database."""
    years = sorted(set(years))
    key = f"ppid:kalender:{_cache_version()}:{','.join(map(str, years))}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    result = _load_holidays(years)
    cache.set(key, result, CACHE_SECONDS)
    return result


def _load_holidays(years: list[int]) -> frozenset[date]:
    filled = set(KalenderTahun.objects.filter(tahun__in=years).values_list("tahun", flat=True))
    for year in years:
        if year not in filled:
            fill_year(year)
    return frozenset(
        HariLibur.objects.filter(tanggal__year__in=years, libur=True).values_list(
            "tanggal", flat=True
        )
    )


def holidays_around(day: date, *, years_after: int = 1) -> frozenset[date]:
    """Holidays for the year of `day` and the following years: enough for any legal deadline
    starting on `day` (the longest, 30 working days plus 7, never spans more than two years)."""
    return load_holidays(range(day.year, day.year + years_after + 1))


for _model in (HariLibur, KalenderTahun):
    post_save.connect(invalidate_cache, sender=_model, dispatch_uid=f"kalender-{_model.__name__}-s")
    post_delete.connect(
        invalidate_cache, sender=_model, dispatch_uid=f"kalender-{_model.__name__}-d"
    )
