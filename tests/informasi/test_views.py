"""Pages of the DIP: wiring, who may see what, excepted information, and query counts."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from informasi import services, workflow
from informasi.models import ImporDIP, InformasiPublik, VersiDIP
from ppid_portal import access
from ppid_portal.roles import Role
from tests.informasi.factories import (
    attach_pdf,
    create_entry,
    documented_entry,
    excepted_values,
    klasifikasi_for,
    publish_version,
    set_version,
    submitted_entry,
)
from tests.informasi.test_services_import import HEADER, good_row, xlsx
from tests.portal.samples import pdf_bytes

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def published(actors):
    """A published DIP with one open entry (with a PDF and a link) and one excepted entry (with
    a secret PDF and a link)."""
    penyedia, desk = actors["penyedia"], actors["desk"]
    open_entry = create_entry(penyedia, ringkasan="Laporan keuangan tahunan 2024")
    open_doc = attach_pdf(penyedia, open_entry, text="Neraca daerah terbuka")
    open_link = services.document_add_link(
        actor=penyedia, entry=open_entry, tautan="https://jdih.contoh.go.id/lk.pdf"
    )
    secret = workflow.entry_create(
        actor=penyedia, values=excepted_values(ringkasan="Berkas pemeriksaan etik pegawai")
    )
    secret_doc = attach_pdf(
        penyedia, secret, text="Nama terperiksa Budiman rahasia", name="catatan-terperiksa.pdf"
    )
    secret_link = services.document_add_link(
        actor=penyedia, entry=secret, tautan="https://rahasia.example/berkas.pdf"
    )
    for entry in (open_entry, secret):
        entry = workflow.entry_submit(actor=penyedia, entry=entry)
        workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    versi = publish_version(actors)
    return {
        "versi": versi,
        "open": open_entry,
        "open_doc": open_doc,
        "open_link": open_link,
        "secret": secret,
        "secret_doc": secret_doc,
        "secret_link": secret_link,
    }


# ----------------------------------------------------------------------------- public pages


def test_public_list_shows_only_the_published_version(client, actors, published):
    create_entry(actors["penyedia"], ringkasan="Draf yang belum diajukan")
    documented_entry(
        actors["penyedia"], actors["desk"], ringkasan="Terdokumentasi belum ditetapkan"
    )
    html = body(client.get(reverse("informasi:dip-list")))
    assert "Laporan keuangan tahunan 2024" in html
    assert "Berkas pemeriksaan etik pegawai" in html  # metadata of excepted information is public
    assert "Draf yang belum diajukan" not in html
    assert "Terdokumentasi belum ditetapkan" not in html
    assert published["versi"].nomor_sk in html


def test_nothing_public_before_publication(client, actors):
    documented_entry(actors["penyedia"], actors["desk"], ringkasan="Belum dipublikasikan")
    versi = set_version(actors["ppid"])
    workflow.version_order(actor=actors["atasan"], versi=versi)
    response = client.get(reverse("informasi:dip-list"))
    assert "belum dipublikasikan" in body(response)
    entry = InformasiPublik.objects.get()
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert client.get(reverse("informasi:dip-pdf")).status_code == 404
    assert client.get(reverse("informasi:api-list")).json()["hasil"] == []


def test_editing_after_penetapan_does_not_change_the_public_page(client, actors, published):
    entry = workflow.entry_reopen(actor=actors["penyedia"], entry=published["open"])
    workflow.entry_update(
        actor=actors["penyedia"], entry=entry, values={"ringkasan": "Diubah setelah penetapan"}
    )
    html = body(client.get(entry.get_absolute_url()))
    assert "Laporan keuangan tahunan 2024" in html and "Diubah setelah penetapan" not in html
    # A newer set but unpublished version is not public either.
    entry = workflow.entry_submit(actor=actors["penyedia"], entry=entry)
    workflow.entry_document(actor=actors["desk"], entry=entry, klasifikasi=klasifikasi_for(entry))
    set_version(actors["ppid"])
    assert "Diubah setelah penetapan" not in body(client.get(entry.get_absolute_url()))


def test_open_entry_page_and_downloads_are_counted(client, published):
    entry, doc, link = published["open"], published["open_doc"], published["open_link"]
    html = body(client.get(entry.get_absolute_url()))
    file_url = reverse("informasi:dip-dokumen", args=[entry.pk, doc.pk])
    assert file_url in html
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    # Reading the whole stream closes the response the way a WSGI server would.
    with doc.berkas.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
    response = client.get(reverse("informasi:dip-dokumen", args=[entry.pk, link.pk]))
    assert response.status_code == 302 and response["Location"] == link.tautan
    entry.refresh_from_db()
    assert entry.jumlah_unduhan == 2


def test_excepted_entry_never_exposes_its_documents(client, published):
    secret, doc, link = published["secret"], published["secret_doc"], published["secret_link"]
    html = body(client.get(secret.get_absolute_url()))
    assert "Pasal 17 huruf a UU 14/2008" in html and "berlaku sampai" in html
    assert doc.judul not in html and "rahasia.example" not in html
    assert "dokumen/" not in html
    for document in (doc, link):
        url = reverse("informasi:dip-dokumen", args=[secret.pk, document.pk])
        assert client.get(url).status_code == 404
    # Nor through another entry's URL.
    url = reverse("informasi:dip-dokumen", args=[published["open"].pk, doc.pk])
    assert client.get(url).status_code == 404
    secret.refresh_from_db()
    assert secret.jumlah_unduhan == 0
    # Search finds the metadata, never the text of the document.
    assert "Berkas pemeriksaan etik" in body(
        client.get(reverse("informasi:dip-list"), {"q": "etik"})
    )
    assert "Berkas pemeriksaan etik" not in body(
        client.get(reverse("informasi:dip-list"), {"q": "Budiman"})
    )
    # API.
    detail = client.get(reverse("informasi:api-detail", args=[secret.pk])).json()
    assert detail["dokumen"] == [] and detail["pengecualian"]["huruf"] == "a"
    assert "rahasia" not in str(client.get(reverse("informasi:api-list")).json())
    assert client.get(reverse("informasi:api-list"), {"q": "budiman"}).json()["jumlah"] == 0
    # Exports.
    sheet = load_workbook(io.BytesIO(client.get(reverse("informasi:dip-xlsx")).content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Berkas pemeriksaan etik pegawai" in cells and "rahasia.example" not in cells
    pdf = client.get(reverse("informasi:dip-pdf")).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Pasal 17 huruf a" in text and "Budiman" not in text


def test_file_reclassified_as_excepted_stops_being_served_at_once(client, actors, published):
    entry = workflow.entry_reopen(actor=actors["penyedia"], entry=published["open"])
    entry = workflow.entry_submit(actor=actors["penyedia"], entry=entry)
    workflow.entry_document(
        actor=actors["desk"],
        entry=entry,
        klasifikasi=klasifikasi_for(entry, kategori="dikecualikan", alasan_pengecualian="h"),
    )
    url = reverse("informasi:dip-dokumen", args=[entry.pk, published["open_doc"].pk])
    assert client.get(url).status_code == 404


def test_filters_sort_and_search_on_the_public_list(client, actors, published):
    documented_entry(actors["penyedia_lain"], actors["desk"], ringkasan="Daftar aset", tahun=2023)
    publish_version(actors)
    url = reverse("informasi:dip-list")
    html = body(client.get(url, {"unit": "umum"}))
    assert "Daftar aset" in html and "Laporan keuangan tahunan" not in html
    assert "Daftar aset" not in body(client.get(url, {"tahun": 2025}))
    assert "Daftar aset" not in body(client.get(url, {"kategori": "dikecualikan"}))
    html = body(client.get(url, {"q": "neraca"}))  # text of the attached PDF
    assert "Laporan keuangan tahunan" in html and "Daftar aset" not in html
    html = body(client.get(url, {"urut": "tahun_lama"}))
    assert html.index("Daftar aset") < html.index("Laporan keuangan tahunan")
    assert client.get(url, {"unit": "tidak-ada", "tahun": "abc"}).status_code == 200
    assert client.get(url, {"page": 99}).status_code == 404


def test_pdf_and_xlsx_are_headed_with_office_and_sk(client, published):
    versi = published["versi"]
    response = client.get(reverse("informasi:dip-pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "PPID Kabupaten Contoh" in text and versi.nomor_sk in text
    assert "Ringkasan Isi Informasi" in text and "Laporan keuangan tahunan 2024" in text
    sheet = load_workbook(io.BytesIO(client.get(reverse("informasi:dip-xlsx")).content)).active
    assert sheet["A1"].value == "PPID Kabupaten Contoh"
    assert versi.nomor_sk in sheet["A3"].value


def test_api_list_filters_and_pages(client, actors, published):
    for n in range(3):
        documented_entry(actors["penyedia_lain"], actors["desk"], ringkasan=f"Aset {n}")
    publish_version(actors)
    url = reverse("informasi:api-list")
    data = client.get(url, {"per_halaman": 2, "unit": "umum"}).json()
    assert data["jumlah"] == 3 and data["jumlah_halaman"] == 2 and len(data["hasil"]) == 2
    assert "halaman=2" in data["berikutnya"]
    item = data["hasil"][0]
    assert item["unit"] == {"kode": "umum", "nama": "Sub-bagian Umum"}
    assert item["bentuk"] == ["softcopy", "hardcopy"] and item["pengecualian"] is None
    response = client.get(url, {"kategori": "rahasia"})
    assert response.status_code == 400 and "kategori" in response.json()["rincian"]
    assert client.get(url, {"per_halaman": 1000}).status_code == 400
    assert client.get(url, {"halaman": 50}).status_code == 404
    assert client.get(url)["Access-Control-Allow-Origin"] == "*"


def test_api_detail_has_public_documents(client, published):
    entry = published["open"]
    data = client.get(reverse("informasi:api-detail", args=[entry.pk])).json()
    assert {d["jenis"] for d in data["dokumen"]} == {"berkas", "tautan"}
    assert data["versi"]["nomor_sk"] == published["versi"].nomor_sk
    assert client.get(reverse("informasi:api-detail", args=[99999])).status_code == 404


def test_api_docs_page(client):
    html = body(client.get(reverse("informasi:api-docs")))
    assert reverse("informasi:api-list") in html and "per_halaman" in html


def test_home_shows_categories_latest_and_serta_merta(client, actors, published):
    documented_entry(
        actors["penyedia"],
        actors["desk"],
        ringkasan="Peringatan banjir di TPS",
        kategori="serta_merta",
    )
    publish_version(actors)
    html = body(client.get(reverse("portal:home")))
    assert "Informasi serta merta" in html and "Peringatan banjir di TPS" in html
    assert 'href="/informasi/?kategori=dikecualikan"' in html
    assert "Laporan keuangan tahunan 2024" in html


def _bulk_publish(actors, n: int):
    penyedia, desk = actors["penyedia"], actors["desk"]
    for i in range(n):
        entry = create_entry(penyedia, ringkasan=f"Informasi berkala nomor {i}")
        attach_pdf(penyedia, entry, text=f"isi {i}")
        entry = workflow.entry_submit(actor=penyedia, entry=entry)
        workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    return publish_version(actors)


@pytest.mark.parametrize("n", [2, 30])
def test_public_list_query_count_is_constant(client, actors, n, django_assert_max_num_queries):
    _bulk_publish(actors, n)
    url = reverse("informasi:dip-list")
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(5):
        assert (
            client.get(
                url, {"q": "informasi berkala", "unit": "keuangan", "urut": "terbaru"}
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(5):
        assert client.get(reverse("informasi:api-list")).status_code == 200
    # The home page also shows the current serta-merta information, the deadline profile's
    # numbers and this year's headline statistics; none of it grows with the DIP.
    with django_assert_max_num_queries(14):
        assert client.get(reverse("portal:home")).status_code == 200


@pytest.mark.parametrize("n", [2, 30])
def test_public_detail_query_count_is_constant(client, actors, n, django_assert_max_num_queries):
    versi = _bulk_publish(actors, n)
    row = versi.entri.first()
    document = row.dokumen.first()
    with django_assert_max_num_queries(4):
        assert client.get(row.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(4):
        assert (
            client.get(reverse("informasi:api-detail", args=[row.informasi_id])).status_code == 200
        )
    with django_assert_max_num_queries(5):
        response = client.get(
            reverse("informasi:dip-dokumen", args=[row.informasi_id, document.pk])
        )
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")


# ----------------------------------------------------------------------------- staff pages

P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
ALL = {P, D, PP, A, T, B}
# Actions without an object (or with the Penyedia's own unit's draft where one is needed).
MATRIX = {
    "informasi.entri.view": ALL,
    "informasi.entri.create": {P},
    "informasi.entri.dokumentasikan": {D},
    "informasi.entri.kembalikan": {D},
    "informasi.entri.koreksi": {A},
    "informasi.versi.view": ALL,
    "informasi.versi.tetapkan": {PP},
    "informasi.versi.batalkan": {PP},
    "informasi.versi.perintahkan": {A},
    "informasi.versi.publikasikan": {D},
    "informasi.versi.ekspor": ALL,
    "informasi.impor": {PP},
    "informasi.entri.usulkan_ppid": {PP},
}


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    assert access.can(user, action) is (role in MATRIX[action])


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        ("informasi.entri.view", {"penyedia", "desk", "ppid", "atasan", "tim", "pembina"}),
        ("informasi.entri.edit", {"penyedia"}),
        ("informasi.entri.ajukan", {"penyedia"}),
        ("informasi.entri.mutakhirkan", {"penyedia"}),
        ("informasi.entri.cabut", {"penyedia", "ppid"}),
        ("informasi.dokumen.kelola", {"penyedia"}),
    ],
)
def test_object_rules_on_a_units_draft(actors, action, allowed):
    entry = create_entry(actors["penyedia"])
    for key in ["penyedia", "penyedia_lain", "desk", "ppid", "atasan", "tim", "pembina", "pemohon"]:
        assert access.can(actors[key], action, entry) is (key in allowed), key


def test_every_action_is_registered_with_a_description():
    actions = access.registered_actions()
    for name in [*MATRIX, "informasi.dip.view", "informasi.entri.edit", "informasi.dokumen.kelola"]:
        assert str(actions[name].description)


def test_anonymous_is_sent_to_login_and_citizens_get_403(client, actors):
    entry = create_entry(actors["penyedia"])
    for url in [
        reverse("informasi:entri-list"),
        entry.get_staff_url(),
        reverse("informasi:versi-list"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(actors["pemohon"])
    assert client.get(reverse("informasi:entri-list")).status_code == 403
    assert client.get(reverse("informasi:versi-list")).status_code == 403


def test_penyedia_of_another_unit_gets_404(client, actors):
    entry = create_entry(actors["penyedia"])
    document = attach_pdf(actors["penyedia"], entry)
    client.force_login(actors["penyedia_lain"])
    for url in [
        entry.get_staff_url(),
        reverse("informasi:entri-update", args=[entry.pk]),
        reverse("informasi:dokumen-unduh", args=[document.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for name in ["entri-ajukan", "entri-cabut"]:
        assert (
            client.post(reverse(f"informasi:{name}", args=[entry.pk]), {"alasan": "x"}).status_code
            == 404
        )
    assert client.post(reverse("informasi:dokumen-hapus", args=[document.pk])).status_code == 404
    assert "Laporan kegiatan" not in body(client.get(reverse("informasi:entri-list")))
    entry.refresh_from_db()
    assert entry.status == InformasiPublik.Status.DRAF


def test_state_changes_are_post_only(client, actors):
    entry = create_entry(actors["penyedia"])
    client.force_login(actors["penyedia"])
    assert client.get(reverse("informasi:entri-ajukan", args=[entry.pk])).status_code == 405
    entry.refresh_from_db()
    assert entry.status == InformasiPublik.Status.DRAF


def test_penyedia_creates_uploads_and_submits(client, actors, settings):
    client.force_login(actors["penyedia"])
    form = client.get(reverse("informasi:entri-create"))
    assert form.context["form"].initial["pejabat_penguasa"] == "Kasubbag Keuangan"
    data = {
        "kategori": "berkala",
        "ringkasan": "Laporan realisasi anggaran 2025",
        "pejabat_penguasa": "Kasubbag Keuangan",
        "penanggung_jawab": "Bendahara",
        "waktu_tempat": "Juli 2025, Kantor",
        "bentuk": ["softcopy", "online"],
        "retensi": "5 tahun",
        "tahun": 2025,
        "subjek": "anggaran",
    }
    response = client.post(reverse("informasi:entri-create"), data)
    entry = InformasiPublik.objects.get()
    assert response.status_code == 302 and response["Location"] == entry.get_staff_url()
    assert entry.online and not entry.hardcopy
    add = reverse("informasi:dokumen-tambah", args=[entry.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    refused = client.post(add, {"berkas": SimpleUploadedFile("a.pdf.exe", pdf_bytes())})
    assert refused.status_code == 200 and "berakhiran" in body(refused)
    settings.UPLOAD_MAX_BYTES = 100
    too_big = client.post(add, {"berkas": SimpleUploadedFile("a.pdf", pdf_bytes())})
    assert "terlalu besar" in body(too_big)
    settings.UPLOAD_MAX_BYTES = 50 * 1024 * 1024
    both = client.post(
        add, {"berkas": SimpleUploadedFile("a.pdf", pdf_bytes()), "tautan": "https://x.id/a"}
    )
    assert "salah satu" in body(both)
    assert not entry.dokumen.exists()
    client.post(add, {"berkas": SimpleUploadedFile("lra.pdf", pdf_bytes()), "judul": "LRA"})
    assert entry.dokumen.get().judul == "LRA"
    response = client.post(reverse("informasi:entri-ajukan", args=[entry.pk]), follow=True)
    assert "diajukan ke Desk" in body(response)
    entry.refresh_from_db()
    assert entry.status == InformasiPublik.Status.DIAJUKAN
    assert client.get(reverse("informasi:entri-update", args=[entry.pk])).status_code == 403


def test_invalid_form_shows_indonesian_errors(client, actors):
    client.force_login(actors["penyedia"])
    response = client.post(
        reverse("informasi:entri-create"),
        {"kategori": "dikecualikan", "ringkasan": "Rahasia", "tahun": 2025},
    )
    html = body(response)
    assert response.status_code == 200
    assert "dasar pengecualian" in html and "minimal satu bentuk" in html
    assert not InformasiPublik.objects.exists()


def test_desk_documents_and_returns_through_pages(client, actors):
    first = submitted_entry(actors["penyedia"])
    second = submitted_entry(actors["penyedia"])
    client.force_login(actors["desk"])
    url = reverse("informasi:entri-dokumentasikan", args=[first.pk])
    assert client.get(url).status_code == 200
    data = {"kategori": "berkala", "bentuk": ["softcopy"], "retensi": "5 tahun"}
    response = client.post(url, data)
    assert "Catat di mana softcopy disimpan" in body(response)
    response = client.post(url, {**data, "lokasi_softcopy": "Server PPID"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == InformasiPublik.Status.DIDOKUMENTASIKAN
    response = client.post(
        reverse("informasi:entri-kembalikan", args=[second.pk]), {"alasan": ""}, follow=True
    )
    assert "Tuliskan alasan" in body(response)
    client.post(reverse("informasi:entri-kembalikan", args=[second.pk]), {"alasan": "Lengkapi SK"})
    second.refresh_from_db()
    assert second.status == InformasiPublik.Status.DIKEMBALIKAN
    # The unit sees the reason.
    client.force_login(actors["penyedia"])
    html = body(client.get(second.get_staff_url()))
    assert "Lengkapi SK" in html and 'id="catatan-pengembalian"' in html


def test_buttons_follow_the_rules(client, actors):
    entry = submitted_entry(actors["penyedia"])
    client.force_login(actors["penyedia"])
    html = body(client.get(entry.get_staff_url()))
    assert "form-kembalikan" not in html and "dokumentasikan/" not in html
    client.force_login(actors["desk"])
    html = body(client.get(entry.get_staff_url()))
    assert "form-kembalikan" in html and "dokumentasikan/" in html and "form-koreksi" not in html
    client.force_login(actors["atasan"])
    html = body(client.get(entry.get_staff_url()))
    assert "form-koreksi" in html and "form-kembalikan" not in html


def test_version_pages_from_penetapan_to_publication(client, actors):
    documented_entry(actors["penyedia"], actors["desk"], ringkasan="Laporan kinerja")
    client.force_login(actors["ppid"])
    page = client.get(reverse("informasi:versi-create"))
    assert "Laporan kinerja" in body(page) and page.context["planned_count"] == 1
    response = client.post(
        reverse("informasi:versi-create"),
        {
            "nomor_sk": "12/PPID/SK/2026",
            "tanggal_sk": "2026-01-10",
            "penandatangan": "Agus",
            "jabatan_penandatangan": "PPID",
        },
    )
    versi = VersiDIP.objects.get()
    assert response["Location"] == versi.get_absolute_url()
    assert (
        client.post(reverse("informasi:versi-publikasikan", args=[versi.nomor])).status_code == 403
    )
    client.force_login(actors["atasan"])
    client.post(reverse("informasi:versi-perintahkan", args=[versi.nomor]), {"catatan": "Unggah"})
    client.force_login(actors["desk"])
    html = body(client.get(versi.get_absolute_url()))
    assert reverse("informasi:versi-publikasikan", args=[versi.nomor]) in html
    client.post(reverse("informasi:versi-publikasikan", args=[versi.nomor]))
    versi.refresh_from_db()
    assert versi.status == VersiDIP.Status.DIPUBLIKASIKAN
    assert "Laporan kinerja" in body(client.get(reverse("informasi:dip-list")))


def test_version_form_refuses_future_date_and_duplicate_sk(client, actors):
    documented_entry(actors["penyedia"], actors["desk"])
    versi = publish_version(actors)
    documented_entry(actors["penyedia"], actors["desk"])
    client.force_login(actors["ppid"])
    data = {
        "nomor_sk": versi.nomor_sk,
        "tanggal_sk": "2999-01-01",
        "penandatangan": "A",
        "jabatan_penandatangan": "PPID",
    }
    html = body(client.post(reverse("informasi:versi-create"), data))
    assert "masa depan" in html
    html = body(
        client.post(reverse("informasi:versi-create"), {**data, "tanggal_sk": "2026-01-01"})
    )
    assert "sudah dipakai" in html
    assert VersiDIP.objects.count() == 1


def test_compare_and_export_pages(client, actors):
    documented_entry(actors["penyedia"], actors["desk"], ringkasan="Pertama")
    first = publish_version(actors)
    documented_entry(actors["penyedia"], actors["desk"], ringkasan="Kedua")
    second = publish_version(actors)
    client.force_login(actors["pembina"])
    response = client.get(
        reverse("informasi:versi-bandingkan"), {"dari": first.nomor, "ke": second.nomor}
    )
    html = body(response)
    assert 'id="entri-ditambahkan"' in html and "Kedua" in html
    response = client.get(reverse("informasi:versi-ekspor", args=[first.nomor, "csv"]))
    assert response["Content-Type"].startswith("text/csv") and "Pertama" in response.content.decode(
        "utf-8-sig"
    )
    response = client.get(reverse("informasi:versi-ekspor", args=[first.nomor, "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="dip-versi-1.xlsx"'
    assert (
        client.get(reverse("informasi:versi-ekspor", args=[first.nomor, "doc"])).status_code == 404
    )


def test_import_pages_dry_run_then_import(client, actors):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(actors["ppid"])
    assert client.get(reverse("informasi:impor-create")).status_code == 200
    bad = xlsx([HEADER, good_row(1), good_row(2, kategori="Rahasia")])
    response = client.post(
        reverse("informasi:impor-create"),
        {"unit": actors["unit_b"].pk, "berkas": SimpleUploadedFile("dip.xlsx", bad)},
        follow=True,
    )
    html = body(response)
    assert "Rahasia" in html and "Impor sekarang" not in html
    impor = ImporDIP.objects.get()
    response = client.post(reverse("informasi:impor-jalankan", args=[impor.pk]), follow=True)
    assert "Tidak ada yang diimpor" in body(response)
    assert not InformasiPublik.objects.exists()
    good = xlsx([HEADER, good_row(1), good_row(2)])
    client.post(
        reverse("informasi:impor-create"),
        {"unit": actors["unit_b"].pk, "berkas": SimpleUploadedFile("dip2.xlsx", good)},
    )
    impor = ImporDIP.objects.latest("id")
    assert "Impor sekarang" in body(client.get(impor.get_absolute_url()))
    response = client.post(reverse("informasi:impor-jalankan", args=[impor.pk]))
    assert response.status_code == 302
    assert InformasiPublik.objects.filter(unit=actors["unit_b"]).count() == 2
    template = client.get(reverse("informasi:impor-templat"))
    sheet = load_workbook(io.BytesIO(template.content)).active
    assert [c.value for c in sheet[1]][:2] == ["No", "Ringkasan Isi Informasi"]
    client.force_login(actors["desk"])
    assert client.get(reverse("informasi:impor-create")).status_code == 403


def test_staff_download_of_excepted_file_is_audited(client, actors, published):
    from ppid_portal import audit

    client.force_login(actors["tim"])
    response = client.get(reverse("informasi:dokumen-unduh", args=[published["secret_doc"].pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    log = audit.history(published["secret_doc"].berkas).get()
    assert log.actor == actors["tim"]


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (Role.PPID, ["Register DIP", "Versi DIP", "Impor DIP"], ["Usulkan entri DIP"]),
        (Role.PENYEDIA, ["Register DIP", "Usulkan entri DIP"], ["Impor DIP"]),
        (Role.DESK, ["Register DIP", "Versi DIP"], ["Impor DIP", "Usulkan entri DIP"]),
    ],
)
def test_staff_navigation_per_role(client, users, role, shown, hidden):
    client.force_login(users[role])
    html = body(client.get(reverse("portal:dashboard")))
    for text in shown:
        assert text in html
    for text in hidden:
        assert text not in html


def test_public_navigation(client):
    html = body(client.get(reverse("portal:home")))
    assert reverse("informasi:dip-list") in html and reverse("informasi:api-docs") in html
    assert "Register DIP" not in html


def test_staff_list_query_count(client, actors, django_assert_max_num_queries):
    for _ in range(15):
        create_entry(actors["penyedia"])
    client.force_login(actors["desk"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("informasi:entri-list")).status_code == 200


@pytest.mark.clock
def test_api_moments_carry_the_office_offset_and_date(client, published):
    # A moment is sent with the office's offset (+07:00 in WIB), so its date part is the date
    # the office saw, also between 00:00 and 07:00 WIB when UTC is still on the day before.
    entry = published["open"]
    data = client.get(reverse("informasi:api-detail", args=[entry.pk])).json()
    for text in (data["tanggal"], data["versi"]["dipublikasikan_pada"]):
        moment = datetime.fromisoformat(text)
        assert text.endswith("+07:00"), text
        assert moment.date() == timezone.localtime(moment).date()


@pytest.mark.clock
def test_xlsx_dates_are_real_dates_written_the_indonesian_way():
    from ppid_portal.documents import build_xlsx

    moment = timezone.now()
    content = build_xlsx([("Uji", ["tanggal", "waktu"], [[timezone.localdate(), moment]])])
    row = list(load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, max_row=2))[0]
    assert row[0].number_format == "dd-mm-yyyy" and row[0].value.date() == timezone.localdate()
    assert row[1].number_format == "dd-mm-yyyy hh:mm"
    assert abs(row[1].value - timezone.localtime(moment).replace(tzinfo=None)).total_seconds() < 1
