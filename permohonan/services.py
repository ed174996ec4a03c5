"""Writes that are not workflow transitions: the office calendar and the deadline profiles.

Both change how deadlines are counted, so both are PPID-only, audited, and a calendar change
recomputes the due dates of open requests and objections.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.access import require
from ppid_portal.calendar import load_holidays
from ppid_portal.models import HariLibur, User

from .models import AturanTenggat, LaporanTahunan, Permohonan, SurveiKepuasan
from .tracking import Pemohon
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


@transaction.atomic
def survei_submit(
    *,
    actor: Pemohon,
    permohonan_id: int,
    nilai: Mapping[str, int],
    komentar: str = "",
    at: datetime | None = None,
) -> SurveiKepuasan:
    """The applicant of a finished request (written notice issued) rates the service once: each
    element 1–4 and an optional comment for staff."""
    if not isinstance(actor, Pemohon) or actor.permohonan_id != permohonan_id:
        raise PermissionDenied(_("Hanya pemohon yang dapat menilai layanan permohonannya."))
    permohonan = Permohonan.objects.select_for_update().get(pk=permohonan_id)
    if permohonan.status != Permohonan.Status.SELESAI:
        raise ValidationError(
            _("Survei kepuasan dapat diisi setelah pemberitahuan tertulis diterbitkan.")
        )
    if SurveiKepuasan.objects.filter(permohonan=permohonan).exists():
        raise ValidationError(_("Survei untuk permohonan ini sudah diisi."))
    errors = {}
    values = {}
    for name in SurveiKepuasan.FIELDS:
        value = nilai.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 4:
            errors[name] = _("Pilih nilai 1 sampai 4.")
        else:
            values[name] = value
    komentar = (komentar or "").strip()
    if len(komentar) > 2000:
        errors["komentar"] = _("Komentar paling banyak 2000 karakter.")
    if errors:
        raise ValidationError(errors)
    now = at or timezone.now()
    try:
        with transaction.atomic():
            survei = SurveiKepuasan.objects.create(
                permohonan=permohonan,
                diisi_pada=now,
                tanggal=timezone.localdate(now),
                komentar=komentar,
                **values,
            )
    except IntegrityError as exc:
        raise ValidationError(_("Survei untuk permohonan ini sudah diisi.")) from exc
    # The comment stays out of the audit note: it is for staff pages only.
    audit.record(
        actor=actor.user,
        actor_label=actor.label,
        obj=permohonan,
        action="survei.isi",
        note=_("Rata-rata nilai %(n).2f") % {"n": survei.rata_rata},
    )
    return survei


@transaction.atomic
def laporan_update(*, actor: User, laporan_id: int, values: Mapping[str, str]) -> LaporanTahunan:
    """No state change. PPID edits the narrative sections of a draft annual report."""
    require(actor, "laporan.kelola")
    laporan = LaporanTahunan.objects.select_for_update().get(pk=laporan_id)
    if laporan.status != LaporanTahunan.Status.DRAF:
        raise ValidationError(_("Hanya draf laporan yang dapat diubah."))
    changed = []
    for name in LaporanTahunan.NARASI:
        if name not in values:
            continue
        text = (values.get(name) or "").strip()
        if len(text) > 20000:
            raise ValidationError({name: _("Teks paling banyak 20.000 karakter.")})
        if text != getattr(laporan, name):
            setattr(laporan, name, text)
            changed.append(name)
    if not changed:
        return laporan
    laporan.diubah_oleh = actor
    laporan.diubah_pada = timezone.now()
    laporan.save(update_fields=[*changed, "diubah_oleh", "diubah_pada"])
    audit.record(
        actor=actor,
        obj=laporan,
        action="laporan.ubah",
        from_state=laporan.status,
        to_state=laporan.status,
        note=", ".join(str(LaporanTahunan._meta.get_field(n).verbose_name) for n in changed),
    )
    return laporan
