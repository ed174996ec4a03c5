"""The staff work queues of requests and objections, shown on the dashboard by role."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ppid_portal.dashboard import register_queue
from ppid_portal.roles import Role

from . import selectors

# key -> (title, roles, queryset, URL name of the full list, order). The URL names are the
# queue pages in `urls.py`; one view serves them all.
QUEUES: dict[str, tuple] = {
    "permohonan.desk.baru": (
        _("Permohonan baru: periksa kelengkapan"),
        [Role.DESK],
        selectors.queue_desk_baru,
        "permohonan:antrean_desk_baru",
        10,
    ),
    "permohonan.desk.dilengkapi": (
        _("Menunggu dilengkapi pemohon"),
        [Role.DESK],
        selectors.queue_desk_dilengkapi,
        "permohonan:antrean_desk_dilengkapi",
        11,
    ),
    "permohonan.ppid.tenggat": (
        _("Segera jatuh tempo atau terlambat"),
        [Role.PPID],
        selectors.queue_ppid_tenggat,
        "permohonan:antrean_ppid_tenggat",
        12,
    ),
    "permohonan.ppid.disposisi": (
        _("Permohonan perlu disposisi"),
        [Role.PPID],
        selectors.queue_ppid_disposisi,
        "permohonan:antrean_ppid_disposisi",
        13,
    ),
    "permohonan.ppid.putus": (
        _("Permohonan perlu diputus"),
        [Role.PPID],
        selectors.queue_ppid_putus,
        "permohonan:antrean_ppid_putus",
        14,
    ),
    "permohonan.penyedia.unit": (
        _("Permohonan untuk unit Anda"),
        [Role.PENYEDIA],
        selectors.queue_penyedia,
        "permohonan:antrean_penyedia_unit",
        15,
    ),
    "permohonan.atasan.keberatan": (
        _("Keberatan perlu ditanggapi"),
        [Role.ATASAN],
        selectors.queue_atasan,
        "permohonan:antrean_atasan_keberatan",
        16,
    ),
}


def _items(query: Callable[..., QuerySet]):
    def items(user, limit: int):
        return selectors.attach_deadlines(query(user)[:limit])

    return items


def _count(query: Callable[..., QuerySet]):
    def count(user) -> int:
        return query(user).count()

    return count


for _key, (_title, _roles, _query, _url, _order) in QUEUES.items():
    register_queue(
        _key,
        title=_title,
        roles=_roles,
        items=_items(_query),
        count=_count(_query),
        item_template="permohonan/_queue_item.html",
        url_name=_url,
        order=_order,
    )
