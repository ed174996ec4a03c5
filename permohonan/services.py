"""Writes that are not workflow transitions: the office calendar and the deadline profiles.

Both change how deadlines are counted, so both are PPID-only, audited, and a calendar change
recomputes the due dates of open requests and objections.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.access import require
from ppid_portal.calendar import load_holidays
from ppid_portal.models import HariLibur, User

from .models import AturanTenggat
from .workflow import recompute_deadlines


def _label(day: HariLibur) -> str:
    return "libur" if day.libur else "hari kerja"


@transaction.atomic
def holiday_add(*, actor: User, tanggal: date, nama: str, catatan: str) -> HariLibur:
    """PPID: make a weekday a non-working day (office holiday, or a cuti bersama moved by
    decree), with a note. Open deadlines are recomputed."""
    require(actor, "portal.kalender.manage")
    errors = {}
    if tanggal is None:
        errors["tanggal"] = _("Isi tanggal.")
    elif tanggal.weekday() >= 5:
        errors["tanggal"] = _("Sabtu dan Minggu sudah bukan hari kerja.")
    if not (nama or "").strip():
        errors["nama"] = _("Isi keterangan hari libur.")
    if not (catatan or "").strip():
        errors["catatan"] = _("Tuliskan catatan (misalnya nomor surat keputusan).")
    if errors:
        raise ValidationError(errors)
    # The year is filled from the `holidays` package first, so a later fill cannot overwrite
    # what the office decided.
    load_holidays([tanggal.year])
    day = HariLibur.objects.select_for_update().filter(tanggal=tanggal).first()
    if day is not None and day.libur:
        raise ValidationError({"tanggal": _("Tanggal ini sudah tercatat sebagai hari libur.")})
    before = _label(day) if day else "hari kerja"
    if day is None:
        day = HariLibur.objects.create(
            tanggal=tanggal,
            nama=nama.strip(),
            libur=True,
            sumber=HariLibur.Sumber.KANTOR,
            catatan=catatan.strip(),
        )
    else:
        day.libur = True
        day.nama = nama.strip()
        day.catatan = catatan.strip()
        day.save(update_fields=["libur", "nama", "catatan"])
    audit.record(
        actor=actor,
        obj=day,
        action="kalender.tambah",
        from_state=before,
        to_state="libur",
        note=day.catatan,
    )
    recompute_deadlines()
    return day


@transaction.atomic
def holiday_remove(*, actor: User, harilibur_id: int, catatan: str) -> HariLibur | None:
    """PPID: make a holiday a working day again, with a note. A national day stays in the table
    marked as a working day (so the yearly fill never brings it back); a day the office added is
    deleted. Open deadlines are recomputed."""
    require(actor, "portal.kalender.manage")
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan (misalnya nomor surat keputusan).")})
    day = HariLibur.objects.select_for_update().get(pk=harilibur_id)
    if not day.libur:
        raise ValidationError(_("Tanggal ini sudah menjadi hari kerja."))
    audit.record(
        actor=actor,
        obj=day,
        action="kalender.hapus",
        from_state="libur",
        to_state="hari kerja",
        note=catatan.strip(),
    )
    if day.sumber == HariLibur.Sumber.KANTOR:
        day.delete()
        day = None
    else:
        day.libur = False
        day.catatan = catatan.strip()
        day.save(update_fields=["libur", "catatan"])
    recompute_deadlines()
    return day


@transaction.atomic
def aturan_save(*, actor: User, aturan: AturanTenggat, changed: list[str]) -> AturanTenggat:
    """PPID: create or edit a deadline profile. Only one profile is the default; requests keep
    the numbers they were received under."""
    require(actor, "permohonan.aturan")
    creating = aturan.pk is None
    if aturan.utama and not aturan.aktif:
        raise ValidationError({"aktif": _("Aturan utama harus aktif.")})
    if aturan.utama:
        AturanTenggat.objects.select_for_update().filter(utama=True).exclude(pk=aturan.pk).update(
            utama=False
        )
    elif not AturanTenggat.objects.filter(utama=True).exclude(pk=aturan.pk).exists():
        raise ValidationError({"utama": _("Harus ada satu aturan utama.")})
    aturan.full_clean()
    aturan.save()
    audit.record(
        actor=actor,
        obj=aturan,
        action="aturan.tambah" if creating else "aturan.ubah",
        note=", ".join(changed),
    )
    return aturan
