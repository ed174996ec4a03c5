"""Expiry of excepted information (seed 004): the PPID's queue 30 working days before the end,
by priority, and the opening the day after the last day. With the real office calendar."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from informasi import selectors, workflow
from informasi.models import InformasiPublik, PenetapanPengecualian
from ppid_portal import audit
from ppid_portal.calendar import load_holidays
from ppid_portal.dashboard import registered_queues
from ppid_portal.workdays import is_working_day, working_days_between
from tests.informasi.factories import actors_penetapan, publish_version

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]

P = PenetapanPengecualian.Status


def previous_working_day(day: date, holidays) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day, holidays):
        day -= timedelta(days=1)
    return day


def end_with_a_holiday_in_its_window() -> tuple[date, frozenset[date]]:
    """A last day whose 30 working days before it include a national holiday or cuti bersama
    of the real calendar, so the count differs from Monday–Friday arithmetic."""
    today = timezone.localdate()
    holidays = load_holidays(range(today.year, today.year + 3))
    end = today + timedelta(days=70)
    while True:
        start = end - timedelta(days=45)
        if any(start <= h <= end and h.weekday() < 5 for h in holidays) and is_working_day(
            end, holidays
        ):
            return end, holidays
        end += timedelta(days=1)


@pytest.fixture
def ending(actors):
    end, holidays = end_with_a_holiday_in_its_window()
    penetapan = actors_penetapan(actors, berakhir_pada=end)
    return penetapan, end, holidays


def thirty_working_days_before(end: date, holidays) -> date:
    day = end
    for _ in range(30):
        day = previous_working_day(day, holidays)
    return day


def test_the_window_is_counted_on_the_real_calendar(ending):
    _penetapan, end, holidays = ending
    day = thirty_working_days_before(end, holidays)
    assert working_days_between(day, end, holidays) == 30
    weekdays_only = sum(
        1 for n in range(1, (end - day).days + 1) if (day + timedelta(n)).weekday() < 5
    )
    assert weekdays_only > 30  # a holiday in between: plain weekday counting would be wrong


def test_31_working_days_before_the_end_nothing_happens(ending):
    penetapan, end, holidays = ending
    day = previous_working_day(thirty_working_days_before(end, holidays), holidays)
    result = workflow.check_expiry(today=day)
    assert result.antrean_baru == [] and result.dibuka == []
    penetapan.refresh_from_db()
    assert penetapan.antrean_pada is None and penetapan.prioritas is None
    assert selectors.expiry_queue().count() == 0


def test_exactly_30_working_days_before_it_enters_the_ppid_queue(actors, ending):
    penetapan, end, holidays = ending
    day = thirty_working_days_before(end, holidays)
    result = workflow.check_expiry(today=day)
    assert [p.pk for p in result.antrean_baru] == [penetapan.pk]
    penetapan.refresh_from_db()
    assert penetapan.antrean_pada == day and penetapan.status == P.BERLAKU
    assert penetapan.prioritas == PenetapanPengecualian.Prioritas.RENDAH
    log = audit.history(penetapan).last()
    assert log.action == "informasi.penetapan.antrean" and log.actor_label.startswith("Sistem")
    queue = registered_queues()["informasi.pengecualian.segera_berakhir"]
    assert queue.items(actors["ppid"], 10) == [penetapan] and queue.count(actors["ppid"]) == 1
    # Safe to run twice: nothing more is queued or written.
    logs = audit.history(penetapan).count()
    again = workflow.check_expiry(today=day)
    assert again.antrean_baru == [] and again.prioritas_naik == [] and again.dibuka == []
    assert audit.history(penetapan).count() == logs


def test_on_the_last_day_it_is_still_excepted_with_high_priority(ending):
    penetapan, end, holidays = ending
    workflow.check_expiry(today=thirty_working_days_before(end, holidays))
    result = workflow.check_expiry(today=end)
    assert result.dibuka == [] and [p.pk for p in result.prioritas_naik] == [penetapan.pk]
    penetapan.refresh_from_db()
    assert penetapan.status == P.BERLAKU
    assert penetapan.prioritas == PenetapanPengecualian.Prioritas.TINGGI
    assert penetapan.in_force_on(end)
    assert InformasiPublik.objects.get(pk=penetapan.informasi_id).dikecualikan


def test_the_day_after_the_last_day_the_information_is_opened(actors, ending):
    penetapan, end, _holidays = ending
    entry = InformasiPublik.objects.get(pk=penetapan.informasi_id)
    day_after = end + timedelta(days=1)
    assert selectors.register_rows(end).filter(pk=penetapan.pk).exists()
    assert not selectors.register_rows(day_after).filter(pk=penetapan.pk).exists()
    result = workflow.check_expiry(today=day_after)
    assert [p.pk for p in result.dibuka] == [penetapan.pk]
    penetapan.refresh_from_db()
    assert penetapan.status == P.BERAKHIR and penetapan.ditutup_pada is not None
    pembukaan = penetapan.pembukaan.get()
    assert (pembukaan.jenis, pembukaan.tanggal_putusan) == ("masa_berakhir", day_after)
    log = audit.history(penetapan).last()
    assert (log.action, log.from_state, log.to_state) == (
        "informasi.penetapan.akhiri",
        P.BERLAKU,
        P.BERAKHIR,
    )
    entry.refresh_from_db()
    # Back to the category it had before the exception (the sheet's `kategori_terbuka`).
    assert not entry.dikecualikan and entry.kategori == "berkala"
    assert audit.history(entry).last().action == "informasi.buka"
    # In the next DIP version, as open information.
    assert entry in selectors.entries_awaiting_penetapan()
    versi = publish_version(actors)
    assert versi.entri.get(informasi=entry).kategori == "berkala"
    # Safe to run twice.
    again = workflow.check_expiry(today=day_after)
    assert again.dibuka == [] and again.antrean_baru == []
    assert penetapan.pembukaan.count() == 1


def test_priority_rises_as_the_end_nears_but_never_falls(actors, ending):
    penetapan, end, holidays = ending
    workflow.check_expiry(today=thirty_working_days_before(end, holidays))
    workflow.penetapan_set_priority(actor=actors["ppid"], penetapan=penetapan, prioritas=1)
    workflow.check_expiry(today=previous_working_day(end, holidays))
    penetapan.refresh_from_db()
    assert penetapan.prioritas == PenetapanPengecualian.Prioritas.TINGGI


def test_queue_orders_by_priority_then_end(actors):
    today = timezone.localdate()
    later = actors_penetapan(actors, berakhir_pada=today + timedelta(days=30))
    sooner = actors_penetapan(actors, berakhir_pada=today + timedelta(days=5))
    workflow.check_expiry(today=today)
    assert list(selectors.expiry_queue()) == [sooner, later]
    workflow.penetapan_set_priority(actor=actors["ppid"], penetapan=later, prioritas=1)
    workflow.penetapan_set_priority(actor=actors["ppid"], penetapan=sooner, prioritas=2)
    assert list(selectors.expiry_queue()) == [later, sooner]


def test_permanent_decrees_never_expire(actors):
    penetapan = actors_penetapan(
        actors,
        alasan="h",
        permanen=True,
        berakhir_pada=None,
        dasar_hukum_lain="UU 27/2022 tentang Pelindungan Data Pribadi",
    )
    result = workflow.check_expiry(today=timezone.localdate() + timedelta(days=40 * 365))
    assert result.dibuka == [] and result.antrean_baru == []
    penetapan.refresh_from_db()
    assert penetapan.status == P.BERLAKU


def test_command_reports_and_is_safe_to_run_twice(
    actors, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    actors_penetapan(actors, berakhir_pada=today + timedelta(days=7))
    mailoutbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periksa_pengecualian", stdout=out)
    assert "1 masuk antrean" in out.getvalue()
    assert [m.to for m in mailoutbox] == [[actors["ppid"].email]]
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periksa_pengecualian", stdout=out)
    assert "0 dibuka, 0 masuk antrean" in out.getvalue()
    assert len(mailoutbox) == 1
    out = io.StringIO()
    call_command(
        "periksa_pengecualian", tanggal=(today + timedelta(days=8)).isoformat(), stdout=out
    )
    assert "1 dibuka" in out.getvalue()


def test_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("periksa_pengecualian", tanggal="31-12-2026")
