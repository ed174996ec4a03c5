"""Journeys through the archive in Debian's Chromium."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from arsip.models import ItemArsip, Kegiatan, Lokasi, UsulPemusnahan
from ppid_portal.roles import Role
from tests.arsip.factories import JadwalRetensiFactory, make_item, make_tree
from tests.portal.samples import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def _pick(page, field: str, value) -> None:
    page.locator(f"#id_{field}").select_option(str(value))


def test_desk_files_a_box_and_an_item_moves_it_and_prints_a_label(page, login, make_user, unit):
    JadwalRetensiFactory(kode_klasifikasi="KU.01", retensi_aktif=2, retensi_inaktif=3)
    desk = make_user(Role.DESK)
    login(desk)

    page.get_by_role("link", name="Arsip fisik").click()
    page.get_by_role("link", name="Tambah lokasi").click()
    _pick(page, "jenis", "gedung")
    page.locator("#id_kode").fill("G1")
    page.locator("#id_nama").fill("Kantor Utama")
    page.get_by_role("button", name="Simpan").click()
    assert page.locator("h1").inner_text() == "Gedung G1"

    # Each level is added from inside its parent.
    for jenis, kode, nama in [("ruang", "R1", "Ruang Arsip"), ("rak", "RAK1", "Rak 1")]:
        page.get_by_role("link", name="Tambah lokasi di dalamnya").click()
        _pick(page, "jenis", jenis)
        page.locator("#id_kode").fill(kode)
        page.locator("#id_nama").fill(nama)
        page.get_by_role("button", name="Simpan").click()
    assert page.locator("h1").inner_text() == "Rak G1/R1/RAK1"
    rak_url = page.url
    for kode in ["B1", "B2"]:
        page.goto(rak_url)
        page.get_by_role("link", name="Tambah lokasi di dalamnya").click()
        _pick(page, "jenis", "boks")
        page.locator("#id_kode").fill(kode)
        page.locator("#id_nama").fill(f"Boks {kode}")
        page.get_by_role("button", name="Simpan").click()
    assert page.locator("h1").inner_text() == "Boks G1/R1/RAK1/B2"

    b1 = Lokasi.objects.get(kode="B1")
    b2 = Lokasi.objects.get(kode="B2")
    page.goto(b1.get_absolute_url())
    page.get_by_role("link", name="Tambah item di sini").click()
    page.locator("#id_kode_klasifikasi").fill("KU.01.02")
    page.locator("#id_judul").fill("DIPA dan revisinya")
    _pick(page, "unit", unit.pk)
    page.locator("#id_tanggal_mulai").fill("2024-01-02")
    page.locator("#id_tanggal_selesai").fill("2024-12-31")
    page.get_by_role("button", name="Simpan").click()
    assert page.locator("h1").inner_text() == "DIPA dan revisinya"
    assert "Boks B1" in page.locator(".item-lokasi").inner_text()
    assert "31-12-2029" in page.content()  # 2 + 3 years after the end of the period

    page.get_by_role("link", name="Pindahkan").click()
    _pick(page, "ke", b2.pk)
    page.locator("#id_alasan").fill("Boks 1 penuh")
    page.get_by_role("button", name="Pindahkan").click()
    assert "Boks B2" in page.locator(".item-lokasi").inner_text()
    history = page.locator(".riwayat-pindah li").all_inner_texts()
    assert any("Boks B1 → Gedung G1" in line and "Boks 1 penuh" in line for line in history)

    # The box label: a PDF whose QR code leads to the box page.
    page.goto(b2.get_absolute_url())
    href = page.get_by_role("link", name="Cetak label", exact=True).get_attribute("href")
    response = page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = reader.pages[0].extract_text()
    assert "G1/R1/RAK1/B2" in text and "DIPA dan revisinya" in text
    assert len(reader.pages[0].images) == 1
    # Following the QR code's address as a logged-in member of staff opens the box.
    qr_path = re.search(r"/arsip/staf/lokasi/\d+/", text).group(0)
    page.goto(qr_path)
    assert page.locator("h1").inner_text() == "Boks G1/R1/RAK1/B2"
    assert ItemArsip.objects.get().lokasi == b2


def test_public_activity_appears_on_the_website_and_internal_does_not(
    page, login, make_user, tmp_path
):
    desk = make_user(Role.DESK)
    login(desk)
    page.get_by_role("link", name="Kegiatan", exact=True).click()
    for judul, publik in [("Rapat koordinasi DIP", True), ("Rapat internal Tim", False)]:
        page.get_by_role("link", name="Catat kegiatan").click()
        page.locator("#id_judul").fill(judul)
        page.locator("#id_tanggal").fill("2026-01-15")
        page.locator("#id_tempat").fill("Ruang rapat")
        page.locator("#id_peserta").fill("PPID\nDesk")
        page.locator("#id_ringkasan").fill("Menyusun rancangan DIP.")
        if publik:
            page.locator("#id_publik").check()
        page.get_by_role("button", name="Simpan").click()
        assert page.locator("h1").inner_text() == judul
        if publik:
            photo = tmp_path / "suasana-rapat.png"
            photo.write_bytes(png_bytes())
            page.get_by_role("link", name="Unggah lampiran").click()
            page.locator("#id_berkas").set_input_files(str(photo))
            page.locator("#id_keterangan").fill("Suasana rapat")
            page.get_by_role("button", name="Unggah").click()
            assert "suasana-rapat.png" in page.content()
        page.get_by_role("link", name="Kegiatan", exact=True).click()

    page.context.clear_cookies()
    page.goto("/")
    page.get_by_role("link", name="Dokumentasi", exact=True).click()
    titles = page.locator(".kegiatan-card h2").all_inner_texts()
    assert titles == ["Rapat koordinasi DIP"]
    page.get_by_role("link", name="Rapat koordinasi DIP").click()
    image = page.get_by_role("img", name="Suasana rapat")
    image.scroll_into_view_if_needed()
    # The photo is served through the public attachment view and actually decodes.
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 8
    internal = Kegiatan.objects.get(judul="Rapat internal Tim")
    response = page.goto(f"/arsip/kegiatan/{internal.pk}/")
    assert response.status == 404


def test_ppid_proposes_disposal_and_atasan_approves(page, login, make_user, unit):
    JadwalRetensiFactory(kode_klasifikasi="KU.01", retensi_aktif=2, retensi_inaktif=3)
    desk = make_user(Role.DESK)
    ppid = make_user(Role.PPID)
    atasan = make_user(Role.ATASAN)
    tree = make_tree(desk)
    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1), judul="SPJ 2010")

    login(ppid)
    page.get_by_role("link", name="Retensi").click()
    assert "SPJ 2010" in page.locator("#h-musnah + div").inner_text()
    page.get_by_role("link", name="Usulkan pemusnahan").click()
    page.get_by_label(re.compile("SPJ 2010")).check()
    page.locator("#id_pertimbangan").fill("Masa retensi telah berakhir.")
    page.get_by_role("button", name="Ajukan usul").click()
    assert page.locator(".usul-status").inner_text() == "Diajukan"

    page.context.clear_cookies()
    login(atasan)
    queue = page.locator("[data-queue='arsip.usul']")
    assert queue.locator(".badge").inner_text() == "1"
    queue.get_by_role("link").first.click()
    page.get_by_role("link", name="Setujui").click()
    page.locator("#id_alasan").fill("Sesuai Jadwal Retensi Arsip.")
    page.get_by_role("button", name="Setujui pemusnahan").click()
    assert page.locator(".usul-status").inner_text() == "Disetujui"
    href = page.get_by_role("link", name=re.compile("BA-PMS")).get_attribute("href")
    text = PdfReader(io.BytesIO(page.request.get(href).body())).pages[0].extract_text()
    assert "BERITA ACARA PEMUSNAHAN ARSIP" in text and "SPJ 2010" in text
    item.refresh_from_db()
    assert item.status == ItemArsip.Status.DIMUSNAHKAN
    assert UsulPemusnahan.objects.get().diputus_oleh == atasan
