"""Portal-wide switch for outgoing e-mail: demo data and imports must not write to anyone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.local()


@contextmanager
def muted() -> Iterator[None]:
    """No e-mail is queued inside this block, by any app."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def is_muted() -> bool:
    return getattr(_state, "muted", False)
