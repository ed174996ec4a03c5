"""The request journey in Chromium: a citizen submits online, the desk logs a walk-in and
checks the online request, the PPID decides, the citizen tracks and objects, the Atasan decides,
and the citizen sees the answer with the right to a sengketa."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from permohonan.models import Keberatan, Permohonan
from ppid_portal.roles import Role
from tests.portal.samples import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def logout(page):
    page.get_by_role("button", name=re.compile("^Keluar")).click()
    page.wait_for_load_state()


def track(page, nomor: str, kode: str):
    page.goto("/permohonan/lacak/")
    page.locator("#id_nomor").fill(nomor)
    page.locator("#id_kode").fill(kode)
    page.get_by_role("button", name="Lacak", exact=True).click()
    page.wait_for_load_state()


def test_request_to_keberatan_journey(page, login, make_user):
    desk = make_user(Role.DESK, first_name="Rina", last_name="Lestari")
    ppid = make_user(Role.PPID, first_name="Agus", last_name="Prasetyo", jabatan="PPID")
    atasan = make_user(Role.ATASAN, first_name="Dewi", last_name="Kartika", jabatan="Atasan PPID")
    make_user(Role.PENYEDIA)

    # 1. A citizen submits online, without an account.
    page.goto("/")
    page.get_by_role("link", name="Ajukan permohonan informasi").click()
    page.locator("#id_nama").fill("Siti Aminah")
    page.locator("#id_nik").fill("3201011508900001")
    page.set_input_files(
        "#id_berkas_identitas",
        files=[{"name": "ktp.png", "mimeType": "image/png", "buffer": png_bytes()}],
    )
    page.locator("#id_alamat").fill("Jl. Merdeka No. 10, Kota Contoh")
    page.locator("#id_pekerjaan").fill("Wartawan")
    page.locator("#id_telepon").fill("0812 3456 7890")
    page.locator("#id_email").fill("siti@contoh.id")
    page.locator("#id_rincian_informasi").fill("Daftar pengadaan barang dan jasa 2026.")
    page.locator("#id_tujuan_penggunaan").fill("Bahan liputan.")
    page.locator("input[name=cara_memperoleh][value=salinan_softcopy]").check()
    page.locator("#id_cara_salinan").select_option("email")
    page.locator("#id_persetujuan").check()
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_load_state()
    nomor = page.locator("#nomor-pendaftaran").inner_text()
    kode = page.locator("#kode-pelacakan").inner_text()
    assert re.fullmatch(r"001/PPID/[IVX]+/\d{4}", nomor)
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", kode)

    # 2. The desk logs a walk-in request, then finds the online one complete.
    login(desk)
    page.get_by_role("link", name="Catat permohonan").click()
    page.locator("#id_kanal").select_option("langsung")
    page.locator("#id_nama").fill("Pak Darto")
    page.locator("#id_alamat").fill("Desa Sukamaju")
    page.locator("#id_pekerjaan").fill("Petani")
    page.locator("#id_telepon").fill("0813 1111 2222")
    page.locator("#id_rincian_informasi").fill("Jadwal penyaluran bantuan.")
    page.locator("#id_tujuan_penggunaan").fill("Informasi warga.")
    page.locator("input[name=cara_memperoleh][value=melihat]").check()
    page.get_by_role("button", name="Simpan dan terbitkan nomor").click()
    page.wait_for_load_state()
    assert page.locator("#nomor-pendaftaran").inner_text().startswith("002/PPID/")
    assert page.locator("#kode-pelacakan").is_visible()
    page.goto("/staf/")
    queue = page.locator("[data-queue='permohonan.desk.baru']")
    assert "hari kerja lagi" in queue.inner_text()
    queue.get_by_role("link", name=nomor).click()
    page.get_by_role("button", name="Lengkap, teruskan ke PPID").click()
    page.wait_for_load_state()
    assert "diteruskan ke PPID" in page.locator(".messages").inner_text()
    logout(page)

    # 3. The PPID decides: refused as excepted information (Ps 17 huruf h).
    login(ppid)
    page.locator("[data-queue='permohonan.ppid.disposisi']").get_by_role("link", name=nomor).click()
    page.get_by_role("link", name="Putuskan dan terbitkan pemberitahuan").click()
    page.locator("input[name=hasil][value=ditolak_dikecualikan]").check()
    page.locator("#id_dasar_pengecualian").select_option("h")
    page.locator("#id_alasan_pengecualian").fill(
        "Dokumen memuat data pribadi penyedia yang bila dibuka merugikan pihak ketiga."
    )
    # No decree in force yet: the refusal starts a consequence test from the request.
    page.locator("#id_mulai_uji").check()
    page.get_by_role("button", name="Terbitkan pemberitahuan tertulis").click()
    page.wait_for_load_state()
    assert re.search(r"Pemberitahuan tertulis 001/PT/PPID/.+ diterbitkan", page.content())
    logout(page)

    # 4. The citizen tracks the request and objects.
    page.goto("/")
    page.get_by_role("link", name="Keberatan", exact=True).first.click()
    page.locator("#id_nomor").fill(nomor)
    page.locator("#id_kode").fill(kode)
    page.get_by_role("button", name="Lanjut ke formulir keberatan").click()
    page.wait_for_load_state()
    page.locator("input[name=alasan][value=a]").check()
    page.locator("#id_kasus_posisi").fill(
        "Pengadaan dibiayai anggaran publik; data pribadi dapat dihitamkan."
    )
    page.get_by_role("button", name="Ajukan keberatan").click()
    page.wait_for_load_state()
    assert "Keberatan Anda telah diterima" in page.locator(".messages").inner_text()
    assert page.locator("#status-permohonan").inner_text() == "Pemberitahuan tertulis diterbitkan"
    assert "Diajukan" in page.locator(".keberatan-status").inner_text()
    keberatan = Keberatan.objects.get()

    # 5. The Atasan PPID upholds the objection.
    login(atasan)
    page.locator("[data-queue='permohonan.atasan.keberatan']").get_by_role(
        "link", name=keberatan.nomor
    ).click()
    page.get_by_role("link", name="Beri tanggapan").click()
    page.locator("input[name=putusan][value=mengabulkan]").check()
    page.locator("#id_pertimbangan").fill(
        "Kepentingan publik lebih besar; data pribadi dihitamkan sebelum diberikan."
    )
    page.get_by_role("button", name="Terbitkan tanggapan").click()
    page.wait_for_load_state()
    assert "001/TK/PPID/" in page.locator(".messages").inner_text()
    logout(page)

    # 6. The citizen sees the answer, the reopened request and the right to a sengketa.
    track(page, nomor, kode)
    assert page.locator("#status-permohonan").inner_text() == "Sedang diproses"
    body = page.locator("main").inner_text()
    assert "Mengabulkan keberatan" in body and "Komisi Informasi" in body
    assert Permohonan.objects.get(nomor=nomor).status == Permohonan.Status.DIPROSES


def test_wrong_code_is_refused_in_the_browser(page, make_user):
    page.goto("/permohonan/lacak/")
    page.locator("#id_nomor").fill("001/PPID/I/2026")
    page.locator("#id_kode").fill("AAAA-BBBB-CCCC-DDDD")
    page.get_by_role("button", name="Lacak", exact=True).click()
    page.wait_for_load_state()
    assert "tidak cocok" in page.locator("[role=alert]").inner_text()
