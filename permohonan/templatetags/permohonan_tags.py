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


@register.simple_tag(takes_context=True)
def uji_permohonan(context, permohonan) -> dict:
    """Staff request page: the consequence tests of the information asked for, and whether the
    reader may start one."""
    from ..selectors import uji_of_permohonan

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"list": [], "may_start": False}
    return {
        "list": uji_of_permohonan(user, permohonan),
        "may_start": can(user, "permohonan.mulai_uji", permohonan),
    }


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
    """A register cell for the page: dates as dd-mm-yyyy in the office's zone, the rest as text."""
    from datetime import date

    from ppid_portal import dates

    if isinstance(value, date):
        return dates.tanggal(value)
    return "" if value is None else str(value)


@register.filter
def angka(value) -> str:
    """A report cell: dates as dd-mm-yyyy, numbers as the active language writes them, "—"
    for a figure that cannot be computed."""
    from datetime import date

    from django.utils import formats

    from ppid_portal import dates

    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return dates.tanggal(value)
    if isinstance(value, float):
        value = round(value, 2)
        return formats.number_format(int(value) if value.is_integer() else value)
    if isinstance(value, int):
        return formats.number_format(value)
    return str(value)


@register.simple_tag
def aturan_utama():
    """The default deadline profile, so public text quotes the numbers the workflow uses."""
    from ppid_portal import cache

    from ..workflow import default_aturan

    # Read on the home page, the forms and the procedure pages; kept until a profile is saved.
    return cache.memo("permohonan:aturan-utama", ("aturan",), default_aturan)
