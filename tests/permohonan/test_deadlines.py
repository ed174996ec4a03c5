"""Deadline arithmetic: pure functions over dates and holiday sets, then the office calendar."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from permohonan import deadlines
from permohonan.deadlines import AturanHari, DeadlineError, Jam, JamKelengkapan
from ppid_portal import calendar
from ppid_portal.workdays import is_working_day, working_days_between

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = pytest.mark.clock


RULES = AturanHari()
NONE: frozenset[date] = frozenset()
# Idul Fitri 2026 with its cuti bersama, and Good Friday.
LEBARAN_2026 = frozenset({date(2026, 3, d) for d in (18, 19, 20, 23, 24)} | {date(2026, 4, 3)})
# Christmas 2026 with cuti bersama, New Year and Isra Mikraj 2027.
AKHIR_TAHUN = frozenset(
    {date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1), date(2027, 1, 5)}
)


def test_defaults_are_the_legal_periods():
    assert (RULES.pemberitahuan, RULES.perpanjangan_maks) == (10, 7)
    assert (RULES.keberatan, RULES.tanggapan_atasan, RULES.sengketa) == (30, 30, 14)


def test_notice_counts_from_the_next_working_day_across_a_weekend():
    # Received Friday 6 Nov 2026: day 1 is Monday 9 Nov, day 10 Friday 20 Nov.
    clock = deadlines.notice_clock(date(2026, 11, 6), RULES)
    assert deadlines.notice_due(clock, NONE) == date(2026, 11, 20)


def test_received_on_a_saturday_starts_on_monday():
    clock = deadlines.notice_clock(date(2026, 11, 7), RULES)
    assert deadlines.notice_due(clock, NONE) == date(2026, 11, 20)


def test_cuti_bersama_and_lebaran_are_skipped():
    # Received Tue 17 Mar 2026; 18–24 Mar and 3 Apr are holidays: due Wed 8 Apr.
    clock = deadlines.notice_clock(date(2026, 3, 17), RULES)
    assert deadlines.notice_due(clock, LEBARAN_2026) == date(2026, 4, 8)


def test_year_end_crossing_with_christmas_and_new_year():
    # Received Wed 23 Dec 2026: working days 28–31 Dec, 4, 6, 7, 8, 11, 12 Jan.
    clock = deadlines.notice_clock(date(2026, 12, 23), RULES)
    assert deadlines.notice_due(clock, AKHIR_TAHUN) == date(2027, 1, 12)


def test_an_added_office_holiday_moves_the_due_date():
    clock = deadlines.notice_clock(date(2026, 11, 2), RULES)
    assert deadlines.notice_due(clock, NONE) == date(2026, 11, 16)
    assert deadlines.notice_due(clock, frozenset({date(2026, 11, 4)})) == date(2026, 11, 17)


def test_extension_adds_working_days_after_the_original_due_date():
    clock = deadlines.notice_clock(date(2026, 12, 9), RULES)
    due = deadlines.notice_due(clock, AKHIR_TAHUN)
    assert due == date(2026, 12, 23)
    # +7 working days: 28, 29, 30, 31 Dec, 4, 6, 7 Jan.
    assert deadlines.notice_due(clock, AKHIR_TAHUN, extension_days=7) == date(2027, 1, 7)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"already_extended": True}, "sudah pernah diperpanjang"),
        ({"days": 8}, "antara 1 dan 7"),
        ({"days": 0}, "antara 1 dan 7"),
        ({"reason": "  "}, "Alasan perpanjangan wajib"),
        ({"today": date(2026, 11, 17)}, "sudah terlewati"),
    ],
)
def test_extension_rules(kwargs, message):
    args = {
        "already_extended": False,
        "days": 7,
        "reason": "Dokumen tersebar di beberapa unit.",
        "today": date(2026, 11, 16),
        "due": date(2026, 11, 16),
        "rules": RULES,
    } | kwargs
    with pytest.raises(DeadlineError, match=message):
        deadlines.check_extension(**args)


def test_extension_of_seven_days_on_the_due_date_is_allowed():
    deadlines.check_extension(
        already_extended=False,
        days=7,
        reason="Dokumen tersebar.",
        today=date(2026, 11, 16),
        due=date(2026, 11, 16),
        rules=RULES,
    )


def test_an_office_profile_can_allow_fewer_extension_days():
    pemilu = AturanHari(pemberitahuan=5, perpanjangan_maks=2)
    with pytest.raises(DeadlineError, match="antara 1 dan 2"):
        deadlines.check_extension(
            already_extended=False,
            days=3,
            reason="x",
            today=date(2026, 11, 2),
            due=date(2026, 11, 9),
            rules=pemilu,
        )
    clock = deadlines.notice_clock(date(2026, 11, 2), pemilu)
    assert deadlines.notice_due(clock, NONE) == date(2026, 11, 9)


def test_keberatan_window_is_thirty_working_days_and_inclusive():
    ground = date(2026, 3, 10)
    last = deadlines.keberatan_last_day(ground, RULES, LEBARAN_2026)
    assert working_days_between(ground, last, LEBARAN_2026) == 30
    assert is_working_day(last, LEBARAN_2026)
    assert deadlines.keberatan_in_time(ground, last, RULES, LEBARAN_2026)
    assert not deadlines.keberatan_in_time(ground, last + timedelta(days=1), RULES, LEBARAN_2026)


def test_keberatan_window_across_year_end():
    # Ground on 11 Dec 2026: 30 working days end on 28 Jan 2027 with the year-end holidays.
    last = deadlines.keberatan_last_day(date(2026, 12, 11), RULES, AKHIR_TAHUN)
    assert last == date(2027, 1, 28)


def test_atasan_and_sengketa_periods():
    filed = date(2026, 11, 2)
    assert deadlines.atasan_due(filed, RULES, NONE) == date(2026, 12, 14)
    # 14 working days from Mon 14 Dec 2026 skip 24–25 Dec, 1 and 5 Jan: Thu 7 Jan 2027.
    assert deadlines.sengketa_last_day(date(2026, 12, 14), RULES, AKHIR_TAHUN) == date(2027, 1, 7)


@pytest.mark.parametrize(
    "rule,expected",
    [
        # Restart: 10 working days from completion on Fri 13 Nov → Fri 27 Nov.
        (JamKelengkapan.MULAI_ULANG, Jam(date(2026, 11, 13), 10)),
        # Pause: 3 days used (3, 4, 5 Nov), 7 left from the completion.
        (JamKelengkapan.JEDA, Jam(date(2026, 11, 13), 7)),
        # Keep running: the clock from receipt is unchanged.
        (JamKelengkapan.BERJALAN, Jam(date(2026, 11, 2), 10)),
    ],
)
def test_clock_after_completion(rule, expected):
    rules = AturanHari(jam_kelengkapan=rule.value)
    clock = deadlines.notice_clock(date(2026, 11, 2), rules)
    result = deadlines.clock_after_completion(
        clock,
        rules=rules,
        paused_on=date(2026, 11, 5),
        completed_on=date(2026, 11, 13),
        holidays=NONE,
    )
    assert result == expected


def test_pause_leaves_at_least_one_day():
    rules = AturanHari(jam_kelengkapan=JamKelengkapan.JEDA.value)
    clock = Jam(date(2026, 11, 2), 10)
    result = deadlines.clock_after_completion(
        clock,
        rules=rules,
        paused_on=date(2026, 11, 30),
        completed_on=date(2026, 12, 1),
        holidays=NONE,
    )
    assert result == Jam(date(2026, 12, 1), 1)


def test_days_left_and_state():
    due = date(2026, 11, 20)
    assert deadlines.days_left(due, date(2026, 11, 18), NONE) == 2
    assert deadlines.state(due, date(2026, 11, 18), NONE) == deadlines.Keadaan.SEGERA
    assert deadlines.state(due, date(2026, 11, 13), NONE) == deadlines.Keadaan.AMAN
    assert deadlines.state(due, due, NONE) == deadlines.Keadaan.HARI_INI
    assert deadlines.days_left(due, date(2026, 11, 24), NONE) == -2
    assert deadlines.state(due, date(2026, 11, 24), NONE) == deadlines.Keadaan.TERLAMBAT


def test_snapshot_round_trip():
    rules = AturanHari(pemberitahuan=5, jam_kelengkapan="jeda")
    assert AturanHari.from_dict(rules.as_dict()) == rules
    assert AturanHari.from_dict({"pemberitahuan": 7, "asing": 1}).pemberitahuan == 7


@given(
    start=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    days=st.integers(min_value=1, max_value=40),
    extra=st.sets(st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 6, 30)), max_size=30),
)
def test_due_dates_are_working_days_exactly_n_days_after(start, days, extra):
    holidays = frozenset(extra)
    due = deadlines.notice_due(Jam(start, days), holidays)
    assert is_working_day(due, holidays)
    assert working_days_between(start, due, holidays) == days
    assert due > start


@pytest.mark.django_db
def test_real_calendar_includes_cuti_bersama():
    holidays = calendar.load_holidays([2026, 2027])
    clock = deadlines.notice_clock(date(2026, 3, 17), RULES)
    assert deadlines.notice_due(clock, holidays) == date(2026, 4, 8)
    clock = deadlines.notice_clock(date(2026, 12, 23), RULES)
    assert deadlines.notice_due(clock, holidays) == date(2027, 1, 12)
