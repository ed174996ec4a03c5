"""Views of the arsip app: who may open what, what pages and documents show, query counts."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from arsip import workflow
from arsip.models import (
    ItemArsip,
    Kegiatan,
    LaporanCadangan,
    Lokasi,
    PemeriksaanArsip,
    PemindahanItem,
    UsulPemusnahan,
)
from arsip.services import fisik
from arsip.services.pemeriksaan import pemeriksaan_run
from ppid_portal import access
from ppid_portal.models import AuditLog
from ppid_portal.roles import Role
from tests.arsip.factories import (
    add_photo,
    add_scan,
    jpg_bytes,
    make_item,
    make_kegiatan,
    upload,
)
from tests.portal.samples import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
ALL = {P, D, PP, A, T, B}
PUBLIC = "publik"

# --- Permission matrix: every arsip action × every role -------------------------------------------

MATRIX = {
    "arsip.view": {D, PP, A},
    "arsip.manage": {D, PP},
    "arsip.jadwal.view": {D, PP, A},
    "arsip.jadwal.manage": {PP},
    "arsip.retensi.inaktif": {D, PP},
    "arsip.retensi.statis": {PP},
    "arsip.pemusnahan.view": {PP, A},
    "arsip.pemusnahan.propose": {PP},
    "arsip.pemusnahan.decide": {A},
    "arsip.kegiatan.view": ALL,
    "arsip.kegiatan.manage": {D, PP},
    "arsip.sistem.view": {PP, A},
    "arsip.laporan.view": {PP, A, B},
}


def test_matrix_covers_every_arsip_action():
    registered = {a for a in access.registered_actions() if a.startswith("arsip.")}
    assert registered == set(MATRIX) | {"arsip.kegiatan.public"}


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", list(Role) + ["pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    expected = role in MATRIX[action]
    assert access.can(user, action) is expected
    if not expected:
        with pytest.raises(PermissionDenied):
            access.require(user, action)


@pytest.mark.parametrize("role", list(Role) + ["pemohon", "anonim"])
def test_public_activities_are_for_everyone_but_only_when_public(users, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    assert access.can(user, "arsip.kegiatan.public")
    assert access.can(user, "arsip.kegiatan.public", Kegiatan(publik=True))
    assert not access.can(user, "arsip.kegiatan.public", Kegiatan(publik=False))


# --- A small world to open pages on --------------------------------------------------------------


@pytest.fixture
def world(users, desk, ppid, atasan, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1), judul="Lama")
    scan = add_scan(desk, item)
    fresh = make_item(desk, unit=unit, lokasi=tree["b2"], judul="Baru", mulai=date(2026, 1, 1))
    permanent = make_item(desk, unit=unit, lokasi=tree["b2"], kode="HK.01", mulai=date(2000, 1, 1))
    review = make_item(
        desk, unit=unit, lokasi=tree["m1"], kode="HM.01", mulai=date(2010, 1, 1), judul="Nilai"
    )
    usul = workflow.pemusnahan_propose(items=[item], actor=ppid, pertimbangan="Retensi berakhir")
    gone = make_item(desk, unit=unit, lokasi=tree["m1"], mulai=date(2010, 1, 1), judul="Musnah")
    done = workflow.pemusnahan_propose(items=[gone], actor=ppid, pertimbangan="Retensi berakhir")
    workflow.pemusnahan_approve(usul=done, actor=atasan, alasan="Sesuai JRA")
    publik = make_kegiatan(desk, publik=True, judul="Rapat koordinasi DIP")
    foto = add_photo(desk, publik)
    foto_internal = add_photo(desk, publik, publik=False, name="internal.png")
    internal = make_kegiatan(desk, publik=False, judul="Rapat Tim Pertimbangan")
    notulen = add_photo(desk, internal, name="papan.png")
    pemeriksaan = pemeriksaan_run()
    LaporanCadangan.objects.create(jenis="cadangan", hasil="berhasil", bundel="/cadangan/a.tar")
    return {
        "item": item,
        "scan": scan,
        "fresh": fresh,
        "permanent": permanent,
        "review": review,
        "usul": usul,
        "done": done,
        "publik": publik,
        "foto": foto,
        "foto_internal": foto_internal,
        "internal": internal,
        "notulen": notulen,
        "pemeriksaan": pemeriksaan,
        **tree,
    }


# name, kwargs from the world, roles that may open it (GET)
PAGES = [
    ("kegiatan_publik_list", lambda w: {}, PUBLIC),
    ("kegiatan_publik_detail", lambda w: {"pk": w["publik"].pk}, PUBLIC),
    ("lampiran_publik", lambda w: {"pk": w["publik"].pk, "lampiran_pk": w["foto"].pk}, PUBLIC),
    ("lokasi_list", lambda w: {}, {D, PP, A}),
    ("lokasi_create", lambda w: {}, {D, PP}),
    ("lokasi_detail", lambda w: {"pk": w["b1"].pk}, {D, PP, A}),
    ("lokasi_update", lambda w: {"pk": w["b1"].pk}, {D, PP}),
    ("lokasi_label", lambda w: {"pk": w["b1"].pk}, {D, PP, A}),
    ("item_list", lambda w: {}, {D, PP, A}),
    ("item_create", lambda w: {}, {D, PP}),
    ("item_detail", lambda w: {"pk": w["item"].pk}, {D, PP, A}),
    ("item_update", lambda w: {"pk": w["item"].pk}, {D, PP}),
    ("item_pindah", lambda w: {"pk": w["item"].pk}, {D, PP}),
    ("item_label", lambda w: {"pk": w["item"].pk}, {D, PP, A}),
    ("item_berkas", lambda w: {"pk": w["item"].pk}, {D, PP}),
    (
        "item_berkas_unduh",
        lambda w: {"pk": w["item"].pk, "berkas_pk": w["scan"].pk},
        {D, PP, A},
    ),
    ("item_tautan", lambda w: {"pk": w["item"].pk}, {D, PP}),
    ("item_inaktif", lambda w: {"pk": w["item"].pk}, {D, PP}),
    ("item_statis", lambda w: {"pk": w["permanent"].pk}, {PP}),
    ("daftar", lambda w: {}, {D, PP, A}),
    ("daftar_pdf", lambda w: {}, {D, PP, A}),
    ("daftar_xlsx", lambda w: {}, {D, PP, A}),
    ("jadwal_list", lambda w: {}, {D, PP, A}),
    ("jadwal_create", lambda w: {}, {PP}),
    ("jadwal_update", lambda w: {"pk": w["item"].jadwal_id}, {PP}),
    ("retensi", lambda w: {}, {D, PP, A}),
    ("retensi_xlsx", lambda w: {}, {D, PP, A}),
    ("usul_list", lambda w: {}, {PP, A}),
    ("usul_create", lambda w: {}, {PP}),
    ("usul_detail", lambda w: {"pk": w["usul"].pk}, {PP, A}),
    ("usul_setujui", lambda w: {"pk": w["usul"].pk}, {A}),
    ("usul_tolak", lambda w: {"pk": w["usul"].pk}, {A}),
    ("usul_batal", lambda w: {"pk": w["usul"].pk}, {PP}),
    ("berita_acara", lambda w: {"pk": w["done"].pk}, {PP, A}),
    ("kegiatan_staf_list", lambda w: {}, ALL),
    ("kegiatan_create", lambda w: {}, {D, PP}),
    ("kegiatan_staf_detail", lambda w: {"pk": w["internal"].pk}, ALL),
    ("kegiatan_update", lambda w: {"pk": w["internal"].pk}, {D, PP}),
    ("lampiran_create", lambda w: {"pk": w["internal"].pk}, {D, PP}),
    (
        "lampiran_staf",
        lambda w: {"pk": w["internal"].pk, "lampiran_pk": w["notulen"].pk},
        ALL,
    ),
    ("kegiatan_tautan", lambda w: {"pk": w["internal"].pk}, {D, PP}),
    ("pemeriksaan_list", lambda w: {}, {PP, A}),
    ("pemeriksaan_detail", lambda w: {"pk": w["pemeriksaan"].pk}, {PP, A}),
    ("cadangan_list", lambda w: {}, {PP, A}),
    ("laporan_bulanan", lambda w: {}, {PP, A, B}),
    ("laporan_bulanan_pdf", lambda w: {}, {PP, A, B}),
    ("laporan_bulanan_xlsx", lambda w: {}, {PP, A, B}),
]
POST_ONLY = ["item_tautan_hapus", "kegiatan_tautan_hapus"]


def test_every_arsip_url_is_in_the_table():
    from arsip import urls

    names = {p.name for p in urls.urlpatterns}
    assert names == {name for name, _k, _r in PAGES} | set(POST_ONLY)


@pytest.mark.parametrize("name,kwargs,allowed", PAGES, ids=[p[0] for p in PAGES])
def test_who_may_open_each_page(client, users, world, name, kwargs, allowed):
    url = reverse(f"arsip:{name}", kwargs=kwargs(world))
    for role in [*Role, "pemohon", "anonim"]:
        client.logout()
        if role != "anonim":
            client.force_login(users[role])
        response = client.get(url)
        if allowed == PUBLIC or role in allowed:
            assert response.status_code == 200, (name, role)
        elif role == "anonim":
            assert response.status_code == 302, (name, role)
            assert response["Location"].startswith(reverse("login"))
        else:
            assert response.status_code == 403, (name, role)


@pytest.mark.parametrize("name", POST_ONLY)
def test_link_removal_is_post_only(client, desk, name):
    client.force_login(desk)
    response = client.get(reverse(f"arsip:{name}", kwargs={"pk": 1, "tautan_pk": 1}))
    assert response.status_code == 405


# --- Public activities never show what is internal ----------------------------------------------


def test_public_site_shows_public_records_and_public_files_only(client, world):
    listing = client.get(reverse("arsip:kegiatan_publik_list")).content.decode()
    assert "Rapat koordinasi DIP" in listing and "Rapat Tim Pertimbangan" not in listing
    detail = client.get(reverse("arsip:kegiatan_publik_detail", args=[world["publik"].pk]))
    html = detail.content.decode()
    assert "foto.png" in html and "internal.png" not in html
    assert (
        client.get(reverse("arsip:kegiatan_publik_detail", args=[world["internal"].pk])).status_code
        == 404
    )
    for kegiatan, lampiran in [
        (world["publik"], world["foto_internal"]),
        (world["internal"], world["notulen"]),
        (world["publik"], world["notulen"]),
    ]:
        url = reverse("arsip:lampiran_publik", args=[kegiatan.pk, lampiran.pk])
        assert client.get(url).status_code == 404
    photo = client.get(
        reverse("arsip:lampiran_publik", args=[world["publik"].pk, world["foto"].pk]),
        {"tampil": "1"},
    )
    assert photo["Content-Type"] == "image/png"
    assert photo["Content-Disposition"].startswith("inline")
    assert b"".join(photo.streaming_content) == png_bytes()


def test_public_nav_links_to_activities(client):
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("arsip:kegiatan_publik_list") in html


def test_staff_nav_shows_only_what_the_role_may_open(client, users):
    client.force_login(users[Role.PEMBINA])
    html = client.get(reverse("portal:dashboard")).content.decode()
    assert reverse("arsip:laporan_bulanan") in html and reverse("arsip:kegiatan_staf_list") in html
    assert reverse("arsip:lokasi_list") not in html and reverse("portal:audit") not in html
    client.force_login(users[Role.PPID])
    html = client.get(reverse("portal:dashboard")).content.decode()
    for name in ["lokasi_list", "retensi", "usul_list", "pemeriksaan_list", "cadangan_list"]:
        assert reverse(f"arsip:{name}") in html
    assert reverse("portal:audit") in html


# --- Forms call the services ---------------------------------------------------------------------


def test_desk_creates_place_and_item_and_moves_it(client, desk, unit, jadwal, tree):
    client.force_login(desk)
    response = client.post(
        reverse("arsip:lokasi_create"),
        {"jenis": "boks", "kode": "b3", "nama": "Boks 3", "induk": tree["rak"].pk},
    )
    box = Lokasi.objects.get(kode="B3")
    assert response.status_code == 302 and response["Location"] == box.get_absolute_url()
    response = client.post(
        reverse("arsip:item_create"),
        {
            "kode_klasifikasi": "KU.01.02",
            "judul": "DIPA 2024",
            "unit": unit.pk,
            "tanggal_mulai": "2024-01-02",
            "tanggal_selesai": "2024-12-31",
            "medium": "kertas",
            "jumlah": "2",
            "satuan": "berkas",
            "kondisi": "baik",
            "lokasi": box.pk,
        },
    )
    item = ItemArsip.objects.get(judul="DIPA 2024")
    assert response["Location"] == item.get_absolute_url()
    assert item.tanggal_nasib == date(2029, 12, 31)
    response = client.post(
        reverse("arsip:item_pindah", args=[item.pk]), {"ke": tree["b1"].pk, "alasan": "Ditata"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.lokasi == tree["b1"]
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Boks B3 → Gedung G1" in page and "Ditata" in page


def test_bad_input_gets_indonesian_errors_and_changes_nothing(client, desk, unit, jadwal, tree):
    client.force_login(desk)
    response = client.post(
        reverse("arsip:item_create"),
        {
            "kode_klasifikasi": "ZZ.99",
            "judul": "Tanpa jadwal",
            "unit": unit.pk,
            "tanggal_mulai": "2024-01-02",
            "medium": "kertas",
            "jumlah": "1",
            "satuan": "berkas",
            "kondisi": "baik",
            "lokasi": tree["b1"].pk,
        },
    )
    assert response.status_code == 200
    assert "belum ada di Jadwal Retensi Arsip" in response.content.decode()
    response = client.post(
        reverse("arsip:lokasi_create"),
        {"jenis": "boks", "kode": "B9", "nama": "x", "induk": tree["ruang"].pk},
    )
    assert response.status_code == 200
    assert "Boks harus berada di lemari atau rak" in response.content.decode()
    assert not ItemArsip.objects.exists() and not Lokasi.objects.filter(kode="B9").exists()


def test_upload_refuses_a_disguised_file(client, desk, unit, jadwal, tree, settings):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    client.force_login(desk)
    response = client.post(
        reverse("arsip:item_berkas", args=[item.pk]),
        {"berkas": upload("laporan.pdf", b"<html><script>alert(1)</script></html>")},
    )
    assert response.status_code == 200 and "tidak diterima" in response.content.decode()
    assert not item.berkas.exists()
    assert not any(settings.MEDIA_ROOT.rglob("*.pdf"))


def test_photo_attachment_must_be_an_image(client, desk):
    kegiatan = make_kegiatan(desk)
    client.force_login(desk)
    url = reverse("arsip:lampiran_create", args=[kegiatan.pk])
    response = client.post(url, {"berkas": upload("notulen.pdf", pdf_bytes()), "jenis": "foto"})
    assert response.status_code == 200 and "bukan foto" in response.content.decode()
    response = client.post(
        url, {"berkas": upload("foto.jpg", jpg_bytes()), "jenis": "foto", "publik": "on"}
    )
    assert response.status_code == 302
    assert kegiatan.lampiran.get().berkas.content_type == "image/jpeg"


def test_marking_an_activity_public_puts_it_on_the_website(client, desk):
    kegiatan = make_kegiatan(desk, publik=False)
    client.force_login(desk)
    data = {
        "judul": kegiatan.judul,
        "jenis": "rapat",
        "tanggal": "2026-01-15",
        "tempat": "Ruang rapat",
        "peserta": "PPID",
        "ringkasan": "Ringkas.",
        "keputusan": "",
        "publik": "on",
    }
    assert (
        client.post(reverse("arsip:kegiatan_update", args=[kegiatan.pk]), data).status_code == 302
    )
    client.logout()
    assert (
        client.get(reverse("arsip:kegiatan_publik_detail", args=[kegiatan.pk])).status_code == 200
    )
    actions = [log.action for log in AuditLog.objects.filter(object_id=str(kegiatan.pk))]
    assert "arsip.kegiatan.publikasi" in actions


def test_state_changes_happen_on_post_only(client, world, desk):
    client.force_login(desk)
    url = reverse("arsip:item_inaktif", args=[world["item"].pk])
    client.get(url)
    assert ItemArsip.objects.get(pk=world["item"].pk).status == "aktif"
    assert client.post(url, {"alasan": ""}).status_code == 302
    assert ItemArsip.objects.get(pk=world["item"].pk).status == "inaktif"


def test_atasan_approves_through_the_page(client, world, atasan):
    client.force_login(atasan)
    url = reverse("arsip:usul_setujui", args=[world["usul"].pk])
    response = client.post(url, {"alasan": ""})
    assert (
        response.status_code == 200 and "Bidang ini tidak boleh kosong" in response.content.decode()
    )
    response = client.post(url, {"alasan": "Sesuai JRA"})
    assert response.status_code == 302
    assert UsulPemusnahan.objects.get(pk=world["usul"].pk).status == "disetujui"
    # A decided proposal cannot be decided again; the page says why.
    response = client.post(reverse("arsip:usul_tolak", args=[world["usul"].pk]), {"alasan": "x"})
    assert response.status_code == 200 and "tidak dapat diubah" in response.content.decode()


def test_destroyed_item_page_keeps_the_record_without_the_file(client, world, ppid):
    client.force_login(ppid)
    gone = ItemArsip.objects.get(judul="Musnah")
    html = client.get(gone.get_absolute_url()).content.decode()
    assert "Dimusnahkan" in html and world["done"].nomor_berita_acara in html


def test_destroyed_files_are_not_served(
    client, world, ppid, atasan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.pemusnahan_approve(usul=world["usul"], actor=atasan, alasan="ok")
    client.force_login(ppid)
    url = reverse("arsip:item_berkas_unduh", args=[world["item"].pk, world["scan"].pk])
    assert client.get(url).status_code == 404


def test_guessed_file_of_another_item_is_404(client, world, desk):
    client.force_login(desk)
    url = reverse("arsip:item_berkas_unduh", args=[world["fresh"].pk, world["scan"].pk])
    assert client.get(url).status_code == 404


# --- Documents render ----------------------------------------------------------------------------


def pdf_text(response) -> tuple[str, PdfReader]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_box_label_has_code_contents_and_qr_to_the_box_page(client, world, desk, settings):
    settings.PPID_SITE_URL = "https://ppid.contoh.go.id"
    client.force_login(desk)
    text, reader = pdf_text(client.get(reverse("arsip:lokasi_label", args=[world["b1"].pk])))
    assert "G1/R1/RAK1/B1" in text and "Lama" in text
    assert f"https://ppid.contoh.go.id/arsip/staf/lokasi/{world['b1'].pk}/" in text
    assert len(reader.pages[0].images) == 1  # the QR code


def test_shelf_labels_print_every_box(client, world, desk):
    client.force_login(desk)
    text, reader = pdf_text(
        client.get(reverse("arsip:lokasi_label", args=[world["rak"].pk]), {"isi": "1"})
    )
    assert "G1/R1/RAK1/B1" in text and "G1/R1/RAK1/B2" in text
    assert sum(len(page.images) for page in reader.pages) == 2


def test_no_label_for_a_room(client, world, desk):
    client.force_login(desk)
    assert client.get(reverse("arsip:lokasi_label", args=[world["ruang"].pk])).status_code == 404


def test_item_label(client, world, desk):
    client.force_login(desk)
    text, reader = pdf_text(client.get(reverse("arsip:item_label", args=[world["item"].pk])))
    assert world["item"].nomor in text and "Aktif 2 tahun" in text
    assert f"/arsip/staf/item/{world['item'].pk}/" in text
    assert len(reader.pages[0].images) == 1


def test_inventory_list_per_place_and_per_unit(client, world, desk, unit):
    client.force_login(desk)
    text, _reader = pdf_text(client.get(reverse("arsip:daftar_pdf"), {"lokasi": world["b2"].pk}))
    assert "DAFTAR ARSIP" in text and "Baru" in text and "Lama" not in text
    response = client.get(reverse("arsip:daftar_xlsx"), {"unit": unit.pk})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    titles = [row[3] for row in values if row and isinstance(row[0], int)]
    assert sorted(titles) == ["Baru", "Dokumen anggaran", "Lama", "Nilai"]
    assert any(row[0] == f"Unit: {unit.nama}" for row in values)


def test_berita_acara_lists_items_and_file_digests(client, world, atasan):
    client.force_login(atasan)
    text, _reader = pdf_text(client.get(reverse("arsip:berita_acara", args=[world["done"].pk])))
    assert "BERITA ACARA PEMUSNAHAN ARSIP" in text
    assert world["done"].nomor_berita_acara in text and "Musnah" in text
    assert "Sesuai JRA" in text
    # Only approved proposals have one.
    assert client.get(reverse("arsip:berita_acara", args=[world["usul"].pk])).status_code == 404


def test_monthly_report_page_pdf_and_xlsx(client, world, ppid):
    client.force_login(ppid)
    html = client.get(reverse("arsip:laporan_bulanan")).content.decode()
    assert "Login per peran" in html and "Item arsip" in html
    text, _reader = pdf_text(client.get(reverse("arsip:laporan_bulanan_pdf")))
    assert "LAPORAN BULANAN PENGGUNAAN SISTEM" in text
    response = client.get(reverse("arsip:laporan_bulanan_xlsx"))
    book = load_workbook(io.BytesIO(response.content))
    assert {"Ringkasan", "Per jenis objek", "Login per peran", "Cadangan", "Pemeriksaan"} <= set(
        book.sheetnames
    )
    assert client.get(reverse("arsip:laporan_bulanan"), {"bulan": "2026-13"}).status_code == 404
    assert client.get(reverse("arsip:laporan_bulanan"), {"bulan": "x"}).status_code == 404


# --- Query counts --------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _more(world, desk, unit, n=6):
    for i in range(n):
        item = make_item(
            desk, unit=unit, lokasi=world["b2"], judul=f"Tambahan {i}", mulai=date(2010, 1, 1)
        )
        fisik.item_relocate(item=item, ke=world["m1"], actor=desk)
        add_scan(desk, item)
        kegiatan = make_kegiatan(desk, publik=True, judul=f"Kegiatan {i}")
        add_photo(desk, kegiatan)
        pemeriksaan_run()
        LaporanCadangan.objects.create(jenis="cadangan", hasil="gagal")


LIST_PAGES = [
    ("arsip:lokasi_list", lambda w: {}),
    ("arsip:lokasi_detail", lambda w: {"pk": w["m1"].pk}),
    ("arsip:item_list", lambda w: {}),
    ("arsip:daftar", lambda w: {}),
    ("arsip:jadwal_list", lambda w: {}),
    ("arsip:retensi", lambda w: {}),
    ("arsip:usul_list", lambda w: {}),
    ("arsip:usul_create", lambda w: {}),
    ("arsip:kegiatan_staf_list", lambda w: {}),
    ("arsip:kegiatan_publik_list", lambda w: {}),
    ("arsip:pemeriksaan_list", lambda w: {}),
    ("arsip:cadangan_list", lambda w: {}),
    ("arsip:laporan_bulanan", lambda w: {}),
    ("arsip:item_detail", lambda w: {"pk": w["item"].pk}),
    ("portal:audit", lambda w: {}),
    ("portal:dashboard", lambda w: {}),
]


@pytest.mark.parametrize("name,kwargs", LIST_PAGES, ids=[p[0] for p in LIST_PAGES])
def test_list_pages_do_not_query_per_row(
    client, world, ppid, desk, unit, name, kwargs, django_assert_max_num_queries
):
    from django.utils import timezone

    from ppid_portal.calendar import load_holidays
    from ppid_portal.dashboard import queues_for

    # Deadlines in the request queues read the holiday calendar, which is copied from the
    # `holidays` package once per year on first use; fill it so only the page is measured.
    year = timezone.localdate().year
    load_holidays(range(year - 1, year + 2))
    client.force_login(ppid)
    url = reverse(name, kwargs=kwargs(world))
    before = _queries(client, url)
    _more(world, desk, unit)
    with django_assert_max_num_queries(before):
        assert client.get(url).status_code == 200
    # The dashboard shows every queue of the PPID's roles: a count and the first items each.
    bound = 4 + 2 * len(queues_for(ppid)) if name == "portal:dashboard" else 12
    assert before <= bound, f"{name}: {before} queries"


def test_moves_list_on_item_page_in_one_query(client, world, ppid, desk):
    item = world["item"]
    for target in ("b2", "m1", "b1", "b2"):
        fisik.item_relocate(item=item, ke=world[target], actor=desk)
    client.force_login(ppid)
    assert PemindahanItem.objects.filter(item=item).count() == 5
    assert _queries(client, item.get_absolute_url()) <= 12


# --- Audit trail viewer --------------------------------------------------------------------------


def test_audit_trail_filters(client, world, ppid, desk, atasan):
    client.force_login(ppid)
    url = reverse("portal:audit")
    by_actor = client.get(url, {"pelaku": desk.username}).context["object_list"]
    assert by_actor and all(log.actor == desk for log in by_actor)
    by_action = client.get(url, {"tindakan": "arsip.usul.setujui"}).context["object_list"]
    assert [log.actor for log in by_action] == [atasan]
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(Lokasi)
    by_type = client.get(url, {"jenis": ct.pk}).context["object_list"]
    assert {log.content_type_id for log in by_type} == {ct.pk} and len(by_type) == 7
    assert not client.get(url, {"dari": "2000-01-01", "sampai": "2000-01-31"}).context[
        "object_list"
    ]
    response = client.get(url, {"dari": "2026-02-01", "sampai": "2026-01-01"})
    assert "Tanggal akhir tidak boleh sebelum tanggal awal" in response.content.decode()


def test_audit_trail_export_is_filtered_escaped_and_recorded(client, world, ppid, desk):
    from ppid_portal import audit

    audit.record(actor=desk, obj=world["item"], action="arsip.uji", note='=HYPERLINK("x")')
    client.force_login(ppid)
    response = client.get(reverse("portal:audit"), {"tindakan": "arsip.uji", "unduh": "xlsx"})
    assert response["Content-Disposition"].startswith('attachment; filename="jejak-audit-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    data = [row for row in rows if row[2] == "arsip.uji"]
    assert len(data) == 1 and data[0][8] == '\'=HYPERLINK("x")'
    assert any("Tindakan: arsip.uji" in str(row[0]) for row in rows)
    export = AuditLog.objects.filter(action="audit.ekspor").get()
    assert export.actor == ppid and "arsip.uji" in export.note


@pytest.mark.parametrize("role", [Role.DESK, Role.PENYEDIA, Role.PEMBINA, Role.TIM_PERTIMBANGAN])
def test_audit_trail_export_is_refused_to_other_roles(client, users, role):
    client.force_login(users[role])
    assert client.get(reverse("portal:audit"), {"unduh": "xlsx"}).status_code == 403


def test_login_is_written_to_the_audit_trail_with_roles(client, users):
    user = users[Role.DESK]
    client.post(reverse("login"), {"username": user.username, "password": "sandi-uji-123"})
    log = AuditLog.objects.get(action="akun.masuk")
    assert log.actor == user and log.note == Role.DESK.value
    client.post(reverse("login"), {"username": user.username, "password": "salah"})
    assert AuditLog.objects.filter(action="akun.masuk").count() == 1


# --- Dashboard queues ----------------------------------------------------------------------------


def test_queues_for_ppid_desk_and_atasan(client, world, users, settings):
    broken = world["scan"].berkas
    (settings.MEDIA_ROOT / broken.file.name).unlink()
    report = pemeriksaan_run()
    assert report.hasil == PemeriksaanArsip.Hasil.BERMASALAH

    def queues(role):
        client.force_login(users[role])
        response = client.get(reverse("portal:dashboard"))
        return {e["queue"].key: e for e in response.context["queues"]}

    ppid = queues(Role.PPID)
    assert ppid["arsip.pemeriksaan"]["count"] == 1
    assert "Berkas hilang" in str(ppid["arsip.pemeriksaan"]["items"][0])
    # Due: the permanent item (to hand over) and the one to re-evaluate; the one already in a
    # proposal waits for the Atasan and is not counted again.
    assert ppid["arsip.retensi"]["count"] == 2
    assert ppid["arsip.cadangan"]["count"] == 0
    atasan = queues(Role.ATASAN)
    assert atasan["arsip.usul"]["count"] == 1
    assert list(atasan["arsip.usul"]["items"]) == [world["usul"]]
    assert "arsip.pemeriksaan" not in atasan
    desk = queues(Role.DESK)
    assert "arsip.retensi" in desk and "arsip.usul" not in desk


def test_backup_queue_warns_when_no_recent_backup(client, users):
    LaporanCadangan.objects.create(jenis="cadangan", hasil="gagal", pesan="disk penuh")
    client.force_login(users[Role.PPID])
    entry = next(
        e
        for e in client.get(reverse("portal:dashboard")).context["queues"]
        if e["queue"].key == "arsip.cadangan"
    )
    assert entry["count"] == 2
    assert "Belum ada cadangan data yang berhasil" in str(entry["items"][0])


def test_sensitive_archive_file_downloads_are_audited(client, desk, ppid, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    content = pdf_bytes("Dokumen asli yang dikecualikan")
    client.force_login(desk)
    response = client.post(
        reverse("arsip:item_berkas", args=[item.pk]),
        {"berkas": upload("asli.pdf", content), "sensitif": "on"},
    )
    assert response.status_code == 302
    berkas = item.berkas.get()
    assert berkas.berkas.sensitive
    client.force_login(ppid)
    download = client.get(reverse("arsip:item_berkas_unduh", args=[item.pk, berkas.pk]))
    assert b"".join(download.streaming_content) == content
    log = AuditLog.objects.get(action="berkas.unduh")
    assert log.actor == ppid and str(item.pk) in log.note
