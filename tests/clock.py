"""The clock of the test suite.

No test reads the wall clock: `tests/conftest.py` freezes time (time-machine, ticking from a fixed
instant) for the whole session and again for every test. The default instant is an evening in
UTC that is already the next day in Jakarta, the hours in which a UTC date printed as a local
one goes wrong. `PPID_TEST_NOW` (ISO 8601 with an offset) moves the whole suite to another instant.

Tests marked `@pytest.mark.clock` (or whole modules, with `pytestmark`) run once more at each of
EDGES: both sides of local midnight in WIB and both sides of UTC midnight.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

# Wednesday 2 December 2026, 17:30 UTC = Thursday 3 December 2026, 00:30 WIB: a working day on
# both sides, so deadlines differ only if a date is read in the wrong zone.
DEFAULT = datetime(2026, 12, 2, 17, 30, tzinfo=UTC)

# New Year, where a wrong zone changes not only the day but the year (and with it every number
# series and the annual report). 16:59 UTC on 31 December is 23:59 WIB, still 2026; 17:01 UTC is
# 00:01 WIB on 1 January 2027 (a holiday) while UTC is still in 2026; 23:59 UTC is 06:59 WIB on
# 1 January, UTC on its last minute of 2026; 00:01 UTC on 1 January is 07:01 WIB, both in 2027.
EDGES = {
    "wib-2359": datetime(2026, 12, 31, 16, 59, tzinfo=UTC),
    "wib-0001": datetime(2026, 12, 31, 17, 1, tzinfo=UTC),
    "utc-2359": datetime(2026, 12, 31, 23, 59, tzinfo=UTC),
    "utc-0001": datetime(2027, 1, 1, 0, 1, tzinfo=UTC),
}


def default_instant() -> datetime:
    text = os.environ.get("PPID_TEST_NOW", "").strip()
    if not text:
        return DEFAULT
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("PPID_TEST_NOW needs an offset, e.g. 2026-12-03T17:01:00+00:00")
    return value
