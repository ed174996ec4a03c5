"""Template tags of the portal's own pages."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import SafeString

from ppid_portal import related

register = template.Library()

# Rendered fragments that depend on nothing but the code and the language (the public menu, the
# footer), kept in this process. A deployment restarts the process, so a changed template or
# translation is never served stale; with DEBUG (development) nothing is kept.
_fixed: dict[tuple[str, str], SafeString] = {}


def fixed_fragments_enabled() -> bool:
    return bool(getattr(settings, "PPID_FRAGMENT_CACHE", not settings.DEBUG))


class FixedFragmentNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context) -> str:
        if not fixed_fragments_enabled():
            return self.nodelist.render(context)
        key = (self.name, translation.get_language() or "")
        html = _fixed.get(key)
        if html is None:
            html = _fixed[key] = SafeString(self.nodelist.render(context))
        return html


@register.tag
def fragmen_tetap(parser, token):
    """{% fragmen_tetap "nama" %}…{% endfragmen_tetap %}: a fragment that is the same for every
    visitor in a language (no user, request, form or database value inside), rendered once per
    process and language."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("endfragmen_tetap",))
    parser.delete_first_token()
    return FixedFragmentNode(bits[1][1:-1], nodelist)


# Dates people read, in the office's zone and written the Indonesian way (ppid_portal/dates.py).
# They also take the ISO text of a JSON snapshot (a report's "dihitung_pada").
@register.filter
def tanggal(value) -> str:
    from ppid_portal import dates

    return dates.tanggal(value)


@register.filter
def tanggal_panjang(value) -> str:
    from ppid_portal import dates

    return dates.tanggal_panjang(value)


@register.filter
def waktu(value) -> str:
    from ppid_portal import dates

    return dates.waktu(value)


@register.simple_tag(takes_context=True)
def related_links(context, slot: str, obj) -> list:
    """{% related_links "informasi.uji" uji as links %}: what later layers link to `obj` in
    `slot` (`ppid_portal.related`), for the signed-in reader (none in a rendered document)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return related.links(slot, obj, user)
