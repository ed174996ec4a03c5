"""Legal deadlines of requests and objections: pure functions over dates and a holiday set.

Nothing here reads the database or the clock. The numbers come from an `AturanHari` (a snapshot
of the office's `AturanTenggat` taken when a request is received); the holidays from
`ppid_portal.calendar.holidays_around()`. Every period counts working days from the next working
day after the event (`ppid_portal.workdays.add_working_days`).

Sources: UU 14/2008 (KIP) Ps 22, 35, 36, 37; Perki 1/2021 (Standar Layanan Informasi Publik),
which repeats the same periods; Perki 1/2019 (election information) lets an office use shorter
ones, hence the numbers are data, not constants.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _

from ppid_portal.workdays import add_working_days, working_days_between


class DeadlineError(ValueError):
    """A deadline rule refuses the request (the message is for the person acting)."""


class JamKelengkapan(StrEnum):
    """What happens to the 10-day clock while the applicant completes a request."""

    # The request counts as received when it is complete: the full period starts again.
    MULAI_ULANG = "mulai_ulang"
    # The clock stops while the applicant completes and resumes with the days that were left.
    JEDA = "jeda"
    # The clock keeps running from the first receipt.
    BERJALAN = "berjalan"


@dataclass(frozen=True)
class AturanHari:
    """The numbers of working days one request is handled under."""

    # UU 14/2008 Ps 22(7): written notice at the latest 10 working days after receipt.
    pemberitahuan: int = 10
    # UU 14/2008 Ps 22(8): one extension of at most 7 working days, with written reasons.
    perpanjangan_maks: int = 7
    # UU 14/2008 Ps 36(1): a keberatan within 30 working days after the ground (Ps 35(1)) arose.
    keberatan: int = 30
    # UU 14/2008 Ps 36(2): the Atasan PPID answers within 30 working days of receipt.
    tanggapan_atasan: int = 30
    # UU 14/2008 Ps 37(2): a sengketa to the Komisi Informasi within 14 working days after the
    # Atasan's written answer is received.
    sengketa: int = 14
    # Office practice (KPU SOP; check locally): the desk checks completeness within 3 working
    # days and the applicant has 3 working days to complete.
    pemeriksaan_kelengkapan: int = 3
    melengkapi: int = 3
    jam_kelengkapan: str = JamKelengkapan.MULAI_ULANG.value
    # UU 14/2008 Ps 36 and Perki 1/2021 say the PPID carries out an upheld keberatan without
    # naming a period; the office sets one (check locally).
    pelaksanaan_keberatan: int = 10

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> AturanHari:
        """Rebuild from a stored snapshot; missing keys take the legal defaults."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


@dataclass(frozen=True)
class Jam:
    """The notice clock: `hari` working days counted from the day after `mulai`."""

    mulai: date
    hari: int


def notice_clock(received: date, rules: AturanHari) -> Jam:
    # UU 14/2008 Ps 22(7): "paling lambat 10 hari kerja sejak diterimanya permintaan".
    return Jam(received, rules.pemberitahuan)


def notice_due(clock: Jam, holidays: Collection[date], *, extension_days: int = 0) -> date:
    """The last day for the written notice, including an extension (Ps 22(8)).

    Adding working days is sequential, so the extension counted from the original due date
    equals counting `hari + extension_days` from the start.
    """
    return add_working_days(clock.mulai, clock.hari + extension_days, holidays)


def check_extension(
    *,
    already_extended: bool,
    days: int,
    reason: str,
    today: date,
    due: date,
    rules: AturanHari,
) -> None:
    """UU 14/2008 Ps 22(8): once, at most `perpanjangan_maks` working days, with written reasons,
    and announced before the original period has run out."""
    if already_extended:
        raise DeadlineError(_("Jangka waktu permohonan ini sudah pernah diperpanjang."))
    if days < 1 or days > rules.perpanjangan_maks:
        raise DeadlineError(
            _("Perpanjangan harus antara 1 dan %(maks)d hari kerja.")
            % {"maks": rules.perpanjangan_maks}
        )
    if not (reason or "").strip():
        raise DeadlineError(_("Alasan perpanjangan wajib ditulis."))
    if today > due:
        raise DeadlineError(
            _(
                "Batas waktu pemberitahuan (%(due)s) sudah terlewati; perpanjangan harus "
                "disampaikan sebelum batas waktu berakhir."
            )
            % {"due": due.strftime("%d-%m-%Y")}
        )


def check_due(received: date, rules: AturanHari, holidays: Collection[date]) -> date:
    """The day by which the desk should have checked the request for completeness."""
    return add_working_days(received, rules.pemeriksaan_kelengkapan, holidays)


def completion_due(marked: date, rules: AturanHari, holidays: Collection[date]) -> date:
    """The day by which the applicant should complete a request marked perlu dilengkapi."""
    return add_working_days(marked, rules.melengkapi, holidays)


def clock_after_completion(
    clock: Jam,
    *,
    rules: AturanHari,
    paused_on: date,
    completed_on: date,
    holidays: Collection[date],
) -> Jam:
    """The notice clock once the applicant has completed the request.

    MULAI_ULANG: the full period from the completion; JEDA: the days that were left when the
    request was marked incomplete (at least one); BERJALAN: unchanged.
    """
    rule = JamKelengkapan(rules.jam_kelengkapan)
    if rule is JamKelengkapan.MULAI_ULANG:
        return Jam(completed_on, rules.pemberitahuan)
    if rule is JamKelengkapan.JEDA:
        used = max(working_days_between(clock.mulai, paused_on, holidays), 0)
        return Jam(completed_on, max(clock.hari - used, 1))
    return clock


def keberatan_last_day(ground_arose: date, rules: AturanHari, holidays: Collection[date]) -> date:
    # UU 14/2008 Ps 36(1): "paling lambat 30 hari kerja setelah ditemukannya alasan".
    return add_working_days(ground_arose, rules.keberatan, holidays)


def keberatan_in_time(
    ground_arose: date, filed_on: date, rules: AturanHari, holidays: Collection[date]
) -> bool:
    return filed_on <= keberatan_last_day(ground_arose, rules, holidays)


def atasan_due(filed_on: date, rules: AturanHari, holidays: Collection[date]) -> date:
    # UU 14/2008 Ps 36(2): the Atasan PPID answers within 30 working days of receipt.
    return add_working_days(filed_on, rules.tanggapan_atasan, holidays)


def sengketa_last_day(answered_on: date, rules: AturanHari, holidays: Collection[date]) -> date:
    # UU 14/2008 Ps 37(2): 14 working days after the Atasan's written answer.
    return add_working_days(answered_on, rules.sengketa, holidays)


def reopened_clock(decided_on: date, rules: AturanHari) -> Jam:
    """The PPID's period to carry out a keberatan the Atasan upheld (mengabulkan)."""
    return Jam(decided_on, rules.pelaksanaan_keberatan)


def days_left(due: date, today: date, holidays: Collection[date]) -> int:
    """Working days from today up to the due date: 0 on the day itself, negative when late."""
    return working_days_between(today, due, holidays)


class Keadaan(StrEnum):
    AMAN = "aman"
    SEGERA = "segera"
    HARI_INI = "hari_ini"
    TERLAMBAT = "terlambat"


def state(due: date, today: date, holidays: Collection[date], *, soon: int = 2) -> Keadaan:
    if today > due:
        return Keadaan.TERLAMBAT
    if today == due:
        return Keadaan.HARI_INI
    if days_left(due, today, holidays) <= soon:
        return Keadaan.SEGERA
    return Keadaan.AMAN
