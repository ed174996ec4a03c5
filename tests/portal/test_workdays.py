from datetime import date

import pytest

from ppid_portal import calendar
from ppid_portal.models import HariLibur
from ppid_portal.workdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    working_days_between,
)


def test_weekend_is_skipped():
    # Friday 6 Nov 2026 + 1 working day = Monday 9 Nov.
    assert add_working_days(date(2026, 11, 6), 1, frozenset()) == date(2026, 11, 9)
    assert next_working_day(date(2026, 11, 7), frozenset()) == date(2026, 11, 9)


def test_ten_working_days_count_from_the_next_working_day():
    # Received Monday 2 Nov 2026: day 1 is Tue 3 Nov, day 10 is Mon 16 Nov.
    assert add_working_days(date(2026, 11, 2), 10, frozenset()) == date(2026, 11, 16)


def test_holidays_are_skipped():
    holidays = frozenset({date(2026, 11, 4)})
    assert add_working_days(date(2026, 11, 2), 10, holidays) == date(2026, 11, 17)
    assert not is_working_day(date(2026, 11, 4), holidays)


def test_between_is_inverse_of_add():
    holidays = frozenset({date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)})
    start = date(2026, 12, 18)
    for n in range(0, 40):
        end = add_working_days(start, n, holidays)
        assert working_days_between(start, end, holidays) == n
    assert working_days_between(date(2026, 11, 16), date(2026, 11, 2), frozenset()) == -10


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1, frozenset())


@pytest.mark.django_db
def test_calendar_is_filled_from_holidays_package_with_cuti_bersama():
    days = calendar.load_holidays([2026])
    assert date(2026, 8, 17) in days  # Hari Kemerdekaan
    assert date(2026, 12, 24) in days  # cuti bersama Natal
    assert date(2026, 3, 20) in days  # cuti bersama Idul Fitri
    # Filled once: a second load adds nothing.
    assert calendar.fill_year(2026) == 0


@pytest.mark.django_db
def test_office_can_add_and_remove_a_day():
    calendar.load_holidays([2026])
    HariLibur.objects.create(tanggal=date(2026, 11, 3), nama="Hari jadi kabupaten")
    cuti = HariLibur.objects.get(tanggal=date(2026, 12, 24))
    cuti.libur = False
    cuti.save()
    days = calendar.load_holidays([2026])
    assert date(2026, 11, 3) in days
    assert date(2026, 12, 24) not in days
    # A removed cuti bersama does not come back when the year is loaded again.
    assert date(2026, 12, 24) not in calendar.load_holidays([2026, 2027])
