"""Pages of the annual report and the rekap: who may open and change them, what they show,
their downloads, and their query counts."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from openpyxl import load_workbook

from permohonan import services, workflow
from permohonan.models import LaporanTahunan
from ppid_portal import access
from ppid_portal.roles import Role

from .test_services_laporan import NARASI, pdf_text

pytestmark = pytest.mark.django_db
P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
MATRIX = {
    "laporan.lihat": {D, PP, A, B},
    "laporan.kelola": {PP},
}
READERS = [D, PP, A, B]
OTHERS = [P, T, "pemohon"]


def test_matrix_covers_every_report_action():
    assert {a for a in access.registered_actions() if a.startswith("laporan.")} == set(MATRIX)


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    assert access.can(user, action) == (role in MATRIX[action])


@pytest.fixture
def lap(users):
    lap = workflow.laporan_create(actor=users[PP], tahun=2025)
    return services.laporan_update(actor=users[PP], laporan_id=lap.pk, values=NARASI)


def _read_urls(lap):
    return [
        reverse("permohonan:laporan"),
        reverse("permohonan:laporan_detail", args=[lap.pk]),
        reverse("permohonan:laporan_unduh", args=[lap.pk, "pdf"]),
        reverse("permohonan:laporan_unduh", args=[lap.pk, "xlsx"]),
        reverse("permohonan:rekap"),
        reverse("permohonan:rekap") + "?tahun=2025&jenis=bulan&bulan=7",
    ]


def _manage_urls(lap):
    return [
        reverse("permohonan:laporan_baru"),
        reverse("permohonan:laporan_ubah", args=[lap.pk]),
    ]


@pytest.mark.parametrize("role", READERS)
def test_readers_open_the_report_pages(client, users, lap, role):
    client.force_login(users[role])
    for url in _read_urls(lap):
        assert client.get(url).status_code == 200, url
    for url in _manage_urls(lap):
        assert client.get(url).status_code == (200 if role == PP else 403), url


@pytest.mark.parametrize("role", OTHERS)
def test_others_may_not_open_report_pages(client, users, lap, role):
    client.force_login(users[role])
    for url in _read_urls(lap) + _manage_urls(lap):
        assert client.get(url).status_code == 403, url


def test_anonymous_is_sent_to_login(client, lap):
    for url in _read_urls(lap) + _manage_urls(lap):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/"), url


@pytest.mark.parametrize("role", [D, A, B, P, T, "pemohon"])
def test_only_the_ppid_changes_a_report(client, users, lap, role):
    client.force_login(users[role])
    client.post(reverse("permohonan:laporan_baru"), {"tahun": 2024})
    client.post(reverse("permohonan:laporan_ubah", args=[lap.pk]), {**NARASI, "kendala": "x"})
    client.post(reverse("permohonan:laporan_setujui", args=[lap.pk]), {"unit": users[P].unit.pk})
    client.post(reverse("permohonan:laporan_batalkan", args=[lap.pk]), {"alasan": "x"})
    lap.refresh_from_db()
    assert lap.status == "draf" and lap.kendala == NARASI["kendala"]
    assert LaporanTahunan.objects.count() == 1


def test_state_changes_are_post_only(client, users, lap):
    client.force_login(users[PP])
    for name in ("laporan_setujui", "laporan_batalkan"):
        assert client.get(reverse(f"permohonan:{name}", args=[lap.pk])).status_code == 405


def test_ppid_creates_writes_and_approves_a_report(client, users, tahun_2025):
    client.force_login(users[PP])
    response = client.post(reverse("permohonan:laporan_baru"), {"tahun": 2025})
    lap = LaporanTahunan.objects.get()
    assert response["Location"] == lap.get_absolute_url()
    # Approving with empty sections is refused with the reason on the page.
    response = client.post(
        reverse("permohonan:laporan_setujui", args=[lap.pk]),
        {"unit": users[P].unit.pk},
        follow=True,
    )
    assert "wajib diisi sebelum laporan disetujui" in response.content.decode()
    response = client.post(reverse("permohonan:laporan_ubah", args=[lap.pk]), NARASI)
    assert response.status_code == 302
    html = client.get(lap.get_absolute_url()).content.decode()
    assert "Rp 25.000.000, realisasi 92%." in html and "Pratinjau PDF" in html
    assert tahun_2025["E"].nomor in html  # the time of each request is listed
    client.post(reverse("permohonan:laporan_setujui", args=[lap.pk]), {"unit": users[P].unit.pk})
    lap.refresh_from_db()
    assert lap.status == "disetujui" and lap.informasi is not None
    html = client.get(lap.get_absolute_url()).content.decode()
    assert "Unduh PDF" in html and "Tulis narasi" not in html
    response = client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "pdf"]))
    with lap.berkas_pdf.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()


def test_draft_downloads_are_previews_with_the_current_figures(client, users, lap, tahun_2025):
    client.force_login(users[A])
    response = client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "DRAF" in text and "Median (hari kerja) 6,5" in text
    response = client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Waktu layanan" in workbook.sheetnames
    assert client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "doc"])).status_code == 404


def test_cancel_from_the_page_needs_a_reason(client, users, lap):
    client.force_login(users[PP])
    url = reverse("permohonan:laporan_batalkan", args=[lap.pk])
    response = client.post(url, {"alasan": ""}, follow=True)
    assert "Bidang ini tidak boleh kosong" in response.content.decode()
    client.post(url, {"alasan": "Salah tahun."})
    lap.refresh_from_db()
    assert lap.status == "dibatalkan"
    assert client.get(reverse("permohonan:laporan_ubah", args=[lap.pk])).status_code == 404


def test_bad_year_is_refused_with_a_message(client, users):
    client.force_login(users[PP])
    response = client.post(reverse("permohonan:laporan_baru"), {"tahun": 1999})
    assert response.status_code == 200
    assert "Tahun laporan harus antara" in response.content.decode()
    assert not LaporanTahunan.objects.exists()


def test_rekap_page_and_downloads(client, users, tahun_2025):
    client.force_login(users[A])
    url = reverse("permohonan:rekap")
    html = client.get(url, {"tahun": 2025, "jenis": "triwulan", "triwulan": 3}).content.decode()
    assert "Triwulan III 2025" in html and tahun_2025["H"].nomor in html
    response = client.get(url, {"tahun": 2025, "jenis": "bulan", "bulan": 7, "unduh": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert "JULI 2025" in pdf_text(response.content)
    response = client.get(url, {"tahun": 2025, "jenis": "bulan", "bulan": 7, "unduh": "xlsx"})
    assert 'filename="rekap-permohonan-2025-07.xlsx"' in response["Content-Disposition"]
    load_workbook(io.BytesIO(response.content))


def test_rekap_refuses_incomplete_or_future_periods(client, users):
    client.force_login(users[A])
    url = reverse("permohonan:rekap")
    html = client.get(url, {"tahun": 2025, "jenis": "triwulan"}).content.decode()
    assert "Pilih triwulan." in html
    html = client.get(url, {"tahun": 2025, "jenis": "bulan", "bulan": "13"}).content.decode()
    assert "Masukkan pilihan yang valid" in html
    html = client.get(url, {"tahun": 3000, "jenis": "bulan", "bulan": 1}).content.decode()
    assert "lebih kecil dari atau sama dengan" in html


def _more_requests(users, n):
    from .factories import submit_desk

    for _ in range(n):
        submit_desk(users[D])


@pytest.mark.parametrize("n", [1, 15])
def test_report_pages_query_counts_do_not_grow(
    client, users, lap, n, django_assert_max_num_queries
):
    _more_requests(users, n)
    client.force_login(users[A])
    with django_assert_max_num_queries(20):
        assert client.get(reverse("permohonan:laporan_detail", args=[lap.pk])).status_code == 200
    with django_assert_max_num_queries(20):
        response = client.get(reverse("permohonan:rekap"), {"tahun": 2026, "jenis": "bulan"})
        assert response.status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("permohonan:laporan")).status_code == 200


def test_draft_and_downloads_say_when_the_figures_were_computed_in_the_office_zone(
    client, users, lap, time_machine
):
    # 19:15 UTC on 4 December is 02:15 WIB on 5 December: the page once printed the raw UTC
    # timestamp "2026-12-04T19:15:30+00:00".
    time_machine.move_to("2026-12-04T19:15:30+00:00", tick=False)
    client.force_login(users[PP])
    html = client.get(reverse("permohonan:laporan_detail", args=[lap.pk])).content.decode()
    assert "05-12-2026 02.15 WIB" in html
    assert "2026-12-04T19" not in html and "+00:00" not in html
    pdf = client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "pdf"]))
    text = pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    assert "05-12-2026 02.15 WIB" in text and "2026-12-04T19" not in text
    xlsx = client.get(reverse("permohonan:laporan_unduh", args=[lap.pk, "xlsx"]))
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    cells = [
        str(cell) for ws in load_workbook(io.BytesIO(content)) for row in ws.values for cell in row
    ]
    assert any("05-12-2026 02.15 WIB" in cell for cell in cells)
    assert not any("2026-12-04T19" in cell for cell in cells)
