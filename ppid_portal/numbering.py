"""Number series: the one mechanism behind every number the portal issues.

A series is named "<app>.<what>" ("permohonan.keberatan", "informasi.penetapan",
"arsip.berita_acara") and counts per year, or for ever (`NO_YEAR`, e.g. DIP versions). Its last
number lives in one `NomorUrut` row.

`take()` runs inside the transaction that stores the number. The counter row is locked until that
transaction ends, so two documents never share a number, and a transaction that rolls back gives
its number back: no number is skipped. PostgreSQL locks the row (SELECT … FOR UPDATE); SQLite
has no row locks but the portal opens IMMEDIATE transactions, which serialise writers.

Never number with `Max(...) + 1` or `count() + 1` and a retry on IntegrityError: two writers see
the same maximum, and a retry after a rollback can skip a number.

A federation of offices will scope series per office: the key becomes (series, office, year) and
`take()` grows an `office` argument; callers that do not pass one keep the office-wide series.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.transaction import TransactionManagementError

from .models import NomorUrut

# `tahun` of a series that never restarts.
NO_YEAR = 0

ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _locked(series: str, year: int) -> NomorUrut:
    if not transaction.get_connection().in_atomic_block:
        # Outside a transaction the lock would end before the number is stored.
        raise TransactionManagementError(
            "numbering: a number must be taken inside the transaction that stores it"
        )
    counter = NomorUrut.objects.select_for_update().filter(seri=series, tahun=year).first()
    if counter is None:
        # The first number of a year: a concurrent creator of the same row is waited for
        # (ON CONFLICT DO NOTHING / INSERT OR IGNORE), never duplicated.
        NomorUrut.objects.bulk_create(
            [NomorUrut(seri=series, tahun=year, terakhir=0)], ignore_conflicts=True
        )
        counter = NomorUrut.objects.select_for_update().get(seri=series, tahun=year)
    return counter


def take(series: str, *, year: int = NO_YEAR) -> int:
    """The next number of `series` in `year` (1, 2, 3 …), locked until the caller's
    transaction ends. Raises TransactionManagementError outside a transaction."""
    counter = _locked(series, year)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir


def last(series: str, *, year: int = NO_YEAR) -> int:
    """The last number issued (0 if none); a reading, not a reservation."""
    return (
        NomorUrut.objects.filter(seri=series, tahun=year).values_list("terakhir", flat=True).first()
        or 0
    )


def raise_to(series: str, *, year: int = NO_YEAR, value: int) -> None:
    """Make the counter at least `value`, for a loader that wrote numbers itself (a benchmark
    data set, an import of an older register). Never lowers it."""
    with transaction.atomic():
        counter = _locked(series, year)
        if counter.terakhir < value:
            counter.terakhir = value
            counter.save(update_fields=["terakhir"])


def format_number(pattern: str, *, urut: int, day: date, setting: str) -> str:
    """Fill an office's number pattern. Fields: {urut} (the sequence), {tahun}, {bulan} (01–12)
    and {bulan_romawi} (I–XII) of `day`. `setting` names where the pattern came from, for the
    error a wrong pattern raises."""
    try:
        return pattern.format(
            urut=urut, tahun=day.year, bulan=f"{day.month:02d}", bulan_romawi=ROMAN[day.month]
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise ImproperlyConfigured(f"{setting} tidak sah: {pattern!r} ({exc})") from exc
