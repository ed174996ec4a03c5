"""One DIP entry from a Penyedia's draft to the public page, in Chromium."""

import pytest
from django.utils import timezone

from informasi.models import InformasiPublik, VersiDIP
from ppid_portal.roles import Role
from tests.portal.factories import UnitKerjaFactory
from tests.portal.samples import pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def logout(page):
    page.context.clear_cookies()


def test_entry_goes_from_penyedia_draft_to_the_public_page(page, login, make_user):
    unit = UnitKerjaFactory(kode="keuangan", nama="Sub-bagian Keuangan", kepala="Kasubbag Keuangan")
    penyedia = make_user(Role.PENYEDIA, unit=unit)
    desk = make_user(Role.DESK)
    ppid = make_user(Role.PPID)
    atasan = make_user(Role.ATASAN)

    # 1. Penyedia Informasi drafts the entry, attaches the report and submits it.
    login(penyedia)
    page.get_by_role("link", name="Usulkan entri DIP").click()
    page.locator("#id_kategori").select_option("berkala")
    page.locator("#id_ringkasan").fill("Laporan Realisasi Anggaran Semester I Tahun 2025")
    assert page.locator("#id_pejabat_penguasa").input_value() == "Kasubbag Keuangan"
    page.locator("#id_penanggung_jawab").fill("Bendahara Pengeluaran")
    page.locator("#id_waktu_tempat").fill("Juli 2025, Kantor KPU Kabupaten Contoh")
    page.get_by_label("Softcopy").check()
    page.get_by_label("Online").check()
    page.locator("#id_subjek").fill("anggaran, realisasi")
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_load_state()
    assert "Draf tersimpan" in page.locator(".messages").inner_text()
    page.locator("#id_judul").fill("LRA Semester I 2025")
    page.locator("#id_berkas").set_input_files(
        files=[
            {
                "name": "lra-2025.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf_bytes("Realisasi belanja barang semester pertama"),
            }
        ]
    )
    page.get_by_role("button", name="Unggah", exact=True).click()
    page.wait_for_load_state()
    assert "LRA Semester I 2025" in page.locator("#dokumen-entri").inner_text()
    page.get_by_role("button", name="Ajukan ke Desk").click()
    page.wait_for_load_state()
    assert "Diajukan ke Desk" in page.locator("h1 + p").inner_text()
    entry = InformasiPublik.objects.get()
    logout(page)

    # 2. The Desk classifies and documents it.
    login(desk)
    assert (
        "Laporan Realisasi Anggaran"
        in page.locator("[data-queue='informasi.desk.diajukan']").inner_text()
    )
    page.goto(entry.get_staff_url())
    page.get_by_role("link", name="Klasifikasi dan dokumentasikan").click()
    page.locator("#id_lokasi_softcopy").fill("Server PPID \\\\DIP\\keuangan\\2025")
    page.locator("#id_retensi").fill("10 tahun aktif, kemudian permanen")
    page.get_by_role("button", name="Simpan sebagai terdokumentasi").click()
    page.wait_for_load_state()
    assert "Didokumentasikan" in page.locator("h1 + p").inner_text()
    logout(page)

    # 3. The PPID sets the DIP.
    login(ppid)
    page.goto("/informasi/staf/versi/baru/")
    assert "Laporan Realisasi Anggaran" in page.locator("#entri-ditambahkan").inner_text()
    page.locator("#id_nomor_sk").fill("7/PPID/SK/2026")
    page.locator("#id_tanggal_sk").fill(timezone.localdate().isoformat())
    page.locator("#id_penandatangan").fill("Agus Prasetyo")
    page.get_by_role("button", name="Tetapkan versi").click()
    page.wait_for_load_state()
    assert "ditetapkan" in page.locator(".messages").inner_text()
    logout(page)

    # 4. The Atasan PPID orders the upload; 5. the Desk publishes it.
    login(atasan)
    page.goto("/informasi/staf/versi/1/")
    page.get_by_role("button", name="Perintahkan unggah").click()
    page.wait_for_load_state()
    logout(page)
    login(desk)
    page.goto("/informasi/staf/versi/1/")
    page.get_by_role("button", name="Unggah ke situs").click()
    page.wait_for_load_state()
    assert VersiDIP.objects.get().status == VersiDIP.Status.DIPUBLIKASIKAN
    logout(page)

    # A visitor finds it by a word from the attached PDF and downloads the document.
    page.goto("/informasi/")
    page.locator("#id_q").fill("belanja semester")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Laporan Realisasi Anggaran Semester I Tahun 2025").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Laporan Realisasi Anggaran")
    assert "SK Nomor 7/PPID/SK/2026" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="LRA Semester I 2025").click()
    assert download.value.suggested_filename == "lra-2025.pdf"
    entry.refresh_from_db()
    assert entry.jumlah_unduhan == 1
