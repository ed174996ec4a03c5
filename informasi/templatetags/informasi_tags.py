"""Template helpers of the DIP: permission checks for links and the home-page summary."""

from __future__ import annotations

from django import template

from ppid_portal.access import can

from .. import selectors
from ..models import InformasiPublik, Kategori, VersiDIP

register = template.Library()


@register.simple_tag(takes_context=True)
def ppid_can(context, action: str, obj=None) -> bool:
    """{% ppid_can "informasi.versi.view" as boleh %}: the same rule the view enforces."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return user is not None and can(user, action, obj)


@register.simple_tag
def dip_beranda(limit: int = 5) -> dict:
    """Home page data of the published DIP: counts per category, the latest entries and the
    serta-merta information (UU 14/2008 Ps 10, announced immediately)."""
    versi = selectors.published_version()
    counts = selectors.category_counts(versi)
    return {
        "versi": versi,
        "kategori": [(value, label, counts[value]) for value, label in Kategori.choices],
        "terbaru": selectors.latest_rows(versi, limit=limit),
        "serta_merta": selectors.latest_rows(versi, limit=limit, kategori=Kategori.SERTA_MERTA),
    }


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
    }.get(status, "secondary")


@register.filter
def kategori_badge(kategori: str) -> str:
    return {
        "berkala": "primary",
        "serta_merta": "danger",
        "setiap_saat": "success",
        "dikecualikan": "dark",
    }.get(kategori, "secondary")


_STATUS_LABELS = {**dict(InformasiPublik.Status.choices), **dict(VersiDIP.Status.choices)}


@register.filter
def status_label(status: str) -> str:
    """The readable name of an entry or version status (audit trail lines)."""
    return str(_STATUS_LABELS.get(status, status or "—"))
