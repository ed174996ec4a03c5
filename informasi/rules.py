"""Who may do what with the DIP (SOP seed 001: Penyedia → Desk → PPID → Atasan → Desk)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppid_portal.access import register, user_roles
from ppid_portal.roles import STAFF_ROLES, Role, declare_permissions

from .models import InformasiPublik

# Staff roles that read the whole register; a Penyedia alone reads only their unit's entries.
REGISTER_READERS = frozenset(STAFF_ROLES) - {Role.PENYEDIA}


def reads_whole_register(user) -> bool:
    return bool(user_roles(user) & REGISTER_READERS)


def _same_unit(user, entry) -> bool:
    return user.unit_id is not None and entry is not None and entry.unit_id == user.unit_id


def _sees_entry(user, entry) -> bool:
    return entry is None or reads_whole_register(user) or _same_unit(user, entry)


def _unit_editor(user, entry) -> bool:
    """The unit's Penyedia while the entry is a draft or returned to them."""
    if entry is None:
        return user.unit_id is not None
    return _same_unit(user, entry) and entry.editable


def _unit_member(user, entry) -> bool:
    return user.unit_id is not None if entry is None else _same_unit(user, entry)


def _may_withdraw(user, entry) -> bool:
    if Role.PPID in user_roles(user):
        return True
    return Role.PENYEDIA in user_roles(user) and _unit_editor(user, entry)


def _manages_documents(user, entry) -> bool:
    roles = user_roles(user)
    if Role.PENYEDIA in roles and _unit_editor(user, entry):
        return True
    # The Desk documents the softcopy while it classifies a submitted entry (SOP seed 003).
    return Role.DESK in roles and (entry is None or entry.status == InformasiPublik.Status.DIAJUKAN)


def _always(user, obj) -> bool:
    return True


register("informasi.dip.view", check=_always, description=_("Membaca DIP yang dipublikasikan"))
register(
    "informasi.entri.view",
    roles=STAFF_ROLES,
    check=_sees_entry,
    description=_("Membaca entri register DIP (Penyedia: hanya entri unitnya)"),
)
register(
    "informasi.entri.create",
    roles=[Role.PENYEDIA],
    check=lambda user, obj: user.unit_id is not None,
    description=_("Mengusulkan entri DIP untuk unit sendiri"),
)
register(
    "informasi.entri.edit",
    roles=[Role.PENYEDIA],
    check=_unit_editor,
    description=_("Mengubah draf atau entri yang dikembalikan milik unit sendiri"),
)
register(
    "informasi.entri.ajukan",
    roles=[Role.PENYEDIA],
    check=_unit_member,
    description=_("Mengajukan entri unit sendiri ke Desk"),
)
register(
    "informasi.entri.dokumentasikan",
    roles=[Role.DESK],
    description=_("Mengklasifikasi dan mendokumentasikan entri yang diajukan"),
)
register(
    "informasi.entri.kembalikan",
    roles=[Role.DESK],
    description=_("Mengembalikan entri yang diajukan ke unit dengan alasan"),
)
register(
    "informasi.entri.koreksi",
    roles=[Role.ATASAN],
    description=_("Mengoreksi entri unit: mengembalikannya dengan catatan"),
)
register(
    "informasi.entri.mutakhirkan",
    roles=[Role.PENYEDIA],
    check=_unit_member,
    description=_("Membuka kembali entri terdokumentasi milik unit untuk pemutakhiran"),
)
register(
    "informasi.entri.cabut",
    roles=[Role.PPID, Role.PENYEDIA],
    check=_may_withdraw,
    description=_("Mencabut entri dari DIP (Penyedia: hanya draf unitnya)"),
)
register(
    "informasi.dokumen.kelola",
    roles=[Role.PENYEDIA, Role.DESK],
    check=_manages_documents,
    description=_("Menambah atau menghapus dokumen entri"),
)
register(
    "informasi.versi.view",
    roles=STAFF_ROLES,
    description=_("Membaca versi DIP yang ditetapkan dan membandingkannya"),
)
register(
    "informasi.versi.tetapkan",
    roles=[Role.PPID],
    description=_("Menetapkan dan memutakhirkan DIP (versi baru dengan SK)"),
)
register(
    "informasi.versi.batalkan",
    roles=[Role.PPID],
    description=_("Membatalkan versi DIP yang belum dipublikasikan"),
)
register(
    "informasi.versi.perintahkan",
    roles=[Role.ATASAN],
    description=_("Memerintahkan pengunggahan DIP yang ditetapkan"),
)
register(
    "informasi.versi.publikasikan",
    roles=[Role.DESK],
    description=_("Mengunggah (mempublikasikan) DIP yang diperintahkan ke situs"),
)
register(
    "informasi.versi.ekspor",
    roles=STAFF_ROLES,
    description=_("Mengekspor versi DIP ke XLSX/CSV"),
)
register(
    "informasi.impor",
    roles=[Role.PPID],
    description=_("Mengimpor DIP dari XLSX/CSV sebagai draf unit"),
)


# ----------------------------------------------------------------------------- excepted information
# Seed 002 (KPU Kab. Serang): the Tim Pertimbangan proposes which information is excepted; the PPID
# tests it with the Tim Pertimbangan (and the Pembina); the Atasan PPID answers for it.

SHEET_READERS = frozenset({Role.PPID, Role.TIM_PERTIMBANGAN, Role.ATASAN, Role.PEMBINA})
SHEET_EDITORS = frozenset({Role.PPID, Role.TIM_PERTIMBANGAN})


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def is_participant(user, uji) -> bool:
    if not _signed_in(user) or uji is None:
        return False
    cache = getattr(uji, "_peserta_ids", None)
    if cache is None:
        cache = frozenset(uji.peserta.values_list("pengguna_id", flat=True))
        uji._peserta_ids = cache
    return user.pk in cache


def _unit_penyedia(user, unit_id) -> bool:
    return (
        Role.PENYEDIA in user_roles(user) and user.unit_id is not None and user.unit_id == unit_id
    )


def reads_sheet(user, uji) -> bool:
    """PPID, Tim Pertimbangan, Atasan and Pembina read every sheet; the unit's Penyedia its own
    unit's; any participant (an outside expert too) the sheets they take part in."""
    if not _signed_in(user):
        return False
    if user_roles(user) & SHEET_READERS:
        return True
    if uji is None:
        return Role.PENYEDIA in user_roles(user) or user.peserta_uji.exists()
    return _unit_penyedia(user, uji.unit_id) or is_participant(user, uji)


def _may_propose(user, obj) -> bool:
    roles = user_roles(user)
    if roles & SHEET_EDITORS:
        return True
    # The unit holding the information: its own entries. (Whether a unit may test what a
    # request asks for is the requests app's rule; it then proposes without an entry.)
    if obj is None:
        return user.unit_id is not None
    return isinstance(obj, InformasiPublik) and obj.unit_id == user.unit_id


def _edits_sheet(user, uji) -> bool:
    if uji is not None and not uji.editable:
        return False
    if user_roles(user) & SHEET_EDITORS:
        return True
    return uji is None or _unit_penyedia(user, uji.unit_id)


def _revises_sheet(user, uji) -> bool:
    if not _signed_in(user):
        return False
    return bool(user_roles(user) & SHEET_EDITORS) or is_participant(user, uji)


def _signs_sheet(user, uji) -> bool:
    if not _signed_in(user):
        return False
    if uji is None:
        return True
    return is_participant(user, uji)


def _reads_penetapan(user, penetapan) -> bool:
    if user_roles(user) & SHEET_READERS:
        return True
    return penetapan is None or _unit_penyedia(user, penetapan.unit_id)


register(
    "informasi.pengecualian.register",
    check=_always,
    description=_("Membaca daftar informasi yang dikecualikan (hanya keterangan, bukan isi)"),
)
register(
    "informasi.uji.view",
    check=reads_sheet,
    description=_(
        "Membaca lembar uji konsekuensi (Penyedia: unitnya; peserta: uji yang diikutinya)"
    ),
)
register(
    "informasi.uji.usulkan",
    roles=[Role.TIM_PERTIMBANGAN, Role.PPID, Role.PENYEDIA],
    check=_may_propose,
    description=_(
        "Mengusulkan uji konsekuensi atas entri DIP atau informasi yang dimohon "
        "(Penyedia: informasi unitnya)"
    ),
)
register(
    "informasi.uji.ubah",
    roles=[Role.PPID, Role.TIM_PERTIMBANGAN, Role.PENYEDIA],
    check=_edits_sheet,
    description=_("Mengisi dan merevisi lembar uji konsekuensi serta pesertanya (selama draf)"),
)
register(
    "informasi.uji.edarkan",
    roles=[Role.PPID, Role.TIM_PERTIMBANGAN],
    description=_("Mengedarkan lembar uji konsekuensi untuk ditandatangani peserta"),
)
register(
    "informasi.uji.revisi",
    check=_revises_sheet,
    description=_("Mengembalikan lembar uji yang diedarkan untuk direvisi (PPID, Tim, peserta)"),
)
register(
    "informasi.uji.tandatangani",
    check=_signs_sheet,
    description=_("Menandatangani lembar uji konsekuensi (hanya peserta uji)"),
)
register(
    "informasi.uji.batalkan",
    roles=[Role.PPID],
    description=_("Membatalkan uji konsekuensi yang belum selesai"),
)
register(
    "informasi.penetapan.view",
    roles=[Role.PPID, Role.TIM_PERTIMBANGAN, Role.ATASAN, Role.PEMBINA, Role.PENYEDIA],
    check=_reads_penetapan,
    description=_("Membaca penetapan informasi yang dikecualikan (Penyedia: unitnya)"),
)
register(
    "informasi.penetapan.terbitkan",
    roles=[Role.PPID],
    description=_("Menerbitkan penetapan informasi yang dikecualikan dari uji yang selesai"),
)
register(
    "informasi.penetapan.setujui",
    roles=[Role.ATASAN],
    description=_("Menyetujui penetapan informasi yang dikecualikan"),
)
register(
    "informasi.penetapan.tolak",
    roles=[Role.ATASAN],
    description=_("Tidak menyetujui penetapan informasi yang dikecualikan, dengan alasan"),
)
register(
    "informasi.penetapan.buka",
    roles=[Role.PPID, Role.ATASAN],
    description=_(
        "Mencatat putusan yang membuka informasi yang dikecualikan (keberatan, Komisi "
        "Informasi, pengadilan) atau membukanya menjelang akhir jangka waktu"
    ),
)
register(
    "informasi.penetapan.prioritas",
    roles=[Role.PPID],
    description=_("Menentukan prioritas pembukaan informasi yang akan berakhir pengecualiannya"),
)

# Read-only admin pages for the PPID (state changes go through the workflow, never the admin).
declare_permissions(
    {
        Role.PPID: {
            "informasi.view_informasipublik",
            "informasi.view_dokumeninformasi",
            "informasi.view_versidip",
            "informasi.view_entriversi",
            "informasi.view_impordip",
            "informasi.view_ujikonsekuensi",
            "informasi.view_pesertauji",
            "informasi.view_penetapanpengecualian",
            "informasi.view_pembukaaninformasi",
        }
    }
)

# Documents the PPID produces itself (the annual report) enter the register for the Desk.
register(
    "informasi.entri.usulkan_ppid",
    roles=[Role.PPID],
    description=_("Mengajukan dokumen PPID (laporan tahunan) ke register DIP"),
)
