"""Dates a person reads are in the office's zone, written the Indonesian way."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from ppid_portal import dates
from tests import clock

# 17:01 UTC on 3 December is already Friday 4 December in WIB, WITA and WIT.
EVENING_UTC = datetime(2026, 12, 3, 17, 1, tzinfo=UTC)


def test_a_utc_evening_is_the_next_day_in_jakarta():
    assert dates.tanggal(EVENING_UTC) == "04-12-2026"
    assert dates.tanggal_panjang(EVENING_UTC) == "4 Desember 2026"
    assert dates.waktu(EVENING_UTC) == "04-12-2026 00.01 WIB"
    assert dates.local_date(EVENING_UTC) == date(2026, 12, 4)


def test_a_utc_morning_is_the_same_day():
    morning = datetime(2026, 12, 3, 0, 1, tzinfo=UTC)
    assert dates.tanggal(morning) == "03-12-2026"
    assert dates.waktu(morning) == "03-12-2026 07.01 WIB"


@pytest.mark.parametrize(
    "zone,expected",
    [
        ("Asia/Jakarta", "04-12-2026 00.01 WIB"),
        ("Asia/Pontianak", "04-12-2026 00.01 WIB"),
        ("Asia/Makassar", "04-12-2026 01.01 WITA"),
        ("Asia/Jayapura", "04-12-2026 02.01 WIT"),
        ("Asia/Singapore", "04-12-2026 01.01 UTC+08:00"),
    ],
)
def test_the_office_zone_is_a_setting(settings, zone, expected):
    settings.TIME_ZONE = zone
    with timezone.override(zone):
        assert dates.waktu(EVENING_UTC) == expected


def test_plain_dates_and_nothing():
    assert dates.tanggal(date(2027, 1, 5)) == "05-01-2027"
    assert dates.tanggal_panjang(date(2027, 8, 17)) == "17 Agustus 2027"
    assert dates.tanggal(None) == "" and dates.waktu(None) == "" and dates.tanggal("") == ""
    assert dates.waktu(date(2027, 1, 5)) == "05-01-2027"


def test_iso_text_of_a_snapshot_is_read_in_the_office_zone():
    # Approved annual reports keep the moment their figures were computed as UTC ISO text.
    assert dates.waktu("2026-12-04T19:15:30+00:00") == "05-12-2026 02.15 WIB"
    assert dates.tanggal("2026-12-04") == "04-12-2026"
    assert dates.waktu("bukan tanggal") == ""


def test_template_filters():
    html = Template(
        "{% load portal_tags %}{{ t|tanggal }}|{{ t|tanggal_panjang }}|{{ t|waktu }}|{{ s|waktu }}"
    ).render(Context({"t": EVENING_UTC, "s": "2026-12-04T19:15:30+00:00"}))
    assert html == "04-12-2026|4 Desember 2026|04-12-2026 00.01 WIB|05-12-2026 02.15 WIB"


@pytest.mark.clock
def test_the_suite_clock_is_frozen(clock_instant):
    # Every test starts at a fixed instant (tests/clock.py), never at the wall clock.
    assert abs((timezone.now() - clock_instant).total_seconds()) < 60
    assert clock_instant in (clock.default_instant(), *clock.EDGES.values())
    assert timezone.localdate() == dates.local_date(clock_instant)
