"""Numbering of requests, objections and notices: `format_nomor` renders the office's format
(`conf.nomor_format`), `take_number` takes the next gapless number of a year inside the caller's
transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ImproperlyConfigured

from .. import conf
from ..models import NomorUrut

ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_nomor(jenis: str, urut: int, day: date) -> str:
    fmt = conf.nomor_format(jenis)
    try:
        return fmt.format(
            urut=urut, tahun=day.year, bulan=f"{day.month:02d}", bulan_romawi=ROMAN[day.month]
        )
    except (KeyError, IndexError, ValueError) as exc:
        raise ImproperlyConfigured(f"Format nomor {jenis} tidak sah: {fmt!r} ({exc})") from exc


def take_number(jenis: str, day: date) -> tuple[int, int, str]:
    """The next number of `jenis` in `day`'s year: (year, sequence, formatted).

    Must run inside the transaction that stores the number. The counter row is created if
    missing (a concurrent creator is waited for, not duplicated) and then locked until commit,
    so two requests never share a number, and a rolled-back request gives its number back:
    unique and gapless on PostgreSQL and on SQLite (whose IMMEDIATE transactions serialise
    writers).
    """
    NomorUrut.objects.bulk_create(
        [NomorUrut(jenis=jenis, tahun=day.year, terakhir=0)], ignore_conflicts=True
    )
    counter = NomorUrut.objects.select_for_update().get(jenis=jenis, tahun=day.year)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return day.year, counter.terakhir, format_nomor(jenis, counter.terakhir, day)
