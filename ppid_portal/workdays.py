"""Working-day arithmetic: pure functions over dates and a set of non-working days.

Saturdays and Sundays are never working days; `holidays` holds the national holidays, cuti
bersama and office holidays that fall on weekdays (see `calendar.load_holidays`). Legal deadlines
count from the day after the event (UU 14/2008 Ps 22(7): "paling lambat 10 hari kerja sejak
diterimanya permintaan").
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: date, holidays: Collection[date]) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int, holidays: Collection[date]) -> date:
    """The date that is `days` working days after `start`, counting from the next working day.

    `add_working_days(receipt, 10, h)` is the last day for a written notice: the first working
    day after receipt is day 1. `days=0` returns `start` itself.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    for _ in range(days):
        current = next_working_day(current, holidays)
    return current


def working_days_between(start: date, end: date, holidays: Collection[date]) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier.

    It is the inverse of `add_working_days` on working days: if
    `add_working_days(a, n, h) == b` then `working_days_between(a, b, h) == n`.
    """
    if end == start:
        return 0
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        if is_working_day(day, holidays):
            count += 1
        day += timedelta(days=1)
    return sign * count
