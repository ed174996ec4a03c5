"""Who may do what in the archive. Every arsip view and service checks one of these actions."""

from django.utils.translation import gettext_lazy as _

from ppid_portal.access import register
from ppid_portal.roles import STAFF_ROLES, Role, declare_permissions

# The physical and digital archive is kept by the Desk (who documents information in softcopy
# and hardcopy, seed 001) under the PPID; the Atasan PPID reads it and decides on disposal.
ARSIP_BACA = (Role.DESK, Role.PPID, Role.ATASAN)
ARSIP_KELOLA = (Role.DESK, Role.PPID)

register(
    "arsip.view",
    roles=ARSIP_BACA,
    description=_("Melihat lokasi, item arsip, label dan daftar arsip"),
)
register(
    "arsip.manage",
    roles=ARSIP_KELOLA,
    description=_("Mencatat dan memindahkan arsip, mengunggah pindaian, menautkan arsip"),
)
register(
    "arsip.jadwal.view",
    roles=ARSIP_BACA,
    description=_("Melihat Jadwal Retensi Arsip dan laporan retensi"),
)
register(
    "arsip.jadwal.manage",
    roles=[Role.PPID],
    description=_("Mengubah Jadwal Retensi Arsip"),
)
register(
    "arsip.retensi.inaktif",
    roles=ARSIP_KELOLA,
    description=_("Memindahkan arsip ke penyimpanan inaktif"),
)
register(
    "arsip.retensi.statis",
    roles=[Role.PPID],
    description=_("Mencatat penyerahan arsip permanen ke lembaga kearsipan"),
)
register(
    "arsip.pemusnahan.view",
    roles=[Role.PPID, Role.ATASAN],
    description=_("Melihat usul pemusnahan arsip dan berita acaranya"),
)
register(
    "arsip.pemusnahan.propose",
    roles=[Role.PPID],
    description=_("Mengusulkan dan membatalkan usul pemusnahan arsip"),
)
register(
    "arsip.pemusnahan.decide",
    roles=[Role.ATASAN],
    description=_("Menyetujui atau menolak usul pemusnahan arsip"),
)
register(
    "arsip.kegiatan.view",
    roles=STAFF_ROLES,
    description=_("Melihat dokumentasi kegiatan internal"),
)
register(
    "arsip.kegiatan.manage",
    roles=ARSIP_KELOLA,
    description=_("Mencatat dokumentasi kegiatan dan mengunggah lampirannya"),
)


def _kegiatan_publik(user, obj) -> bool:
    # Anyone may read the public list; a single record only when it is marked public.
    return obj is None or bool(getattr(obj, "publik", False))


register(
    "arsip.kegiatan.public",
    check=_kegiatan_publik,
    description=_("Membaca dokumentasi kegiatan yang ditandai publik"),
)
register(
    "arsip.sistem.view",
    roles=[Role.PPID, Role.ATASAN],
    description=_("Melihat laporan pemeriksaan keutuhan arsip dan laporan cadangan"),
)
register(
    "arsip.laporan.view",
    roles=[Role.PPID, Role.ATASAN, Role.PEMBINA],
    description=_("Membaca laporan bulanan penggunaan sistem"),
)

_BACA_MODEL = {
    "arsip.view_lokasi",
    "arsip.view_itemarsip",
    "arsip.view_jadwalretensi",
    "arsip.view_kegiatan",
}
declare_permissions(
    {
        Role.DESK: _BACA_MODEL,
        Role.ATASAN: _BACA_MODEL | {"arsip.view_usulpemusnahan"},
        Role.PPID: _BACA_MODEL
        | {
            "arsip.view_usulpemusnahan",
            "arsip.view_pemeriksaanarsip",
            "arsip.view_laporancadangan",
        },
    }
)
