"""Numbers of requests, objections and notices: the office's formats (`conf.nomor_format`) over
the portal's gapless series (`ppid_portal.numbering`), one series per kind (`JenisNomor`) and
year, named "permohonan.<jenis>"."""

from __future__ import annotations

from datetime import date

from ppid_portal import numbering
from ppid_portal.numbering import ROMAN

from .. import conf

__all__ = ["ROMAN", "format_nomor", "nomor_seri", "take_number"]


def nomor_seri(jenis: str) -> str:
    """The `ppid_portal.numbering` series of a `JenisNomor`."""
    return f"permohonan.{jenis}"


def format_nomor(jenis: str, urut: int, day: date) -> str:
    return numbering.format_number(
        conf.nomor_format(jenis), urut=urut, day=day, setting=f"Format nomor {jenis}"
    )


def take_number(jenis: str, day: date) -> tuple[int, int, str]:
    """The next number of `jenis` in `day`'s year: (year, sequence, formatted).

    Runs inside the transaction that stores the number; the series stays locked until it ends,
    so two documents never share a number and a rolled-back one gives its number back.
    """
    urut = numbering.take(nomor_seri(jenis), year=day.year)
    return day.year, urut, format_nomor(jenis, urut, day)
