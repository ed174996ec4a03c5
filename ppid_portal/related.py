"""What a later layer knows about an earlier layer's objects.

Layers point one way (core ← `informasi` ← `permohonan`; `arsip` beside them): an earlier layer
never imports a later one. Where its pages must still show what the later layer records about its
objects — the request a consequence test was started from, the written notices citing a decree —
the page names a *slot* and asks this module; the later layer registers a provider for that slot
in its `AppConfig.ready()`. With the later app not installed, the slot is simply empty.

Two kinds of slot:

- links: `provider(obj, user) -> Iterable[Link]`, shown on a page (`{% related_links %}` in
  `portal_tags`). A link without `url` is shown as text (the reader may not open it, or the page
  is a document with no reader).
- attributes: `provider(obj) -> Mapping[str, Any]`, values the earlier layer treats as part of the
  object (the consequence-test sheet signs them with its own content).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Link:
    label: str
    url: str = ""


LinkProvider = Callable[[Any, Any], Iterable[Link]]
AttributeProvider = Callable[[Any], Mapping[str, Any]]

_links: dict[str, dict[str, LinkProvider]] = {}
_attributes: dict[str, dict[str, AttributeProvider]] = {}


def _add(table: dict, slot: str, key: str, provider) -> None:
    providers = table.setdefault(slot, {})
    if key in providers:
        raise ValueError(f"{key!r} registered twice for slot {slot!r}")
    providers[key] = provider


def register_links(slot: str, *, key: str, provider: LinkProvider) -> None:
    """Declare that `key` (usually the app's label) lists links in `slot`."""
    _add(_links, slot, key, provider)


def register_attributes(slot: str, *, key: str, provider: AttributeProvider) -> None:
    """Declare that `key` adds attributes to the objects of `slot`."""
    _add(_attributes, slot, key, provider)


def links(slot: str, obj, user=None) -> list[Link]:
    """Every registered provider's links for `obj`, in the order the apps were registered."""
    found: list[Link] = []
    for provider in _links.get(slot, {}).values():
        found.extend(provider(obj, user))
    return found


def attributes(slot: str, obj) -> dict[str, Any]:
    """The attributes every registered provider gives `obj`; two providers may not give the same
    name (one of them would silently win)."""
    found: dict[str, Any] = {}
    for key, provider in _attributes.get(slot, {}).items():
        values = dict(provider(obj))
        clash = found.keys() & values.keys()
        if clash:
            raise ValueError(f"{key!r} gives {sorted(clash)} already given in slot {slot!r}")
        found.update(values)
    return found


def registered_slots() -> dict[str, list[str]]:
    """Slot → the keys registered in it (links and attributes), for tests and the admin."""
    slots: dict[str, list[str]] = {}
    for table in (_links, _attributes):
        for slot, providers in table.items():
            slots.setdefault(slot, []).extend(providers)
    return slots
