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

# Read-only admin pages for the PPID (state changes go through the workflow, never the admin).
declare_permissions(
    {
        Role.PPID: {
            "informasi.view_informasipublik",
            "informasi.view_dokumeninformasi",
            "informasi.view_versidip",
            "informasi.view_entriversi",
            "informasi.view_impordip",
        }
    }
)

# Documents the PPID produces itself (the annual report) enter the register for the Desk.
register(
    "informasi.entri.usulkan_ppid",
    roles=[Role.PPID],
    description=_("Mengajukan dokumen PPID (laporan tahunan) ke register DIP"),
)
