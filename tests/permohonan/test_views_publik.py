"""The satisfaction survey on the tracking link, and the procedure pages generated from the
deadline profiles."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from permohonan import services, tracking, workflow
from permohonan.models import AturanTenggat, SurveiKepuasan
from permohonan.tracking import Pemohon
from ppid_portal import audit
from ppid_portal.models import HariLibur
from ppid_portal.roles import Role

from .factories import AturanTenggatFactory, decided, verified

pytestmark = pytest.mark.django_db
NILAI = {
    "nilai_prosedur": 4,
    "nilai_waktu": 3,
    "nilai_hasil": 3,
    "nilai_petugas": 4,
    "nilai_sarana": 2,
}


def _grant(client, users, p):
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    client.get(tracking.tracking_path(code))


# ----------------------------------------------------------------------------- survey service


def test_applicant_rates_a_finished_request_once(users):
    p, _k = decided(users)
    survei = services.survei_submit(
        actor=Pemohon(p.pk), permohonan_id=p.pk, nilai=NILAI, komentar="  Terima kasih.  "
    )
    assert survei.rata_rata == 3.2 and survei.komentar == "Terima kasih."
    (record,) = [r for r in audit.history(p) if r.action == "survei.isi"]
    assert "Terima kasih" not in record.note  # the comment stays on staff pages only
    with pytest.raises(ValidationError, match="sudah diisi"):
        services.survei_submit(actor=Pemohon(p.pk), permohonan_id=p.pk, nilai=NILAI)


def test_survey_needs_a_finished_request(users):
    p = verified(users)
    with pytest.raises(ValidationError, match="setelah pemberitahuan tertulis"):
        services.survei_submit(actor=Pemohon(p.pk), permohonan_id=p.pk, nilai=NILAI)
    assert not SurveiKepuasan.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_staff_cannot_answer_for_the_applicant(users, role):
    p, _k = decided(users)
    with pytest.raises(PermissionDenied):
        services.survei_submit(actor=users[role], permohonan_id=p.pk, nilai=NILAI)
    other, _k = decided(users)
    with pytest.raises(PermissionDenied):
        services.survei_submit(actor=Pemohon(other.pk), permohonan_id=p.pk, nilai=NILAI)


@pytest.mark.parametrize("bad", [0, 5, "4", None, True])
def test_scores_must_be_1_to_4(users, bad):
    p, _k = decided(users)
    with pytest.raises(ValidationError) as exc:
        services.survei_submit(
            actor=Pemohon(p.pk), permohonan_id=p.pk, nilai={**NILAI, "nilai_waktu": bad}
        )
    assert set(exc.value.message_dict) == {"nilai_waktu"}


def test_database_keeps_scores_in_range_and_one_per_request(users):
    p, _k = decided(users)
    survei = services.survei_submit(actor=Pemohon(p.pk), permohonan_id=p.pk, nilai=NILAI)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveiKepuasan.objects.filter(pk=survei.pk).update(nilai_sarana=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveiKepuasan.objects.create(permohonan=p, tanggal=date.today(), **NILAI)


# ----------------------------------------------------------------------------- survey pages


def test_tracking_page_invites_and_the_form_records_the_rating(client, users):
    p, _k = decided(users)
    _grant(client, users, p)
    detail = reverse("permohonan:lacak_detail", args=[p.pk])
    assert "Isi survei kepuasan" in client.get(detail).content.decode()
    url = reverse("permohonan:survei", args=[p.pk])
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"].startswith("private, no-store")
    assert "Bagaimana kecepatan waktu pelayanan?" in page.content.decode()
    response = client.post(url, {**NILAI, "komentar": "Petugas ramah."})
    assert response.status_code == 302 and response["Location"] == detail
    assert p.survei.komentar == "Petugas ramah."
    html = client.get(detail).content.decode()
    assert "sudah mengisi survei" in html and "Survei kepuasan diisi" in html
    assert client.get(url)["Location"] == detail  # once only


def test_missing_scores_are_shown_on_the_form(client, users):
    p, _k = decided(users)
    _grant(client, users, p)
    response = client.post(reverse("permohonan:survei", args=[p.pk]), {"nilai_waktu": 3})
    assert response.status_code == 200
    assert "Pilih salah satu nilai." in response.content.decode()
    assert not SurveiKepuasan.objects.exists()


def test_survey_of_someone_elses_request_is_404(client, users):
    p, _k = decided(users)
    mine, _k = decided(users)
    _grant(client, users, mine)
    assert client.get(reverse("permohonan:survei", args=[p.pk])).status_code == 404
    assert client.post(reverse("permohonan:survei", args=[p.pk]), NILAI).status_code == 404
    assert not SurveiKepuasan.objects.exists()


def test_survey_before_the_notice_goes_back_to_tracking(client, users):
    p = verified(users)
    _grant(client, users, p)
    response = client.get(reverse("permohonan:survei", args=[p.pk]))
    assert response["Location"] == reverse("permohonan:lacak_detail", args=[p.pk])
    assert "Isi survei kepuasan" not in client.get(response["Location"]).content.decode()


def test_comments_are_for_staff_only(client, users):
    p, _k = decided(users)
    services.survei_submit(
        actor=Pemohon(p.pk), permohonan_id=p.pk, nilai=NILAI, komentar="Petugas Budi lambat."
    )
    public = client.get(reverse("portal:statistik")).content.decode()
    assert "Petugas Budi lambat." not in public and "Indeks kepuasan" in public
    assert client.get(reverse("portal:statistik"), {"unduh": "survei-komentar"}).status_code == 404
    client.force_login(users[Role.PPID])
    staff = client.get(reverse("portal:statistik_staf")).content.decode()
    assert "Petugas Budi lambat." in staff
    csv = client.get(reverse("portal:statistik_staf"), {"unduh": "survei-komentar"})
    assert "Petugas Budi lambat." in csv.content.decode("utf-8-sig")


# ----------------------------------------------------------------------------- procedures

PAGES = ["permohonan", "jangka-waktu", "keberatan", "sengketa"]


@pytest.mark.parametrize("halaman", PAGES)
def test_procedure_pages_are_public_with_title_and_description(client, halaman):
    response = client.get(reverse("permohonan:prosedur", args=[halaman]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="description" content="Portal layanan' not in html  # its own text
    assert "aturan tenggat “Perki 1/2021" in html


def test_unknown_procedure_page_is_404(client):
    assert client.get(reverse("permohonan:prosedur", args=["rahasia"])).status_code == 404


def test_procedure_pages_follow_the_configured_numbers(client):
    aturan = AturanTenggat.objects.get(utama=True)
    aturan.hari_pemberitahuan, aturan.hari_keberatan, aturan.hari_sengketa = 7, 20, 12
    aturan.save()
    html = client.get(reverse("permohonan:prosedur", args=["permohonan"])).content.decode()
    assert "paling lambat 7 hari kerja sejak permohonan diterima" in html
    html = client.get(reverse("permohonan:prosedur", args=["keberatan"])).content.decode()
    assert "paling lambat 20 hari kerja sejak alasan keberatan timbul" in html
    html = client.get(reverse("permohonan:prosedur", args=["sengketa"])).content.decode()
    assert "paling lambat 12 hari kerja setelah Anda menerima" in html
    assert "paling lambat 7 hari kerja" in client.get(reverse("portal:home")).content.decode()


def test_deadline_table_lists_every_active_profile(client):
    AturanTenggatFactory(nama="Perki 1/2019 (informasi pemilu)", hari_pemberitahuan=5)
    AturanTenggatFactory(nama="Profil nonaktif", aktif=False)
    html = client.get(reverse("permohonan:prosedur", args=["jangka-waktu"])).content.decode()
    assert "Perki 1/2019 (informasi pemilu)" in html and "Profil nonaktif" not in html
    assert "<td>5</td>" in html and "<td>10</td>" in html


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_deadline_example_counts_working_days_over_the_office_calendar(client):
    from django.utils import formats, timezone

    from ppid_portal.calendar import holidays_around
    from ppid_portal.workdays import add_working_days

    today = timezone.localdate()
    holidays = holidays_around(today)
    due = add_working_days(today, 10, holidays)
    # An office holiday inside the period moves the example's due date by one working day.
    extra = add_working_days(today, 3, holidays)
    HariLibur.objects.create(tanggal=extra, nama="Libur kantor", sumber="kantor")
    html = client.get(reverse("permohonan:prosedur", args=["jangka-waktu"])).content.decode()
    later = add_working_days(today, 10, holidays | {extra})
    assert later > due
    assert formats.date_format(later, "l, j F Y") in html
    assert formats.date_format(due, "l, j F Y") not in html
