"""Reads: who sees which requests, the work queues, the registers, and due-date display."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from informasi.selectors import uji_visible_to
from ppid_portal import dates
from ppid_portal.access import has_role
from ppid_portal.calendar import load_holidays
from ppid_portal.roles import Role

from . import conf, deadlines
from .models import (
    Disposisi,
    DokumenPermohonan,
    Keberatan,
    Keputusan,
    Permohonan,
    UjiPermohonan,
)
from .rules import FULL_VIEW_ROLES
from .validators import mask_nik

# ---------------------------------------------------------------------------------------------
# Due dates for display


def display_holidays(today: date | None = None) -> frozenset[date]:
    """Holidays of last year, this year and next: enough to count days left and days late."""
    today = today or timezone.localdate()
    return load_holidays([today.year - 1, today.year, today.year + 1])


@dataclass(frozen=True)
class TenggatInfo:
    """A running period as a page shows it: the due date, the working days left (negative when
    late) and its state under `deadlines.deadline_state`."""

    tanggal: date
    sisa: int
    keadaan: deadlines.DeadlineState
    judul: str = ""
    hari_ini: bool = False

    @property
    def terlambat(self) -> bool:
        return self.keadaan is deadlines.DeadlineState.OVERDUE

    @property
    def keterangan(self) -> str:
        if self.terlambat:
            late = abs(self.sisa) or 1
            return ngettext("Terlambat %(n)d hari kerja", "Terlambat %(n)d hari kerja", late) % {
                "n": late
            }
        if self.hari_ini:
            return _("Jatuh tempo hari ini")
        return ngettext("%(n)d hari kerja lagi", "%(n)d hari kerja lagi", self.sisa) % {
            "n": self.sisa
        }

    @property
    def css(self) -> str:
        return {
            deadlines.DeadlineState.OVERDUE: "danger",
            deadlines.DeadlineState.DUE_SOON: "warning",
        }.get(self.keadaan, "success")


def tenggat_info(obj, today: date, holidays) -> TenggatInfo | None:
    """The running period of a request, objection or assignment (None when none runs)."""
    clock = deadlines.running_clock(obj)
    due = deadlines.due_date(obj)
    if clock is None or due is None:
        return None
    return TenggatInfo(
        tanggal=due,
        sisa=deadlines.days_left(due, today, holidays),
        keadaan=deadlines.deadline_state(obj, today, holidays, soon=conf.pengingat_hari()),
        judul=str(clock.title),
        hari_ini=due == today,
    )


def attach_deadlines(objects: Iterable[Any], *, today: date | None = None, holidays=None):
    """Set `tenggat_info` (or None) on each object; one holiday load for all of them."""
    objects = list(objects)
    today = today or timezone.localdate()
    if holidays is None and objects:
        holidays = display_holidays(today)
    for obj in objects:
        obj.tenggat_info = tenggat_info(obj, today, holidays)
    return objects


# ---------------------------------------------------------------------------------------------
# Visibility: which requests, objections and parts of them a user may see. This is the one
# rule: the pages, the queues, the file downloads, the registers and their exports, and the
# access rules (`rules.py`) all ask it, so a guessed id outside it gives 404.


def sees_every_request(user) -> bool:
    """Desk, PPID and Atasan PPID handle every request."""
    return has_role(user, *FULL_VIEW_ROLES)


def _penyedia_unit(user) -> int | None:
    return user.unit_id if has_role(user, Role.PENYEDIA) and user.unit_id else None


def permohonan_visible_to(user, *, register: bool = False) -> QuerySet[Permohonan]:
    """Desk, PPID and Atasan: every request. A Penyedia: those assigned to their unit.
    Pembina: none, except in the registers (`register=True`: the Perki registers and their
    exports, which the Pembina oversees; they never open a single request). Anyone else: none."""
    qs = Permohonan.objects.all()
    if sees_every_request(user) or (register and has_role(user, Role.PEMBINA)):
        return qs
    unit = _penyedia_unit(user)
    if unit is not None and not register:
        return qs.filter(Exists(Disposisi.objects.filter(permohonan=OuterRef("pk"), unit_id=unit)))
    return qs.none()


def uji_of_permohonan(user, permohonan: Permohonan) -> list:
    """The consequence tests of the information a request asks for that `user` may read
    (`informasi`'s rule), newest first."""
    return list(
        uji_visible_to(user)
        .filter(pk__in=UjiPermohonan.objects.filter(permohonan=permohonan).values("uji_id"))
        .order_by("-diusulkan_pada", "-id")
    )


def keberatan_visible_to(user, *, register: bool = False) -> QuerySet[Keberatan]:
    """Desk, PPID and Atasan: every keberatan; Pembina only in the register; nobody else."""
    if sees_every_request(user) or (register and has_role(user, Role.PEMBINA)):
        return Keberatan.objects.all()
    return Keberatan.objects.none()


def disposisi_visible_to(user) -> QuerySet[Disposisi]:
    """Assignments: all for Desk, PPID and Atasan; a Penyedia's own unit's; none otherwise."""
    if sees_every_request(user):
        return Disposisi.objects.all()
    unit = _penyedia_unit(user)
    return Disposisi.objects.filter(unit_id=unit) if unit else Disposisi.objects.none()


def dokumen_visible_to(user) -> QuerySet[DokumenPermohonan]:
    """Documents supplied for requests: all for Desk, PPID and Atasan; a Penyedia sees the
    documents of their own unit on the requests assigned to it."""
    qs = DokumenPermohonan.objects.filter(permohonan__in=permohonan_visible_to(user))
    if sees_every_request(user):
        return qs
    unit = _penyedia_unit(user)
    return qs.filter(unit_id=unit) if unit else qs.none()


def own_requests(user) -> QuerySet[Permohonan]:
    if not user.is_authenticated:
        return Permohonan.objects.none()
    return (
        Permohonan.objects.filter(pemilik=user)
        .select_related("keputusan_aktif")
        .order_by("-diterima_pada")
    )


# ---------------------------------------------------------------------------------------------
# Queues


def needs_attention(clock: deadlines.Clock, today: date, *, prefix: str = ""):
    """The filter of `clock`'s rows due soon or overdue on `today` (`deadlines`' rule)."""
    return deadlines.needs_attention_q(
        clock, today, display_holidays(today), soon=conf.pengingat_hari(), prefix=prefix
    )


def queue_desk_baru(user) -> QuerySet[Permohonan]:
    return Permohonan.objects.filter(status=Permohonan.Status.BARU).order_by(
        "tenggat_pemeriksaan", "id"
    )


def queue_desk_dilengkapi(user) -> QuerySet[Permohonan]:
    return Permohonan.objects.filter(status=Permohonan.Status.PERLU_DILENGKAPI).order_by(
        "tenggat_melengkapi", "id"
    )


def queue_ppid_disposisi(user) -> QuerySet[Permohonan]:
    return Permohonan.objects.filter(status=Permohonan.Status.DIVERIFIKASI).order_by(
        "tenggat_pemberitahuan", "id"
    )


def queue_ppid_putus(user) -> QuerySet[Permohonan]:
    return Permohonan.objects.filter(status=Permohonan.Status.DIPROSES).order_by(
        "tenggat_pemberitahuan", "id"
    )


def queue_ppid_tenggat(user, *, today: date | None = None) -> QuerySet[Permohonan]:
    today = today or timezone.localdate()
    return Permohonan.objects.filter(needs_attention(deadlines.PEMBERITAHUAN, today)).order_by(
        "tenggat_pemberitahuan", "id"
    )


def queue_penyedia(user) -> QuerySet[Disposisi]:
    """The assignments of the user's own unit still waiting for its answer."""
    if not user.unit_id:
        return Disposisi.objects.none()
    return (
        disposisi_visible_to(user)
        .filter(
            unit_id=user.unit_id,
            status=Disposisi.Status.MENUNGGU,
            permohonan__status=Permohonan.Status.DIPROSES,
        )
        .select_related("permohonan", "unit")
        .order_by("permohonan__tenggat_pemberitahuan", "id")
    )


def queue_atasan(user) -> QuerySet[Keberatan]:
    return (
        Keberatan.objects.filter(status=Keberatan.Status.DIAJUKAN)
        .select_related("permohonan")
        .order_by("tenggat_tanggapan", "id")
    )


# ---------------------------------------------------------------------------------------------
# Registers (Perki 1/2021 formats)


def register_permohonan(filters: Mapping[str, Any], *, user) -> QuerySet[Permohonan]:
    qs = permohonan_visible_to(user, register=True)
    qs = qs.select_related("keputusan_aktif").prefetch_related(
        Prefetch("disposisi", queryset=Disposisi.objects.select_related("unit"))
    )
    if filters.get("dari"):
        qs = qs.filter(tanggal_diterima__gte=filters["dari"])
    if filters.get("sampai"):
        qs = qs.filter(tanggal_diterima__lte=filters["sampai"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("kanal"):
        qs = qs.filter(kanal=filters["kanal"])
    if filters.get("hasil"):
        qs = qs.filter(keputusan_aktif__hasil=filters["hasil"])
    if filters.get("unit"):
        qs = qs.filter(
            Exists(Disposisi.objects.filter(permohonan=OuterRef("pk"), unit=filters["unit"]))
        )
    return qs.order_by("tahun", "urut")


def register_keberatan(filters: Mapping[str, Any], *, user) -> QuerySet[Keberatan]:
    qs = keberatan_visible_to(user, register=True).select_related("permohonan")
    if filters.get("dari"):
        qs = qs.filter(tanggal_diajukan__gte=filters["dari"])
    if filters.get("sampai"):
        qs = qs.filter(tanggal_diajukan__lte=filters["sampai"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("kanal"):
        qs = qs.filter(kanal=filters["kanal"])
    if filters.get("putusan"):
        qs = qs.filter(putusan=filters["putusan"])
    if filters.get("unit"):
        qs = qs.filter(
            Exists(
                Disposisi.objects.filter(permohonan=OuterRef("permohonan_id"), unit=filters["unit"])
            )
        )
    return qs.order_by("tahun", "urut")


def _d(value: date | None) -> str:
    return dates.tanggal(value)


def _dikuasai(k: Keputusan | None) -> str:
    if k is None:
        return ""
    if k.hasil == Keputusan.Hasil.TIDAK_DIKUASAI:
        return _("Tidak dikuasai") + (f" ({k.badan_penguasa})" if k.badan_penguasa else "")
    if k.hasil == Keputusan.Hasil.BELUM_DIDOKUMENTASIKAN:
        return _("Belum didokumentasikan (sampai %(d)s)") % {"d": _d(k.tanggal_didokumentasikan)}
    return _("Dikuasai")


def _alasan_penolakan(k: Keputusan | None) -> str:
    if k is None:
        return ""
    parts = []
    if k.dasar_pengecualian:
        parts.append(_("Pasal 17 huruf %(h)s UU 14/2008") % {"h": k.dasar_pengecualian})
    if k.alasan_pengecualian:
        parts.append(k.alasan_pengecualian)
    if k.bagian_dihitamkan:
        parts.append(
            _("Dihitamkan: %(b)s (%(a)s)") % {"b": k.bagian_dihitamkan, "a": k.alasan_penghitaman}
        )
    if k.nomor_penetapan:
        parts.append(_("Penetapan %(n)s") % {"n": k.nomor_penetapan})
    return "; ".join(parts)


def _biaya(k: Keputusan | None) -> str:
    if k is None:
        return ""
    if not k.biaya:
        return _("Tanpa biaya")
    text = f"Rp {k.biaya:,.0f}".replace(",", ".")
    return f"{text} ({k.rincian_biaya}); {k.cara_pembayaran}"


PERMOHONAN_HEADER = (
    gettext_lazy("No."),
    gettext_lazy("Nomor pendaftaran"),
    gettext_lazy("Tanggal permohonan"),
    gettext_lazy("Nama"),
    gettext_lazy("NIK"),
    gettext_lazy("Alamat"),
    gettext_lazy("Nomor kontak / e-mail"),
    gettext_lazy("Pekerjaan"),
    gettext_lazy("Informasi yang diminta"),
    gettext_lazy("Tujuan penggunaan"),
    gettext_lazy("Jenis permohonan"),
    gettext_lazy("Unit kerja"),
    gettext_lazy("Dikuasai / tidak dikuasai"),
    gettext_lazy("Bentuk informasi"),
    gettext_lazy("Keputusan"),
    gettext_lazy("Alasan penolakan / penghitaman"),
    gettext_lazy("Nomor dan tanggal pemberitahuan tertulis"),
    gettext_lazy("Tanggal disampaikan"),
    gettext_lazy("Biaya dan cara pembayaran"),
    gettext_lazy("Status"),
    gettext_lazy("Batas pemberitahuan"),
)


def permohonan_row(index: int, p: Permohonan) -> list[Any]:
    k = p.keputusan_aktif
    return [
        index,
        p.nomor,
        p.tanggal_diterima,
        p.nama_tampil,
        mask_nik(p.nik),
        p.alamat,
        " / ".join(x for x in (p.telepon, p.email) if x),
        p.pekerjaan,
        p.rincian_informasi,
        p.tujuan_penggunaan,
        str(p.get_kanal_display()),
        ", ".join(d.unit.nama for d in p.disposisi.all()),
        _dikuasai(k),
        str(k.get_bentuk_display()) if k and k.memberi else "",
        str(k.get_hasil_display()) if k else "",
        _alasan_penolakan(k),
        f"{k.nomor} ({_d(k.tanggal)})" if k else "",
        k.disampaikan_pada if k and k.disampaikan_pada else "",
        _biaya(k),
        str(p.get_status_display()),
        p.tenggat_pemberitahuan if p.clock_runs else "",
    ]


KEBERATAN_HEADER = (
    gettext_lazy("No."),
    gettext_lazy("Nomor keberatan"),
    gettext_lazy("Tanggal keberatan"),
    gettext_lazy("Nama pemohon"),
    gettext_lazy("NIK"),
    gettext_lazy("Alamat"),
    gettext_lazy("Nomor kontak / e-mail"),
    gettext_lazy("Pekerjaan"),
    gettext_lazy("Kuasa pemohon"),
    gettext_lazy("Nomor pendaftaran permohonan"),
    gettext_lazy("Informasi yang diminta"),
    gettext_lazy("Tujuan penggunaan"),
    gettext_lazy("Alasan keberatan (Ps 35 ayat 1)"),
    gettext_lazy("Kasus posisi"),
    gettext_lazy("Putusan Atasan PPID"),
    gettext_lazy("Nomor dan tanggal tanggapan"),
    gettext_lazy("Nama dan jabatan Atasan PPID"),
    gettext_lazy("Tanggapan pemohon"),
    gettext_lazy("Status"),
    gettext_lazy("Batas tanggapan"),
)


def keberatan_row(index: int, kb: Keberatan) -> list[Any]:
    p = kb.permohonan
    return [
        index,
        kb.nomor,
        kb.tanggal_diajukan,
        p.nama_tampil,
        mask_nik(p.nik),
        p.alamat,
        " / ".join(x for x in (p.telepon, p.email) if x),
        p.pekerjaan,
        kb.nama_kuasa,
        p.nomor,
        p.rincian_informasi,
        kb.tujuan_penggunaan,
        ", ".join(kb.alasan),
        kb.kasus_posisi,
        str(kb.get_putusan_display()) if kb.putusan else "",
        f"{kb.nomor_tanggapan} ({_d(kb.tanggal_tanggapan)})" if kb.nomor_tanggapan else "",
        f"{kb.nama_atasan}, {kb.jabatan_atasan}" if kb.nama_atasan else "",
        kb.tanggapan_pemohon,
        str(kb.get_status_display()),
        deadlines.due_date(kb) or "",
    ]


# ---------------------------------------------------------------------------------------------
# What the applicant sees of the history: the steps, never staff notes.

PUBLIC_STEPS = {
    "permohonan.ajukan": gettext_lazy("Permohonan diterima"),
    "permohonan.catat": gettext_lazy("Permohonan dicatat oleh desk layanan"),
    "permohonan.verifikasi": gettext_lazy("Permohonan dinyatakan lengkap"),
    "permohonan.perlu_dilengkapi": gettext_lazy("Permohonan perlu dilengkapi"),
    "permohonan.dilengkapi": gettext_lazy("Permohonan dilengkapi pemohon"),
    "permohonan.gugur": gettext_lazy("Permohonan ditutup karena tidak dilengkapi"),
    "permohonan.disposisi": gettext_lazy("Permohonan diteruskan ke unit kerja"),
    "permohonan.perpanjang": gettext_lazy("Jangka waktu diperpanjang"),
    "permohonan.putus": gettext_lazy("Pemberitahuan tertulis diterbitkan"),
    "permohonan.tarik": gettext_lazy("Permohonan ditarik"),
    "permohonan.buka_kembali": gettext_lazy("Permohonan dibuka kembali atas putusan keberatan"),
    "permohonan.kode_baru": gettext_lazy("Kode pelacakan baru diterbitkan"),
    "keputusan.disampaikan": gettext_lazy("Pemberitahuan/informasi disampaikan"),
    "dokumen.diserahkan": gettext_lazy("Dokumen diunduh pemohon"),
    "keberatan.ajukan": gettext_lazy("Keberatan diajukan"),
    "survei.isi": gettext_lazy("Survei kepuasan diisi"),
}


def public_history(permohonan: Permohonan) -> list[dict[str, Any]]:
    from ppid_portal.audit import history

    steps = []
    for record in history(permohonan):
        label = PUBLIC_STEPS.get(record.action)
        if label:
            steps.append({"waktu": record.created_at, "langkah": label})
    return steps
