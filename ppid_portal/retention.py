"""The retention period of an archive classification code, as the Jadwal Retensi Arsip says.

The DIP's column 7 (Perki 1/2021: "jangka waktu penyimpanan / retensi arsip") takes its text from
the schedule kept by the archive app. `informasi` asks here; `arsip` registers its lookup in its
`AppConfig.ready()`, so neither imports the other. Without an archive app nothing is known and the
typed retention stays.
"""

from __future__ import annotations

from collections.abc import Callable

# kode → the retention text (Bahasa Indonesia in the active language), or None if not scheduled.
RetentionLookup = Callable[[str], "str | None"]

_lookup: RetentionLookup | None = None


def register_retention_lookup(lookup: RetentionLookup) -> None:
    global _lookup
    if _lookup is not None and _lookup is not lookup:
        raise ValueError("a retention lookup is already registered")
    _lookup = lookup


def retention_text(kode: str) -> str | None:
    """The schedule's retention text for `kode` (or its nearest scheduled parent), or None."""
    if not kode or _lookup is None:
        return None
    return _lookup(kode)
