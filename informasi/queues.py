"""Dashboard work queues of the DIP, one per role's next step (SOP seed 001)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppid_portal.dashboard import register_queue
from ppid_portal.roles import Role

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
