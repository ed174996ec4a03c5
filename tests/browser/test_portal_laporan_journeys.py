"""Journeys of the portal's reports in Chromium: an applicant rates the service from the
tracking link; a visitor reads the statistics (chart, table, CSV); the PPID writes and approves
the annual report, which goes to the DIP register."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from permohonan import workflow
from permohonan.models import LaporanTahunan, SurveiKepuasan
from permohonan.tracking import tracking_path
from ppid_portal.roles import Role
from tests.permohonan.factories import decided

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_applicant_rates_the_service_and_the_rating_reaches_the_statistics(page, users):
    p, _k = decided(users)
    _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
    page.goto(tracking_path(code))
    page.get_by_role("link", name="Isi survei kepuasan").click()
    for name, value in (
        ("nilai_prosedur", 4),
        ("nilai_waktu", 3),
        ("nilai_hasil", 4),
        ("nilai_petugas", 4),
        ("nilai_sarana", 3),
    ):
        page.locator(f"input[name={name}][value='{value}']").check()
    page.locator("#id_komentar").fill("Petugas desk sangat membantu.")
    page.get_by_role("button", name="Kirim penilaian").click()
    page.wait_for_load_state()
    assert "Terima kasih atas penilaian Anda." in page.content()
    assert SurveiKepuasan.objects.get().rata_rata == 3.6

    page.goto("/")
    page.get_by_role("link", name="Lihat statistik lengkap").click()
    page.wait_for_load_state()
    survei = page.locator("#tabel-survei-indeks")
    assert "90" in survei.inner_text()  # 3.6 × 25
    assert "Petugas desk sangat membantu." not in page.content()
    chart = page.locator("#tabel-permohonan-kanal svg[role=img]")
    assert chart.count() == 1
    with page.expect_download() as download_info:
        page.locator("#tabel-permohonan-kanal").get_by_role(
            "link", name=re.compile("Unduh CSV")
        ).click()
    content = open(download_info.value.path(), encoding="utf-8-sig").read()
    assert content.splitlines()[0] == "Cara pengajuan,Jumlah permohonan"


def test_ppid_writes_and_approves_the_annual_report(page, users, login):
    ppid = users[Role.PPID]
    login(ppid)
    page.get_by_role("link", name="Laporan tahunan").click()
    page.locator("#id_tahun").fill("2025")
    page.get_by_role("button", name="Susun laporan").click()
    page.wait_for_load_state()
    assert "Draf" in page.locator("#status-laporan").inner_text()
    page.get_by_role("link", name="Tulis narasi").click()
    for field, text in (
        ("kebijakan", "SK PPID dan SOP layanan."),
        ("sarana_prasarana", "Ruang desk dan portal."),
        ("sumber_daya_manusia", "Satu PPID, dua petugas desk."),
        ("anggaran", "Rp 25.000.000."),
        ("kendala", "Arsip belum digital."),
        ("rekomendasi", "Digitalisasi arsip."),
    ):
        page.locator(f"#id_{field}").fill(text)
    page.get_by_role("button", name="Simpan narasi").click()
    page.wait_for_load_state()
    assert "Narasi laporan disimpan." in page.content()
    page.locator("#id_unit").select_option(str(users[Role.PENYEDIA].unit.pk))
    page.get_by_role("button", name="Setujui dan ajukan ke DIP").click()
    page.wait_for_load_state()
    assert "Disetujui PPID" in page.locator("#status-laporan").inner_text()
    assert page.get_by_role("link", name="Unduh PDF").is_visible()
    laporan = LaporanTahunan.objects.get()
    assert laporan.status == "disetujui" and laporan.informasi.status == "diajukan"
