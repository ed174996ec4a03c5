"""`kirim_pengingat` and the demo data."""

import io

import pytest
from django.core.management import call_command

from permohonan import workflow
from permohonan.models import Keberatan, Keputusan, PengingatTerkirim, Permohonan, Sengketa
from ppid_portal.roles import Role

from .factories import assigned, objected, submit_desk

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def run(*args) -> str:
    out = io.StringIO()
    call_command("kirim_pengingat", *args, stdout=out)
    return out.getvalue()


def test_reminders_go_to_the_responsible_staff_once_a_day(
    users, mailoutbox, django_capture_on_commit_callbacks
):
    late, _ = submit_desk(users[Role.DESK], days_ago=25)  # BARU and overdue: desk and PPID
    near, d = assigned(users)  # due later: no reminder yet
    with django_capture_on_commit_callbacks(execute=True):
        run()
    recipients = {m.to[0] for m in mailoutbox}
    assert recipients == {users[Role.DESK].email, users[Role.PPID].email}
    body = mailoutbox[0].body
    assert late.nomor in body and "Terlambat" in body and near.nomor not in body
    assert PengingatTerkirim.objects.filter(objek_id=late.pk, kategori="terlambat").count() == 2
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert mailoutbox == [] and output.startswith("0 e-mail")


def test_penyedia_and_atasan_get_their_items(users, mailoutbox, django_capture_on_commit_callbacks):
    p, _d = assigned(users, days_ago=25)
    _p2, kb = objected(users)
    Keberatan.objects.filter(pk=kb.pk).update(tenggat_tanggapan=kb.tanggal_diajukan)
    with django_capture_on_commit_callbacks(execute=True):
        run()
    by_recipient = {m.to[0]: m.body for m in mailoutbox}
    assert p.nomor in by_recipient[users[Role.PENYEDIA].email]
    assert kb.nomor in by_recipient[users[Role.ATASAN].email]


def test_dry_run_sends_and_records_nothing(users, mailoutbox, django_capture_on_commit_callbacks):
    submit_desk(users[Role.DESK], days_ago=25)
    with django_capture_on_commit_callbacks(execute=True):
        run("--coba")
    assert mailoutbox == [] and not PengingatTerkirim.objects.exists()


def test_demo_covers_every_state_and_is_idempotent(mailoutbox, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)
        call_command("seed_demo", stdout=out)
    assert set(Permohonan.objects.values_list("status", flat=True)) == set(Permohonan.Status.values)
    assert set(Keberatan.objects.values_list("status", flat=True)) >= {"diajukan", "diputus"}
    assert set(Keputusan.objects.values_list("hasil", flat=True)) == set(Keputusan.Hasil.values)
    assert Sengketa.objects.exists()
    from django.utils import timezone

    today = timezone.localdate()
    assert Permohonan.objects.filter(
        status__in=Permohonan.CLOCK_STATES, tenggat_pemberitahuan__lt=today
    ).exists()
    count = Permohonan.objects.count()
    assert count == 15
    # Numbers restart each year (in the office's zone): the demo straddles New Year when it is
    # seeded in the first weeks of January.
    years = sorted(set(Permohonan.objects.values_list("tahun", flat=True)))
    for year in years:
        numbers = sorted(Permohonan.objects.filter(tahun=year).values_list("urut", flat=True))
        assert numbers == list(range(1, len(numbers) + 1)), year
    assert mailoutbox == []
    assert workflow  # the demo went through the workflow (audit trail present)
    from ppid_portal.models import AuditLog

    assert AuditLog.objects.filter(action="permohonan.putus").count() >= 6
    # A few survey answers and a draft annual report of last year, once.
    from permohonan.models import LaporanTahunan, SurveiKepuasan

    assert SurveiKepuasan.objects.count() == 4
    assert SurveiKepuasan.objects.exclude(komentar="").exists()
    (laporan,) = LaporanTahunan.objects.all()
    assert laporan.status == "draf" and laporan.tahun == today.year - 1
    assert all(text for _name, _title, text in laporan.narasi)
