"""The office calendar in the database, filled per year from the `holidays` package."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays as holidays_pkg
from django.db import IntegrityError, transaction

from .models import HariLibur, KalenderTahun


def fill_year(year: int) -> int:
    """Copy Indonesia's public holidays and cuti bersama of `year` into the calendar once.

    Days the office already has (added, or turned back into working days) are left alone, and a
    year is filled only once so a removed day does not come back. Returns the days added.
    """
    if KalenderTahun.objects.filter(tahun=year).exists():
        return 0
    national = holidays_pkg.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    added = 0
    try:
        with transaction.atomic():
            KalenderTahun.objects.create(tahun=year)
            existing = set(
                HariLibur.objects.filter(tanggal__year=year).values_list("tanggal", flat=True)
            )
            rows = []
            for day, name in sorted(national.items()):
                if day in existing:
                    continue
                rows.append(
                    HariLibur(
                        tanggal=day,
                        nama=str(name)[:200],
                        libur=True,
                        sumber=HariLibur.Sumber.NASIONAL,
                    )
                )
            HariLibur.objects.bulk_create(rows)
            added = len(rows)
    except IntegrityError:
        # Another process filled the same year at the same moment.
        return 0
    return added


def load_holidays(years: Iterable[int]) -> frozenset[date]:
    """The non-working weekdays of the given years, filling any year not yet in the database."""
    years = sorted(set(years))
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
