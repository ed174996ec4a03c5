"""Excepting information, in Chromium: the Tim Pertimbangan proposes, the PPID writes the
consequence test, every participant signs, the PPID issues the decree, the Atasan PPID approves
it, and the public register shows it — without the harm analysis."""

from datetime import timedelta

import pytest
from django.utils import timezone

from informasi.models import PenetapanPengecualian, UjiKonsekuensi
from ppid_portal.roles import Role
from tests.informasi.factories import documented_entry
from tests.portal.factories import UnitKerjaFactory

pytestmark = pytest.mark.django_db(transaction=True)

HARM = "Membuka berkas menghambat pemeriksaan saksi yang masih berjalan."
NOTE = "Dibahas tertutup pada rapat tim tanggal 3."


def logout(page):
    page.context.clear_cookies()


def test_from_proposal_to_the_public_register(page, login, make_user, axe_violations):
    unit = UnitKerjaFactory(kode="hukum", nama="Sub-bagian Hukum", kepala="Kasubbag Hukum")
    penyedia = make_user(Role.PENYEDIA, unit=unit)
    desk = make_user(Role.DESK)
    ppid = make_user(Role.PPID)
    atasan = make_user(Role.ATASAN)
    tim = make_user(Role.TIM_PERTIMBANGAN)
    entry = documented_entry(
        penyedia, desk, ringkasan="Berkas pemeriksaan dugaan pelanggaran kode etik 2025"
    )

    # 1. The Tim Pertimbangan proposes the exception from the entry's page.
    login(tim)
    page.goto(entry.get_staff_url())
    page.get_by_role("link", name="Usulkan pengecualian (uji konsekuensi)").click()
    page.locator("#id_alasan").select_option("a")
    page.locator("#id_usulan").fill("Pemeriksaan masih berjalan.")
    page.get_by_role("button", name="Ajukan usulan").click()
    page.wait_for_load_state()
    assert "Usulan tercatat" in page.locator(".messages").inner_text()
    uji = UjiKonsekuensi.objects.get()
    logout(page)

    # 2. The PPID writes the sheet and names the participants, then circulates it.
    login(ppid)
    page.goto(uji.get_absolute_url())
    page.get_by_role("link", name="Isi / revisi lembar uji").click()
    page.locator("#id_konsekuensi").fill(HARM)
    page.locator("#id_kepentingan_publik").fill("Akuntabilitas penegakan etik.")
    page.locator("#id_pertimbangan").fill("Kerugian lebih besar daripada manfaat saat ini.")
    page.locator("#id_kesimpulan").select_option("dikecualikan")
    page.locator("#id_berakhir_pada").fill((timezone.localdate() + timedelta(days=365)).isoformat())
    page.locator("#id_uraian_publik").fill("Berkas pemeriksaan kode etik Tahun 2025")
    page.locator("#id_catatan_internal").fill(NOTE)
    page.get_by_role("button", name="Simpan lembar uji").click()
    page.wait_for_load_state()
    assert "Lembar uji tersimpan" in page.locator(".messages").inner_text()
    for user, peran in [(ppid, "ppid"), (penyedia, "unit")]:
        page.locator("#form-peserta #id_username").fill(user.username)
        page.locator("#form-peserta #id_peran").select_option(peran)
        page.get_by_role("button", name="Tambahkan").click()
        page.wait_for_load_state()
    assert page.locator("#peserta-uji tbody tr").count() == 3
    page.get_by_role("button", name="Edarkan untuk ditandatangani").click()
    page.wait_for_load_state()
    assert "Diedarkan untuk ditandatangani" in page.locator("#status-uji").inner_text()
    logout(page)

    # 3. Each participant signs from the dashboard; the last signature completes the sheet.
    for user in (tim, ppid, penyedia):
        login(user)
        queue = page.locator("[data-queue='informasi.pengecualian.tandatangan']")
        queue.get_by_role("link").first.click()
        page.get_by_role("button", name="Tandatangani lembar uji").click()
        page.wait_for_load_state()
        assert "Tanda tangan Anda tercatat" in page.locator(".messages").inner_text()
        logout(page)
    uji.refresh_from_db()
    assert uji.status == "selesai"

    # 4. The PPID issues the numbered decree.
    login(ppid)
    page.goto(uji.get_absolute_url())
    page.get_by_role("link", name="Terbitkan penetapan").click()
    page.get_by_role("button", name="Terbitkan penetapan").click()
    page.wait_for_load_state()
    penetapan = PenetapanPengecualian.objects.get()
    assert penetapan.nomor in page.locator("h1").inner_text()
    assert "Menunggu persetujuan" in page.locator("#status-penetapan").inner_text()
    logout(page)

    # 5. The Atasan PPID approves it.
    login(atasan)
    queue = page.locator("[data-queue='informasi.pengecualian.persetujuan']")
    queue.get_by_role("link", name=penetapan.nomor).click()
    page.get_by_role("button", name="Setujui penetapan").click()
    page.wait_for_load_state()
    assert "Berlaku" in page.locator("#status-penetapan").inner_text()
    logout(page)

    # 6. Anyone sees it in the register — the metadata, never the analysis or the notes.
    page.goto("/")
    page.get_by_role("button", name="Informasi publik").click()
    page.get_by_role("link", name="Informasi dikecualikan").first.click()
    table = page.locator("#tabel-dikecualikan").inner_text()
    assert penetapan.nomor in table
    assert "Berkas pemeriksaan kode etik Tahun 2025" in table
    assert "Pasal 17 huruf a" in table
    content = page.content()
    assert HARM not in content and NOTE not in content
    assert axe_violations() == []
