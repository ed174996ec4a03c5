"""Who may do what with requests, objections and disputes.

Views declare these actions; the workflow calls `require()` with the same names, so a page and
the service behind it can never disagree.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppid_portal.access import has_role, register
from ppid_portal.roles import Role

FULL_VIEW_ROLES = (Role.DESK, Role.PPID, Role.ATASAN)


def _anyone(user, obj) -> bool:
    return True


def _signed_in(user, obj) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _assigned_to_own_unit(user, obj) -> bool:
    """The object rule of a request or assignment: the visibility rule of `selectors`
    (a Penyedia sees a request only when it is assigned to their unit)."""
    if obj is None:
        return True
    from . import selectors
    from .models import Disposisi, Permohonan

    if selectors.sees_every_request(user):
        return True
    if isinstance(obj, Disposisi):
        return selectors.disposisi_visible_to(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Permohonan):
        return selectors.permohonan_visible_to(user).filter(pk=obj.pk).exists()
    return False


def _tests_requested_information(user, obj) -> bool:
    """The PPID and the Tim Pertimbangan test any request's information (as any DIP entry);
    a Penyedia only that of a request assigned to their unit (they hold it)."""
    if obj is None or has_role(user, Role.PPID, Role.TIM_PERTIMBANGAN):
        return True
    return _assigned_to_own_unit(user, obj)


def _own_unit_disposisi(user, obj) -> bool:
    if obj is None:
        return True
    return bool(user.unit_id) and obj.unit_id == user.unit_id


# Public.
register("permohonan.ajukan", check=_anyone, description=_("Mengajukan permohonan informasi"))
register("permohonan.lacak", check=_anyone, description=_("Melacak permohonan dengan kodenya"))
register("permohonan.akun_daftar", check=_anyone, description=_("Membuat akun pemohon informasi"))
register(
    "permohonan.saya",
    check=_signed_in,
    description=_("Melihat permohonan milik akun sendiri"),
)

# Staff.
register(
    "permohonan.catat",
    roles=[Role.DESK],
    description=_("Mencatat permohonan langsung, telepon, surat, atau e-mail"),
)
register(
    "permohonan.lihat",
    roles=[Role.DESK, Role.PPID, Role.ATASAN, Role.PENYEDIA],
    check=_assigned_to_own_unit,
    description=_("Membuka permohonan (Penyedia: hanya yang didisposisikan ke unitnya)"),
)
register(
    "permohonan.identitas",
    roles=FULL_VIEW_ROLES,
    description=_("Melihat NIK dan dokumen identitas pemohon"),
)
register(
    "permohonan.periksa",
    roles=[Role.DESK, Role.PPID],
    description=_("Memeriksa kelengkapan permohonan"),
)
register(
    "permohonan.disposisi",
    roles=[Role.PPID],
    description=_("Mendisposisikan permohonan ke unit kerja"),
)
register(
    "permohonan.jawab_unit",
    roles=[Role.PENYEDIA],
    check=_own_unit_disposisi,
    description=_("Menyediakan dokumen atau menyatakan informasi tidak dikuasai unit"),
)
register("permohonan.putus", roles=[Role.PPID], description=_("Memutus permohonan"))
register(
    "permohonan.mulai_uji",
    roles=[Role.PPID, Role.TIM_PERTIMBANGAN, Role.PENYEDIA],
    check=_tests_requested_information,
    description=_(
        "Memulai uji konsekuensi atas informasi yang diminta "
        "(Penyedia: permohonan yang didisposisikan ke unitnya)"
    ),
)
register(
    "permohonan.perpanjang",
    roles=[Role.PPID],
    description=_("Memperpanjang jangka waktu pemberitahuan"),
)
register(
    "permohonan.penyampaian",
    roles=[Role.DESK, Role.PPID],
    description=_("Mencatat penyampaian pemberitahuan dan informasi"),
)
register(
    "permohonan.tarik_desk",
    roles=[Role.DESK],
    description=_("Mencatat penarikan permohonan atau keberatan atas permintaan pemohon"),
)
register(
    "permohonan.kode_baru",
    roles=[Role.DESK, Role.PPID],
    description=_("Menerbitkan kode pelacakan baru bagi pemohon"),
)
register(
    "permohonan.register",
    roles=[Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA],
    description=_("Membaca dan mengekspor register permohonan dan keberatan"),
)
register(
    "permohonan.aturan",
    roles=[Role.PPID],
    description=_("Mengatur jangka waktu (aturan tenggat) layanan"),
)
register(
    "keberatan.lihat",
    roles=FULL_VIEW_ROLES,
    description=_("Membuka keberatan"),
)
register(
    "keberatan.catat",
    roles=[Role.DESK],
    description=_("Mencatat keberatan yang diajukan langsung di desk"),
)
register(
    "keberatan.putus",
    roles=[Role.ATASAN],
    description=_("Memberi tanggapan atas keberatan"),
)
register(
    "keberatan.tanggapan_pemohon",
    roles=[Role.DESK, Role.PPID],
    description=_("Mencatat tanggapan pemohon atas putusan keberatan"),
)
register(
    "sengketa.catat",
    roles=[Role.PPID, Role.ATASAN],
    description=_("Mencatat sengketa informasi dan hasilnya"),
)

# Procedure pages, reports and the satisfaction survey.
register(
    "permohonan.prosedur",
    check=_anyone,
    description=_("Membaca tata cara permohonan, jangka waktu, keberatan, dan sengketa"),
)
register(
    "permohonan.survei",
    check=_anyone,
    description=_("Mengisi survei kepuasan (pemohon dengan kode pelacakan atau akun pemilik)"),
)
register(
    "laporan.lihat",
    roles=[Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA],
    description=_("Membaca laporan layanan informasi publik dan rekap permohonan"),
)
register(
    "laporan.kelola",
    roles=[Role.PPID],
    description=_("Menyusun, menyetujui, dan membatalkan laporan layanan informasi publik"),
)
