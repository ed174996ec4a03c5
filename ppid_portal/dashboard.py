"""Staff work queues: each app registers its queues in `<app>/queues.py`; the dashboard shows a
user the queues of their roles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .access import user_roles
from .roles import Role


@dataclass(frozen=True)
class Queue:
    key: str
    title: str
    roles: frozenset[Role]
    # items(user) returns at most `limit` objects; count(user) the full size of the queue.
    items: Callable[[Any, int], Sequence[Any]]
    count: Callable[[Any], int]
    item_template: str = "portal/_queue_item.html"
    url_name: str | None = None
    order: int = 100


_queues: dict[str, Queue] = {}


def register_queue(
    key: str,
    *,
    title: str,
    roles: Iterable[Role],
    items: Callable[[Any, int], Sequence[Any]],
    count: Callable[[Any], int],
    item_template: str = "portal/_queue_item.html",
    url_name: str | None = None,
    order: int = 100,
) -> None:
    if key in _queues:
        raise ValueError(f"queue {key!r} registered twice")
    _queues[key] = Queue(
        key, title, frozenset(Role(r) for r in roles), items, count, item_template, url_name, order
    )


def queues_for(user) -> list[Queue]:
    roles = user_roles(user)
    return sorted((q for q in _queues.values() if q.roles & roles), key=lambda q: (q.order, q.key))


def registered_queues() -> dict[str, Queue]:
    return dict(_queues)
