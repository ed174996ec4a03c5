"""What this app tells the layers below it about their objects, and what it follows of theirs.

`informasi` builds on the core only: it does not know the requests that started a consequence
test nor the written notices that cite a decree. Its pages ask `ppid_portal.related`, and
`PermohonanConfig.ready()` registers the providers below. The open flag of `UjiPermohonan`
follows the sheet's state through `post_save`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from informasi.models import PenetapanPengecualian, UjiKonsekuensi
from ppid_portal import dates, related
from ppid_portal.access import can

from .models import Keputusan, UjiPermohonan

UJI_SLOT = UjiKonsekuensi.RELATED_SLOT
PENETAPAN_SLOT = "informasi.penetapan.dirujuk"


def _visible(user, ids: Iterable[int]) -> set[int]:
    """Which of these requests `user` may open: one query for the whole list (the rule of
    `permohonan.lihat`, i.e. `selectors.permohonan_visible_to`)."""
    if user is None or not can(user, "permohonan.lihat"):
        return set()
    from .selectors import permohonan_visible_to

    return set(permohonan_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def _request_link(p, visible: set[int], label: str) -> related.Link:
    url = reverse("permohonan:detail", args=[p.pk]) if p.pk in visible else ""
    return related.Link(label, url)


def uji_links(uji: UjiKonsekuensi, user) -> Iterable[related.Link]:
    """The request a consequence test was started from (linked for those who may open it)."""
    link = UjiPermohonan.objects.filter(uji_id=uji.pk).select_related("permohonan").first()
    if link is None:
        return []
    p = link.permohonan
    return [_request_link(p, _visible(user, [p.pk]), _("Permohonan %(n)s") % {"n": p.nomor})]


def uji_attributes(uji: UjiKonsekuensi) -> dict:
    """Signed with the sheet: the request it tests. The key and its value are those of the
    column the sheet had before the link moved here, so earlier signatures still match."""
    permohonan_id = (
        UjiPermohonan.objects.filter(uji_id=uji.pk).values_list("permohonan_id", flat=True).first()
        if uji.pk is not None
        else None
    )
    return {"permohonan_id": permohonan_id}


def penetapan_citations(penetapan: PenetapanPengecualian, user) -> Iterable[related.Link]:
    """The written notices that refuse (or grant in part) on the strength of a decree."""
    notices = list(
        Keputusan.objects.filter(penetapan_id=penetapan.pk)
        .select_related("permohonan")
        .order_by("-tanggal", "-id")
    )
    visible = _visible(user, {k.permohonan_id for k in notices})
    return [
        _request_link(
            k.permohonan, visible, f"{k.nomor} ({k.permohonan.nomor}, {dates.tanggal(k.tanggal)})"
        )
        for k in notices
    ]


def follow_uji_state(sender, instance: UjiKonsekuensi, update_fields=None, **kwargs) -> None:
    """post_save of a sheet: a test that closed (completed or cancelled) frees its request for
    the next one. The states only ever close, so nothing here reopens a link."""
    if update_fields is not None and "status" not in update_fields:
        return
    if instance.status not in UjiPermohonan.OPEN_STATES:
        UjiPermohonan.objects.filter(uji_id=instance.pk, terbuka=True).update(terbuka=False)


def register() -> None:
    """Called once from `PermohonanConfig.ready()`."""
    from django.db.models.signals import post_save

    related.register_links(UJI_SLOT, key="permohonan", provider=uji_links)
    related.register_attributes(UJI_SLOT, key="permohonan", provider=uji_attributes)
    related.register_links(PENETAPAN_SLOT, key="permohonan", provider=penetapan_citations)
    post_save.connect(follow_uji_state, sender=UjiKonsekuensi, dispatch_uid="permohonan_uji_state")
