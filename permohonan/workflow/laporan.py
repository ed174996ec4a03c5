"""The annual report on the information service (laporan layanan informasi publik; Perki 1/2021,
see docs/laporan.md): a draft per year, approval that freezes the figures, stores the PDF
and XLSX and sends the report into the DIP through `informasi.workflow`, and cancellation."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from informasi import workflow as dip_workflow
from ppid_portal.files import discard_on_rollback
from ppid_portal.models import UnitKerja, User
from ppid_portal.roles import Role
from ppid_portal.statistik import Periode

from .. import laporan as dokumen_laporan
from .. import notifications
from ..models import LaporanTahunan
from ._common import (
    LS,
    _audit,
    _check_transition,
    _lock,
    _new_status,
    _now,
    _set_status,
    _staff,
    _staff_mail,
    _text,
    _today,
)

# ---------------------------------------------------------------------------------------------
# Laporan layanan informasi publik (annual report)

# The Komisi Informasi was formed under UU 14/2008, in force from 30 April 2010.
LAPORAN_TAHUN_PERTAMA = 2010


@transaction.atomic
def laporan_create(*, actor: User, tahun: int, at: datetime | None = None) -> LaporanTahunan:
    """None → DRAF. PPID only, for a year that has begun; one draft per year at a time. The
    narrative starts from the last approved report of the same year (a revision) or of the
    year before, so the PPID edits what changed."""
    _staff(actor, "laporan.kelola")
    today = _today(at)
    if not isinstance(tahun, int) or not LAPORAN_TAHUN_PERTAMA <= tahun <= today.year:
        raise ValidationError(
            {
                "tahun": _("Tahun laporan harus antara %(a)d dan %(b)d.")
                % {"a": LAPORAN_TAHUN_PERTAMA, "b": today.year}
            }
        )
    if LaporanTahunan.objects.filter(tahun=tahun, status=LS.DRAF).exists():
        raise ValidationError({"tahun": _("Sudah ada draf laporan tahun %(t)d.") % {"t": tahun}})
    source = (
        LaporanTahunan.objects.filter(
            tahun__in=[tahun, tahun - 1], status__in=[LS.DISETUJUI, LS.DIGANTIKAN]
        )
        .order_by("-tahun", "-disetujui_pada", "-id")
        .first()
    )
    now = _now(at)
    laporan = LaporanTahunan(
        tahun=tahun,
        dibuat_oleh=actor,
        dibuat_pada=now,
        diubah_oleh=actor,
        diubah_pada=now,
        **{name: getattr(source, name) if source else "" for name in LaporanTahunan.NARASI},
    )
    _new_status(laporan, "laporan", LS.DRAF)
    try:
        with transaction.atomic():
            laporan.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"tahun": _("Sudah ada draf laporan tahun %(t)d.") % {"t": tahun}}
        ) from exc
    note = _("Narasi disalin dari laporan tahun %(t)d") % {"t": source.tahun} if source else ""
    _audit(actor, laporan, "laporan.buat", "", laporan.status, note)
    return laporan


@discard_on_rollback()
@transaction.atomic
def laporan_approve(
    *, actor: User, laporan_id: int, unit: UnitKerja | None, at: datetime | None = None
) -> LaporanTahunan:
    """DRAF → DISETUJUI. PPID only, once the year has ended and every narrative section is
    written. The figures are computed from the registers and frozen, the PDF and XLSX kept;
    an earlier approved report of the same year becomes DIGANTIKAN (and its DIP entry is
    withdrawn); the report enters the DIP as setiap-saat information (UU 14/2008 Ps 11),
    submitted to the Desk through the DIP workflow, under `unit`."""
    _staff(actor, "laporan.kelola")
    lap = _lock(LaporanTahunan, laporan_id)
    _check_transition(lap, "laporan", LS.DISETUJUI)
    today = _today(at)
    if lap.tahun >= today.year:
        raise ValidationError(
            _("Laporan tahun %(t)d dapat disetujui setelah tahun itu berakhir.") % {"t": lap.tahun}
        )
    errors = {
        name: _("Bagian “%(judul)s” wajib diisi sebelum laporan disetujui.") % {"judul": title}
        for name, title, text in lap.narasi
        if not (text or "").strip()
    }
    if unit is None or not unit.aktif:
        errors["unit"] = _("Pilih unit kerja aktif yang menguasai laporan ini untuk DIP.")
    if errors:
        raise ValidationError(errors)
    now = _now(at)
    for old in LaporanTahunan.objects.select_for_update().filter(
        tahun=lap.tahun, status=LS.DISETUJUI
    ):
        old_before = _set_status(old, "laporan", LS.DIGANTIKAN)
        old.digantikan_pada = now
        old.save(update_fields=["status", "digantikan_pada"])
        _audit(actor, old, "laporan.gantikan", old_before, old.status, str(lap.pk))
        if old.informasi_id:
            entry = old.informasi
            if entry.status != entry.Status.DICABUT:
                dip_workflow.entry_withdraw(
                    actor=actor,
                    entry=entry,
                    reason=_("Digantikan laporan revisi tahun %(t)d.") % {"t": lap.tahun},
                )
    angka = dokumen_laporan.hitung(Periode(lap.tahun), today=today)
    before = _set_status(lap, "laporan", LS.DISETUJUI)
    lap.angka = angka
    lap.disetujui_oleh = actor
    lap.disetujui_pada = now
    lap.berkas_pdf, lap.berkas_xlsx = dokumen_laporan.store_documents(lap, angka, actor=actor)
    lap.save(
        update_fields=[
            "status",
            "angka",
            "disetujui_oleh",
            "disetujui_pada",
            "berkas_pdf",
            "berkas_xlsx",
        ]
    )
    entry = dip_workflow.entry_propose_document(
        actor=actor,
        unit=unit,
        values=dokumen_laporan.nilai_dip(lap, unit, today),
        dokumen=[
            (_("Laporan layanan informasi publik %(t)d (PDF)") % {"t": lap.tahun}, lap.berkas_pdf),
            (
                _("Laporan layanan informasi publik %(t)d (XLSX)") % {"t": lap.tahun},
                lap.berkas_xlsx,
            ),
        ],
        note=str(lap),
    )
    lap.informasi = entry
    lap.save(update_fields=["informasi"])
    _audit(
        actor,
        lap,
        "laporan.setujui",
        before,
        lap.status,
        _("PDF SHA-256 %(sha)s; entri DIP %(id)s") % {"sha": lap.berkas_pdf.sha256, "id": entry.pk},
    )
    _staff_mail(
        "staf_laporan_disetujui", notifications.staff_emails(Role.ATASAN, Role.PEMBINA), lap
    )
    return lap


@transaction.atomic
def laporan_cancel(*, actor: User, laporan_id: int, alasan: str) -> LaporanTahunan:
    """DRAF → DIBATALKAN. PPID only, with a reason (e.g. a draft started for the wrong year)."""
    _staff(actor, "laporan.kelola")
    lap = _lock(LaporanTahunan, laporan_id)
    if not _text(alasan):
        raise ValidationError({"alasan": _("Tuliskan alasan pembatalan.")})
    before = _set_status(lap, "laporan", LS.DIBATALKAN)
    lap.dibatalkan_pada = timezone.now()
    lap.alasan_pembatalan = _text(alasan)
    lap.save(update_fields=["status", "dibatalkan_pada", "alasan_pembatalan"])
    _audit(actor, lap, "laporan.batalkan", before, lap.status, lap.alasan_pembatalan)
    return lap
