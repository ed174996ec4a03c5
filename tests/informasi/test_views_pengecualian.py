"""Pages of excepted information: who may use them, the workflow through the pages, the public
register with its downloads and API, and query counts."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from informasi import workflow
from informasi.models import PenetapanPengecualian, UjiKonsekuensi
from ppid_portal import access
from ppid_portal.calendar import holidays_around
from ppid_portal.models import AuditLog
from ppid_portal.roles import Role
from tests.informasi.factories import (
    actors_penetapan,
    documented_entry,
    issued_penetapan,
    proposed_uji,
    publish_version,
    ready_uji,
    upload,
)
from tests.portal.samples import pdf_bytes
from tests.security.helpers import assert_gets_change_nothing

pytestmark = pytest.mark.django_db

P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
EVERYONE = {*Role, "pemohon", "anonim"}
SIGNED_IN = {*Role, "pemohon"}
MATRIX = {
    "informasi.pengecualian.register": EVERYONE,
    "informasi.uji.view": {P, PP, A, T, B},
    "informasi.uji.usulkan": {P, PP, T},
    "informasi.uji.ubah": {P, PP, T},
    "informasi.uji.edarkan": {PP, T},
    "informasi.uji.revisi": {PP, T},
    # Without a sheet anyone signed in passes; the object rule admits only its participants.
    "informasi.uji.tandatangani": SIGNED_IN,
    "informasi.uji.batalkan": {PP},
    "informasi.penetapan.view": {P, PP, A, T, B},
    "informasi.penetapan.terbitkan": {PP},
    "informasi.penetapan.setujui": {A},
    "informasi.penetapan.tolak": {A},
    "informasi.penetapan.buka": {PP, A},
    "informasi.penetapan.prioritas": {PP},
}


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    assert access.can(user, action) is (role in MATRIX[action])


def test_every_action_is_registered_with_a_description():
    actions = access.registered_actions()
    for name in MATRIX:
        assert str(actions[name].description)


def sheet_of_unit_a(actors):
    return proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        ("informasi.uji.view", {"penyedia", "ppid", "atasan", "tim", "pembina", "ahli"}),
        ("informasi.uji.ubah", {"penyedia", "ppid", "tim"}),
        ("informasi.uji.tandatangani", {"tim", "ahli"}),
        ("informasi.uji.revisi", {"ppid", "tim", "ahli"}),
    ],
)
def test_object_rules_on_a_sheet(actors, make_user, action, allowed):
    uji = sheet_of_unit_a(actors)
    ahli = make_user()
    workflow.peserta_add(actor=actors["ppid"], uji=uji, pengguna=ahli, peran="ahli")
    people = {**actors, "ahli": ahli}
    for key in ["penyedia", "penyedia_lain", "desk", "ppid", "atasan", "tim", "pembina", "pemohon"]:
        assert access.can(people[key], action, uji) is (key in allowed), key
    assert access.can(ahli, action, uji) is ("ahli" in allowed)


def test_a_frozen_sheet_is_not_editable_by_anyone(actors):
    penetapan = actors_penetapan(actors)
    for key in ["penyedia", "ppid", "tim"]:
        assert not access.can(actors[key], "informasi.uji.ubah", penetapan.uji)


# ----------------------------------------------------------------------------- access to pages


def staff_urls(uji: UjiKonsekuensi, penetapan: PenetapanPengecualian) -> list[str]:
    return [
        reverse("informasi:uji-list"),
        uji.get_absolute_url(),
        reverse("informasi:uji-pdf", args=[uji.pk]),
        reverse("informasi:uji-ubah", args=[uji.pk]),
        penetapan.get_absolute_url(),
        reverse("informasi:penetapan-pdf", args=[penetapan.pk]),
        reverse("informasi:penetapan-list"),
        reverse("informasi:uji-usul"),
    ]


def test_anonymous_is_sent_to_login_and_citizens_get_403(client, actors):
    penetapan = actors_penetapan(actors)
    uji = sheet_of_unit_a(actors)
    for url in staff_urls(uji, penetapan):
        response = client.get(url)
        assert response.status_code == 302 and "/masuk/" in response["Location"], url
    client.force_login(actors["pemohon"])
    for url in staff_urls(uji, penetapan):
        assert client.get(url).status_code in (403, 404), url


def test_a_penyedia_of_another_unit_gets_404(client, actors):
    penetapan = actors_penetapan(actors)
    uji = penetapan.uji
    client.force_login(actors["penyedia_lain"])
    for url in [
        uji.get_absolute_url(),
        reverse("informasi:uji-pdf", args=[uji.pk]),
        reverse("informasi:uji-lampiran", args=[uji.pk]),
        penetapan.get_absolute_url(),
        reverse("informasi:penetapan-pdf", args=[penetapan.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert uji.judul_informasi not in client.get(reverse("informasi:uji-list")).content.decode()
    client.force_login(actors["penyedia"])
    assert client.get(uji.get_absolute_url()).status_code == 200


def test_state_changes_are_post_only(client, actors):
    penetapan = actors_penetapan(actors)
    client.force_login(actors["ppid"])
    for name in ["uji-edarkan", "uji-revisi", "uji-tandatangani", "uji-batalkan"]:
        assert client.get(reverse(f"informasi:{name}", args=[penetapan.uji_id])).status_code == 405
    for name in ["penetapan-buka", "penetapan-prioritas"]:
        assert client.get(reverse(f"informasi:{name}", args=[penetapan.pk])).status_code == 405
    client.force_login(actors["atasan"])
    for name in ["penetapan-setujui", "penetapan-tolak", "penetapan-buka"]:
        assert client.get(reverse(f"informasi:{name}", args=[penetapan.pk])).status_code == 405


def test_gets_change_nothing(client, actors):
    penetapan = actors_penetapan(actors)
    uji = workflow.uji_attach_original(
        actor=actors["ppid"],
        uji=sheet_of_unit_a(actors),
        upload=upload("asli.pdf", pdf_bytes("asli")),
    )
    client.force_login(actors["ppid"])
    urls = [
        *staff_urls(uji, penetapan),
        reverse("informasi:uji-lampiran", args=[uji.pk]),
        reverse("informasi:dikecualikan-list"),
        reverse("informasi:api-dikecualikan"),
        reverse("informasi:dikecualikan-unduh", args=["csv"]),
    ]
    # The office calendar is filled once per year on first use (not a GET's doing).
    holidays_around(timezone.localdate())
    # Reading a sensitive file (the original, the signed decree) is audited by design.
    assert assert_gets_change_nothing(client, urls, allowed_models={"portal.auditlog"}) == len(urls)


# ----------------------------------------------------------------------------- the workflow pages


def test_from_proposal_to_the_public_register_through_the_pages(client, actors):
    entry = documented_entry(actors["penyedia"], actors["desk"])
    # Tim Pertimbangan proposes.
    client.force_login(actors["tim"])
    response = client.post(
        reverse("informasi:uji-usul"),
        {"informasi": entry.pk, "alasan": "a", "usulan": "Berkas pemeriksaan berjalan."},
    )
    uji = UjiKonsekuensi.objects.get()
    assert response.status_code == 302 and response["Location"] == uji.get_absolute_url()
    # The PPID writes the sheet and names the participants.
    client.force_login(actors["ppid"])
    response = client.post(
        reverse("informasi:uji-ubah", args=[uji.pk]),
        {
            "tanggal_uji": timezone.localdate().isoformat(),
            "tempat_uji": "Ruang rapat",
            "judul_informasi": entry.ringkasan,
            "cakupan": "seluruhnya",
            "alasan": "a",
            "konsekuensi": "Menghambat pemeriksaan.",
            "kepentingan_publik": "Akuntabilitas.",
            "pertimbangan": "Kerugian lebih besar.",
            "kesimpulan": "dikecualikan",
            "berakhir_pada": (timezone.localdate() + timedelta(days=400)).isoformat(),
            "kategori_terbuka": "setiap_saat",
            "uraian_publik": "Berkas pemeriksaan Tahun 2025",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    for username, peran in [
        (actors["ppid"].username, "ppid"),
        (actors["penyedia"].username, "unit"),
    ]:
        client.post(
            reverse("informasi:uji-peserta-tambah", args=[uji.pk]),
            {"username": username, "peran": peran},
        )
    assert uji.peserta.count() == 3
    client.post(reverse("informasi:uji-edarkan", args=[uji.pk]))
    uji.refresh_from_db()
    assert uji.status == "diedarkan"
    # Each participant signs.
    for key in ("tim", "ppid", "penyedia"):
        client.force_login(actors[key])
        page = client.get(uji.get_absolute_url())
        assert b"form-tandatangan" in page.content
        client.post(reverse("informasi:uji-tandatangani", args=[uji.pk]), {"catatan": ""})
    uji.refresh_from_db()
    assert uji.status == "selesai"
    # The PPID issues the decree; the Atasan approves it.
    client.force_login(actors["ppid"])
    response = client.post(
        reverse("informasi:penetapan-create", args=[uji.pk]),
        {"tanggal": timezone.localdate().isoformat(), "tempat": "Kota Contoh"},
    )
    penetapan = PenetapanPengecualian.objects.get()
    assert response["Location"] == penetapan.get_absolute_url()
    client.force_login(actors["atasan"])
    dashboard = client.get(reverse("portal:dashboard")).content.decode()
    assert penetapan.nomor in dashboard
    client.post(reverse("informasi:penetapan-setujui", args=[penetapan.pk]), {"catatan": ""})
    penetapan.refresh_from_db()
    assert penetapan.status == "berlaku"
    client.logout()
    register = client.get(reverse("informasi:dikecualikan-list")).content.decode()
    assert penetapan.nomor in register and "Berkas pemeriksaan Tahun 2025" in register
    assert "Menghambat pemeriksaan" not in register


def test_invalid_sheet_shows_indonesian_errors_not_a_500(client, actors):
    uji = sheet_of_unit_a(actors)
    client.force_login(actors["ppid"])
    response = client.post(
        reverse("informasi:uji-ubah", args=[uji.pk]),
        {
            "tanggal_uji": timezone.localdate().isoformat(),
            "judul_informasi": "x",
            "cakupan": "seluruhnya",
            "alasan": "a",
            "permanen": "on",
            "kategori_terbuka": "setiap_saat",
        },
    )
    assert response.status_code == 200
    assert "hanya untuk Pasal 17 huruf g–j" in response.content.decode()
    response = client.post(reverse("informasi:uji-edarkan", args=[uji.pk]), follow=True)
    assert "Uraikan konsekuensi" in response.content.decode()


def test_a_participant_without_a_role_signs_through_the_page(client, actors, make_user):
    ahli = make_user()
    uji = ready_uji(
        tim=actors["tim"],
        ppid=actors["ppid"],
        unit_user=actors["penyedia"],
        entry=documented_entry(actors["penyedia"], actors["desk"]),
    )
    workflow.peserta_add(actor=actors["ppid"], uji=uji, pengguna=ahli, peran="ahli")
    workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    client.force_login(ahli)
    assert client.get(reverse("informasi:uji-list")).status_code == 200
    client.post(reverse("informasi:uji-tandatangani", args=[uji.pk]))
    assert uji.peserta.get(pengguna=ahli).ditandatangani_pada is not None
    # Another citizen account is not a participant: the sheet does not exist for them.
    client.force_login(actors["pemohon"])
    assert client.get(uji.get_absolute_url()).status_code == 404


def test_reading_the_original_and_the_signed_decree_is_audited(client, actors):
    penetapan = actors_penetapan(actors)
    uji = workflow.uji_attach_original(
        actor=actors["ppid"],
        uji=sheet_of_unit_a(actors),
        upload=upload("asli.pdf", pdf_bytes("isi asli")),
    )
    client.force_login(actors["atasan"])
    before = AuditLog.objects.filter(action="berkas.unduh").count()
    response = client.get(reverse("informasi:uji-lampiran", args=[uji.pk]))
    assert response.status_code == 200
    response = client.get(reverse("informasi:penetapan-pdf", args=[penetapan.pk]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(response))).pages)
    assert penetapan.nomor in text and "LEMBAR UJI KONSEKUENSI" in text
    assert AuditLog.objects.filter(action="berkas.unduh").count() == before + 2


def test_decree_pdf_before_approval_is_a_draft(client, actors):
    """A decree awaiting approval is rendered on the fly as a draft, never stored."""
    penetapan = issued_penetapan(ppid=actors["ppid"], uji=_complete_sheet(actors))
    client.force_login(actors["tim"])
    response = client.get(reverse("informasi:penetapan-pdf", args=[penetapan.pk]))
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "RANCANGAN" in text and penetapan.berkas_pdf is None


def test_dashboard_queues_of_excepted_information(client, actors):
    uji = ready_uji(
        tim=actors["tim"],
        ppid=actors["ppid"],
        unit_user=actors["penyedia"],
        entry=documented_entry(actors["penyedia"], actors["desk"]),
    )
    client.force_login(actors["penyedia"])
    assert 'data-queue="informasi.pengecualian.draf"' in client.get("/staf/").content.decode()
    workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    page = client.get("/staf/").content.decode()
    assert 'data-queue="informasi.pengecualian.tandatangan"' in page
    assert uji.get_absolute_url() in page
    client.force_login(actors["desk"])
    assert uji.get_absolute_url() not in client.get("/staf/").content.decode()


# ----------------------------------------------------------------------------- public register


@pytest.fixture
def register(actors):
    permanent = actors_penetapan(
        actors,
        alasan="h",
        permanen=True,
        berakhir_pada=None,
        dasar_hukum_lain="UU 27/2022",
        uraian_publik="Data gaji pegawai",
        konsekuensi="HARM-SECRET-ONE",
        catatan_internal="NOTE-SECRET-ONE",
    )
    dated = actors_penetapan(
        actors,
        uraian_publik="Berkas pemeriksaan etik",
        konsekuensi="HARM-SECRET-TWO",
        catatan_internal="NOTE-SECRET-TWO",
    )
    return permanent, dated


SECRETS = ["HARM-SECRET", "NOTE-SECRET", "Publik berkepentingan", "Kerugian lebih besar"]


def test_register_page_lists_decrees_in_force_with_metadata_only(client, register):
    permanent, dated = register
    page = client.get(reverse("informasi:dikecualikan-list")).content.decode()
    for p in (permanent, dated):
        assert p.nomor in page and p.uraian_publik in page
    assert "Tanpa batas waktu" in page and "Pasal 17 huruf h" in page
    for secret in SECRETS:
        assert secret not in page
    filtered = client.get(reverse("informasi:dikecualikan-list"), {"alasan": "h"}).content
    assert permanent.nomor.encode() in filtered and dated.nomor.encode() not in filtered


def test_register_downloads_and_api(client, register):
    permanent, dated = register
    pdf = client.get(reverse("informasi:dikecualikan-unduh", args=["pdf"]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    xlsx = client.get(reverse("informasi:dikecualikan-unduh", args=["xlsx"]))
    cells = " ".join(
        str(c)
        for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True)
        for c in row
        if c is not None
    )
    csv = client.get(reverse("informasi:dikecualikan-unduh", args=["csv"])).content.decode()
    for content in (text, cells, csv):
        assert permanent.nomor in content and dated.nomor in content
        for secret in SECRETS:
            assert secret not in content
    assert client.get(reverse("informasi:dikecualikan-unduh", args=["docx"])).status_code == 404
    data = client.get(reverse("informasi:api-dikecualikan")).json()
    assert data["jumlah"] == 2
    assert set(data["hasil"][0]) == {
        "nomor", "tanggal", "uraian", "unit", "huruf", "dasar", "alasan", "cakupan",
        "berlaku_sejak", "berlaku_sampai", "permanen",
    }  # fmt: skip
    assert "HARM-SECRET" not in json.dumps(data)
    bad = client.get(reverse("informasi:api-dikecualikan"), {"alasan": "z"})
    assert bad.status_code == 400 and "galat" in bad.json()


def test_register_page_follows_approval_and_the_end(client, actors, register):
    _permanent, dated = register
    workflow.penetapan_open(
        actor=actors["atasan"],
        penetapan=dated,
        jenis="pengadilan",
        nomor_putusan="7/G/2026/PTUN",
        tanggal_putusan=timezone.localdate(),
    )
    page = client.get(reverse("informasi:dikecualikan-list")).content.decode()
    assert dated.nomor not in page
    waiting = issued_penetapan(ppid=actors["ppid"], uji=_complete_sheet(actors))
    assert waiting.nomor not in client.get(reverse("informasi:dikecualikan-list")).content.decode()


def _complete_sheet(actors):
    uji = ready_uji(
        tim=actors["tim"],
        ppid=actors["ppid"],
        unit_user=actors["penyedia"],
        entry=documented_entry(actors["penyedia"], actors["desk"]),
    )
    uji = workflow.uji_circulate(actor=actors["ppid"], uji=uji)
    for peserta in list(uji.peserta.select_related("pengguna")):
        uji = workflow.uji_sign(actor=peserta.pengguna, uji=uji)
    return uji


def test_dip_pages_api_and_exports_name_the_decree(client, actors, register):
    _permanent, dated = register
    publish_version(actors)
    entry_id = dated.informasi_id
    page = client.get(reverse("informasi:dip-detail", args=[entry_id])).content.decode()
    assert dated.nomor in page
    data = client.get(reverse("informasi:api-detail", args=[entry_id])).json()
    assert data["penetapan_pengecualian"]["nomor"] == dated.nomor
    assert data["pengecualian"]["huruf"] == "a" and data["dokumen"] == []
    listing = client.get(reverse("informasi:api-list")).json()
    row = next(r for r in listing["hasil"] if r["id"] == entry_id)
    assert row["penetapan_pengecualian"]["berlaku_sampai"] == dated.berakhir_pada.isoformat()
    pdf = client.get(reverse("informasi:dip-pdf"))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert dated.nomor in text and "Daftar Informasi yang Dikecualikan" in text
    workbook = load_workbook(io.BytesIO(client.get(reverse("informasi:dip-xlsx")).content))
    assert workbook.sheetnames == ["DIP", "Informasi Dikecualikan"]
    cells = [
        c for row in workbook["Informasi Dikecualikan"].iter_rows(values_only=True) for c in row
    ]
    assert dated.nomor in cells
    dip_page = client.get(reverse("informasi:dip-list")).content.decode()
    assert reverse("informasi:dikecualikan-list") in dip_page


def test_the_register_is_in_the_sitemap_and_nothing_else_of_it(client, register):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/informasi/dikecualikan/" in sitemap
    assert "/informasi/staf/" not in sitemap and "penetapan" not in sitemap


def test_public_navigation_links_the_register(client):
    assert reverse("informasi:dikecualikan-list") in client.get("/").content.decode()


# ----------------------------------------------------------------------------- query counts


@pytest.mark.parametrize("n", [1, 4])
def test_register_and_lists_query_counts_are_constant(
    client, actors, n, django_assert_max_num_queries
):
    for _ in range(n):
        actors_penetapan(actors)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("informasi:dikecualikan-list")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("informasi:api-dikecualikan")).status_code == 200
    client.force_login(actors["ppid"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("informasi:uji-list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("informasi:penetapan-list")).status_code == 200
