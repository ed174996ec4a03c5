"""Template helpers of the arsip app."""

from django import template
from django.template.defaultfilters import filesizeformat

from ppid_portal.access import can

register = template.Library()


@register.filter
def boleh(user, action: str) -> bool:
    """`{% if user|boleh:"arsip.view" %}`: the same rule the view enforces."""
    return can(user, action)


@register.filter
def ukuran(value) -> str:
    return "" if value is None else filesizeformat(value)
