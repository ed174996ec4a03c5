"""Legal deadlines of requests and objections: pure functions over dates and a holiday set.

Nothing here reads the database or the clock (the `*_q()` functions build filters; they do
not run them). The numbers come from an `AturanHari` (a snapshot
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

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


# ---------------------------------------------------------------------------------------------
# The keberatan window: when the ground arose (UU 14/2008 Ps 35(1), 36(1))


def decision_ground(notice_on: date, delivered_on: date | None) -> date:
    """UU 14/2008 Ps 36(1): the period runs from the ground arising; for a written notice that
    is the notice itself, or its delivery when that came later."""
    if delivered_on is not None and delivered_on > notice_on:
        return delivered_on
    return notice_on


def keberatan_ground(permohonan: Any, today: date) -> date | None:
    """When the ground for a keberatan arose, or None while there is none yet.

    Ground c of Ps 35(1) (a request not answered): the last day of the notice period, once it
    has passed; otherwise the written notice in force (or its later delivery). Reads the
    request's `keputusan_aktif`: select it with the request.
    """
    if is_overdue(permohonan, today, clock=PEMBERITAHUAN):
        return permohonan.tenggat_pemberitahuan
    keputusan = permohonan.keputusan_aktif if permohonan.keputusan_aktif_id else None
    if keputusan is None:
        return None
    return decision_ground(keputusan.tanggal, keputusan.disampaikan_pada)


# ---------------------------------------------------------------------------------------------
# Due soon and overdue: the one rule behind the pages, the queues, the reminders, the
# statistics and the workflow. `deadline_state()` judges one object in Python; the `*_q()`
# builders give the same judgement as a database filter. Both read the same `Clock` table and
# the same limit (`soon_limit`), and a test checks that they agree.


class DeadlineState(StrEnum):
    # No period runs in this state (answered, decided, withdrawn, closed).
    CLOSED = "closed"
    OK = "ok"
    # The due date is today or at most `soon` working days away (PPID_PENGINGAT_HARI).
    DUE_SOON = "due_soon"
    # The due date has passed: the day after the last day of the period.
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Clock:
    """A period someone owes an act in: the model, its stored due date, the states it runs in."""

    model: str
    field: str
    states: tuple[str, ...]
    title: Any


# UU 14/2008 Ps 22(7), (8): the PPID owes the written notice from receipt until it is issued.
# The clock does not run while the applicant completes the request (see JamKelengkapan).
PEMBERITAHUAN = Clock(
    "permohonan.permohonan",
    "tenggat_pemberitahuan",
    ("baru", "diverifikasi", "diproses"),
    gettext_lazy("Batas pemberitahuan tertulis"),
)
# Office practice (AturanHari.melengkapi): the applicant completes an incomplete request; once
# the period has passed the Desk may close it (gugur).
MELENGKAPI = Clock(
    "permohonan.permohonan",
    "tenggat_melengkapi",
    ("perlu_dilengkapi",),
    gettext_lazy("Batas pemohon melengkapi"),
)
# UU 14/2008 Ps 36(2): the Atasan PPID answers a keberatan within 30 working days.
TANGGAPAN = Clock(
    "permohonan.keberatan",
    "tenggat_tanggapan",
    ("diajukan",),
    gettext_lazy("Batas tanggapan Atasan PPID"),
)
CLOCKS = (PEMBERITAHUAN, MELENGKAPI, TANGGAPAN)


def _subject(obj: Any) -> Any:
    # An assignment (disposisi) runs on its request's clock.
    if obj._meta.label_lower == "permohonan.disposisi":
        return obj.permohonan
    return obj


def running_clock(obj: Any) -> Clock | None:
    """The clock that runs for a request, objection or assignment in its present state."""
    obj = _subject(obj)
    label = obj._meta.label_lower
    return next((c for c in CLOCKS if c.model == label and obj.status in c.states), None)


def due_date(obj: Any) -> date | None:
    """The due date that matters now, or None when no period runs."""
    clock = running_clock(obj)
    return getattr(_subject(obj), clock.field) if clock else None


def soon_limit(today: date, holidays: Collection[date], *, soon: int) -> date:
    """The last due date that still counts as due soon."""
    return add_working_days(today, soon, holidays)


def state_of(due: date | None, today: date, limit: date) -> DeadlineState:
    """The rule itself, for a due date of a running period (None: no period runs)."""
    if due is None:
        return DeadlineState.CLOSED
    if due < today:
        return DeadlineState.OVERDUE
    if due <= limit:
        return DeadlineState.DUE_SOON
    return DeadlineState.OK


def deadline_state(
    obj: Any, today: date, holidays: Collection[date], *, soon: int, clock: Clock | None = None
) -> DeadlineState:
    """Whether a request, objection or assignment is due soon or overdue on `today`.

    `clock` judges that period only (CLOSED when it does not run); by default the one that runs.
    """
    running = running_clock(obj)
    if running is None or (clock is not None and running is not clock):
        return DeadlineState.CLOSED
    return state_of(due_date(obj), today, soon_limit(today, holidays, soon=soon))


def is_overdue(obj: Any, today: date, *, clock: Clock | None = None) -> bool:
    """The overdue half of `deadline_state`, which needs no calendar."""
    return deadline_state(obj, today, (), soon=0, clock=clock) is DeadlineState.OVERDUE


def _running_q(clock: Clock, prefix: str) -> Q:
    return Q(**{f"{prefix}status__in": clock.states, f"{prefix}{clock.field}__isnull": False})


def deadline_q(
    clock: Clock,
    state: DeadlineState,
    today: date,
    holidays: Collection[date],
    *,
    soon: int,
    prefix: str = "",
) -> Q:
    """The rows of `clock`'s model (through `prefix`, e.g. "permohonan__") in `state`."""
    field = f"{prefix}{clock.field}"
    if state is DeadlineState.CLOSED:
        return ~Q(**{f"{prefix}status__in": clock.states}) | Q(**{f"{field}__isnull": True})
    if state is DeadlineState.OVERDUE:
        return overdue_q(clock, today, prefix=prefix)
    limit = soon_limit(today, holidays, soon=soon)
    if state is DeadlineState.DUE_SOON:
        return _running_q(clock, prefix) & Q(**{f"{field}__gte": today, f"{field}__lte": limit})
    return _running_q(clock, prefix) & Q(**{f"{field}__gt": limit})


def overdue_q(clock: Clock, today: date, *, prefix: str = "") -> Q:
    return _running_q(clock, prefix) & Q(**{f"{prefix}{clock.field}__lt": today})


def due_soon_q(
    clock: Clock, today: date, holidays: Collection[date], *, soon: int, prefix: str = ""
) -> Q:
    return deadline_q(clock, DeadlineState.DUE_SOON, today, holidays, soon=soon, prefix=prefix)


def needs_attention_q(
    clock: Clock, today: date, holidays: Collection[date], *, soon: int, prefix: str = ""
) -> Q:
    """Due soon or overdue: what the staff queues and the daily reminders list."""
    limit = soon_limit(today, holidays, soon=soon)
    return _running_q(clock, prefix) & Q(**{f"{prefix}{clock.field}__lte": limit})
