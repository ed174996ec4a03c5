"""Template helpers of the DIP: permission checks for links and the home-page summary."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils import timezone

from ppid_portal.access import can

from .. import conf, selectors
from ..models import InformasiPublik, Kategori, PenetapanPengecualian, UjiKonsekuensi, VersiDIP

register = template.Library()


@register.simple_tag(takes_context=True)
def ppid_can(context, action: str, obj=None) -> bool:
    """{% ppid_can "informasi.versi.view" as boleh %}: the same rule the view enforces."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return user is not None and can(user, action, obj)


@register.simple_tag
def dip_beranda(limit: int = 5) -> dict:
    """Home page data of the published DIP: counts per category and the latest entries."""
    versi = selectors.published_version()
    counts = selectors.category_counts(versi)
    return {
        "versi": versi,
        "kategori": [(value, label, counts[value]) for value, label in Kategori.choices],
        "terbaru": selectors.latest_rows(versi, limit=limit),
    }


@register.simple_tag
def dip_serta_merta(limit: int = 5) -> list:
    """The current serta-merta information (UU 14/2008 Ps 10, announced immediately) for the
    top of the home page: published, documented within `INFORMASI_SERTA_MERTA_HARI` days."""
    cutoff = timezone.now() - timedelta(days=conf.serta_merta_hari())
    rows = selectors.latest_rows(
        selectors.published_version(), limit=limit, kategori=Kategori.SERTA_MERTA
    )
    return [row for row in rows if row.tanggal >= cutoff]


@register.filter
def status_badge(status: str) -> str:
    """Bootstrap colour of a status badge."""
    return {
        "draf": "secondary",
        "diajukan": "info",
        "dikembalikan": "warning",
        "didokumentasikan": "success",
        "dicabut": "dark",
        "ditetapkan": "info",
        "diperintahkan": "primary",
        "dipublikasikan": "success",
        "digantikan": "secondary",
        "dibatalkan": "dark",
        # Consequence tests and decrees of excepted information.
        "diedarkan": "primary",
        "selesai": "success",
        "menunggu": "info",
        "berlaku": "dark",
        "ditolak": "danger",
        "berakhir": "secondary",
        "dibuka": "success",
    }.get(status, "secondary")


@register.filter
def kategori_badge(kategori: str) -> str:
    return {
        "berkala": "primary",
        "serta_merta": "danger",
        "setiap_saat": "success",
        "dikecualikan": "dark",
    }.get(kategori, "secondary")


_STATUS_LABELS = {
    **dict(PenetapanPengecualian.Status.choices),
    **dict(UjiKonsekuensi.Status.choices),
    **dict(InformasiPublik.Status.choices),
    **dict(VersiDIP.Status.choices),
}


@register.filter
def status_label(status: str) -> str:
    """The readable name of an entry or version status (audit trail lines)."""
    return str(_STATUS_LABELS.get(status, status or "—"))


@register.simple_tag
def penetapan_berlaku(informasi_id: int):
    """{% penetapan_berlaku row.informasi_id as p %}: the decree in force for an entry, if any
    (its number, date and period are public; nothing else is read)."""
    from django.utils import timezone

    return selectors.penetapan_by_informasi([informasi_id], timezone.localdate()).get(informasi_id)


@register.simple_tag(takes_context=True)
def pengecualian_entri(context, entry) -> dict:
    """Staff entry page: the consequence tests and decrees of an entry the user may read."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "uji": list(
            selectors.uji_visible_to(user).filter(informasi=entry).order_by("-diusulkan_pada")
        ),
        "penetapan": list(
            selectors.penetapan_visible_to(user).filter(informasi=entry).order_by("-tahun", "-urut")
        ),
        "may_propose": user is not None and can(user, "informasi.uji.usulkan", entry),
    }
