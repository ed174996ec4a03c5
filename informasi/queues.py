"""Dashboard work queues of the DIP, one per role's next step (SOP seed 001)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppid_portal.dashboard import register_queue
from ppid_portal.roles import STAFF_ROLES, Role

from . import selectors
from .models import InformasiPublik, VersiDIP

ENTRY_ITEM = "informasi/_queue_entri.html"
VERSION_ITEM = "informasi/_queue_versi.html"
S = InformasiPublik.Status


def _unit_entries(user, statuses):
    if not user.unit_id:
        return InformasiPublik.objects.none()
    return (
        InformasiPublik.objects.filter(unit_id=user.unit_id, status__in=statuses)
        .select_related("unit")
        .order_by("-diubah_pada", "-id")
    )


def _submitted():
    return (
        InformasiPublik.objects.filter(status=S.DIAJUKAN)
        .select_related("unit")
        .order_by("diajukan_pada", "id")
    )


def _versions(status):
    return VersiDIP.objects.filter(status=status).order_by("nomor")


register_queue(
    "informasi.penyedia.dikembalikan",
    title=_("Entri DIP unit Anda yang dikembalikan"),
    roles=[Role.PENYEDIA],
    items=lambda user, limit: list(_unit_entries(user, [S.DIKEMBALIKAN])[:limit]),
    count=lambda user: _unit_entries(user, [S.DIKEMBALIKAN]).count(),
    item_template=ENTRY_ITEM,
    url_name="informasi:entri-list",
    order=10,
)
register_queue(
    "informasi.penyedia.draf",
    title=_("Draf DIP unit Anda yang belum diajukan"),
    roles=[Role.PENYEDIA],
    items=lambda user, limit: list(_unit_entries(user, [S.DRAF])[:limit]),
    count=lambda user: _unit_entries(user, [S.DRAF]).count(),
    item_template=ENTRY_ITEM,
    url_name="informasi:entri-list",
    order=11,
)
register_queue(
    "informasi.desk.diajukan",
    title=_("Entri DIP menunggu klasifikasi dan dokumentasi"),
    roles=[Role.DESK],
    items=lambda user, limit: list(_submitted()[:limit]),
    count=lambda user: _submitted().count(),
    item_template=ENTRY_ITEM,
    url_name="informasi:entri-list",
    order=10,
)
register_queue(
    "informasi.desk.unggah",
    title=_("Versi DIP yang diperintahkan untuk diunggah"),
    roles=[Role.DESK],
    items=lambda user, limit: list(_versions(VersiDIP.Status.DIPERINTAHKAN)[:limit]),
    count=lambda user: _versions(VersiDIP.Status.DIPERINTAHKAN).count(),
    item_template=VERSION_ITEM,
    url_name="informasi:versi-list",
    order=11,
)
register_queue(
    "informasi.ppid.penetapan",
    title=_("Entri terdokumentasi yang belum masuk versi DIP"),
    roles=[Role.PPID],
    items=lambda user, limit: list(selectors.entries_awaiting_penetapan()[:limit]),
    count=lambda user: selectors.entries_awaiting_penetapan().count(),
    item_template=ENTRY_ITEM,
    url_name="informasi:versi-create",
    order=10,
)
register_queue(
    "informasi.atasan.perintah",
    title=_("Versi DIP yang menunggu perintah unggah"),
    roles=[Role.ATASAN],
    items=lambda user, limit: list(_versions(VersiDIP.Status.DITETAPKAN)[:limit]),
    count=lambda user: _versions(VersiDIP.Status.DITETAPKAN).count(),
    item_template=VERSION_ITEM,
    url_name="informasi:versi-list",
    order=10,
)
register_queue(
    "informasi.atasan.koreksi",
    title=_("Entri DIP terdokumentasi untuk diperiksa"),
    roles=[Role.ATASAN],
    items=lambda user, limit: list(selectors.entries_awaiting_penetapan()[:limit]),
    count=lambda user: selectors.entries_awaiting_penetapan().count(),
    item_template=ENTRY_ITEM,
    url_name="informasi:entri-list",
    order=11,
)


# ----------------------------------------------------------------------------- excepted information

UJI_ITEM = "informasi/_queue_uji.html"
PENETAPAN_ITEM = "informasi/_queue_penetapan.html"

register_queue(
    "informasi.pengecualian.segera_berakhir",
    title=_("Informasi dikecualikan yang jangka waktunya segera berakhir (menurut prioritas)"),
    roles=[Role.PPID],
    items=lambda user, limit: list(selectors.expiry_queue()[:limit]),
    count=lambda user: selectors.expiry_queue().count(),
    item_template=PENETAPAN_ITEM,
    url_name="informasi:penetapan-list",
    order=12,
)
register_queue(
    "informasi.pengecualian.tetapkan",
    title=_("Uji konsekuensi selesai yang menunggu penetapan"),
    roles=[Role.PPID],
    items=lambda user, limit: list(selectors.sheets_to_decree()[:limit]),
    count=lambda user: selectors.sheets_to_decree().count(),
    item_template=UJI_ITEM,
    url_name="informasi:uji-list",
    order=13,
)
register_queue(
    "informasi.pengecualian.draf",
    title=_("Usulan pengecualian dan lembar uji yang masih draf"),
    roles=[Role.PPID, Role.TIM_PERTIMBANGAN, Role.PENYEDIA],
    items=lambda user, limit: list(selectors.draft_sheets(user)[:limit]),
    count=lambda user: selectors.draft_sheets(user).count(),
    item_template=UJI_ITEM,
    url_name="informasi:uji-list",
    order=14,
)
register_queue(
    "informasi.pengecualian.tandatangan",
    title=_("Lembar uji konsekuensi yang menunggu tanda tangan Anda"),
    roles=STAFF_ROLES,
    items=lambda user, limit: list(selectors.sheets_awaiting_signature(user)[:limit]),
    count=lambda user: selectors.sheets_awaiting_signature(user).count(),
    item_template=UJI_ITEM,
    url_name="informasi:uji-list",
    order=5,
)
register_queue(
    "informasi.pengecualian.persetujuan",
    title=_("Penetapan informasi yang dikecualikan menunggu persetujuan"),
    roles=[Role.ATASAN],
    items=lambda user, limit: list(selectors.penetapan_awaiting_approval()[:limit]),
    count=lambda user: selectors.penetapan_awaiting_approval().count(),
    item_template=PENETAPAN_ITEM,
    url_name="informasi:penetapan-list",
    order=9,
)
