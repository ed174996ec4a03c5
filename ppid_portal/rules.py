"""Access rules of the shared portal pages."""

from django.utils.translation import gettext_lazy as _

from .access import register
from .roles import STAFF_ROLES, Role

register(
    "portal.dashboard.view",
    roles=STAFF_ROLES,
    description=_("Membuka dasbor staf dan antrean kerja"),
)
register(
    "portal.audit.view",
    roles=[Role.PPID, Role.ATASAN],
    description=_("Membaca jejak audit"),
)
register(
    "portal.unit.manage",
    roles=[Role.PPID],
    description=_("Mengelola unit kerja"),
)
register(
    "portal.kalender.manage",
    roles=[Role.PPID],
    description=_("Mengelola kalender hari libur"),
)
register(
    "portal.halaman.manage",
    roles=[Role.PPID],
    description=_("Menyunting halaman profil, maklumat, biaya, jam layanan, dan kontak"),
)
register(
    "portal.regulasi.manage",
    roles=[Role.PPID],
    description=_("Mengelola daftar regulasi dan SOP"),
)
register(
    "portal.email.view",
    roles=[Role.PPID],
    description=_("Membaca kotak keluar e-mail (penerima, subjek, status pengiriman)"),
)
register(
    "portal.email.resend",
    roles=[Role.PPID],
    description=_("Mengirim ulang e-mail yang gagal terkirim"),
)


def _anyone(user, obj) -> bool:
    return True


register(
    "portal.statistik.view",
    check=_anyone,
    description=_("Membaca statistik layanan informasi publik"),
)
register(
    "portal.statistik.staf",
    roles=[Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA],
    description=_("Membaca statistik lengkap, termasuk komentar survei kepuasan"),
)
