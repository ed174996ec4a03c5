"""Template helpers of the permohonan pages."""

from django import template

from ppid_portal.access import can

from ..validators import mask_nik

register = template.Library()


@register.filter
def boleh(user, action: str) -> bool:
    """`{% if user|boleh:"permohonan.catat" %}`: the same rule the view checks."""
    return bool(getattr(user, "is_authenticated", False)) and can(user, action)


@register.filter
def samar_nik(value: str) -> str:
    return mask_nik(value or "")


@register.inclusion_tag("permohonan/_tenggat.html")
def tenggat(obj):
    return {"info": getattr(obj, "tenggat_info", None)}


@register.filter
def rupiah(value) -> str:
    try:
        amount = int(value or 0)
    except (TypeError, ValueError):
        return ""
    return "Rp " + f"{amount:,}".replace(",", ".")


@register.filter
def sel(value) -> str:
    """A register cell for the page: dates as dd-mm-yyyy, the rest as text."""
    from datetime import date

    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else str(value)
