"""The annual report (laporan layanan informasi publik) and the rekap: workflow rules, the
figures from the fixture year, and the PDF and XLSX they produce."""

import io
from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from informasi.models import InformasiPublik
from permohonan import laporan, services, workflow
from permohonan.models import LaporanTahunan
from ppid_portal import audit
from ppid_portal.roles import Role
from ppid_portal.statistik import Periode

pytestmark = pytest.mark.django_db
LS = LaporanTahunan.Status

NARASI = {
    "kebijakan": "SK PPID dan SOP layanan informasi.",
    "sarana_prasarana": "Ruang desk layanan dan portal PPID.",
    "sumber_daya_manusia": "Satu PPID dan dua petugas desk.",
    "anggaran": "Rp 25.000.000, realisasi 92%.",
    "kendala": "Arsip unit belum digital.",
    "rekomendasi": "Digitalisasi arsip tahun depan.",
}


def draft(users, tahun=2025, **narasi):
    lap = workflow.laporan_create(actor=users[Role.PPID], tahun=tahun)
    return services.laporan_update(
        actor=users[Role.PPID], laporan_id=lap.pk, values={**NARASI, **narasi}
    )


def approve(users, lap, unit=None):
    return workflow.laporan_approve(
        actor=users[Role.PPID], laporan_id=lap.pk, unit=unit or users[Role.PENYEDIA].unit
    )


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def xlsx_values(content: bytes) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def read(stored) -> bytes:
    with stored.file.open("rb") as handle:
        return handle.read()


# ----------------------------------------------------------------------------- workflow


@pytest.mark.parametrize("role", [r for r in Role if r != Role.PPID])
def test_only_the_ppid_creates_and_approves(users, role):
    with pytest.raises(PermissionDenied):
        workflow.laporan_create(actor=users[role], tahun=2025)
    lap = draft(users)
    with pytest.raises(PermissionDenied):
        workflow.laporan_approve(actor=users[role], laporan_id=lap.pk, unit=users[role].unit)
    with pytest.raises(PermissionDenied):
        services.laporan_update(actor=users[role], laporan_id=lap.pk, values={"kendala": "x"})
    with pytest.raises(PermissionDenied):
        workflow.laporan_cancel(actor=users[role], laporan_id=lap.pk, alasan="x")
    lap.refresh_from_db()
    assert lap.status == LS.DRAF and lap.kendala == NARASI["kendala"]


@pytest.mark.clock  # also at both sides of local and UTC midnight
@pytest.mark.parametrize("tahun", [2009, "tahun depan"])
def test_year_must_have_begun_and_be_after_the_law(users, tahun):
    if tahun == "tahun depan":
        # Read when the test runs, at its own instant (tests/clock.py), not at collection.
        tahun = timezone.localdate().year + 1
    with pytest.raises(ValidationError) as exc:
        workflow.laporan_create(actor=users[Role.PPID], tahun=tahun)
    assert "tahun" in exc.value.message_dict


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_one_draft_per_year(users):
    draft(users)
    with pytest.raises(ValidationError, match="Sudah ada draf"):
        workflow.laporan_create(actor=users[Role.PPID], tahun=2025)
    with pytest.raises(IntegrityError), transaction.atomic():
        LaporanTahunan.objects.create(tahun=2025, status=LS.DRAF)


def test_status_outside_the_choices_is_refused_by_the_database(users):
    lap = draft(users)
    with pytest.raises(IntegrityError), transaction.atomic():
        LaporanTahunan.objects.filter(pk=lap.pk).update(status="terbit")


def test_narrative_is_edited_only_in_a_draft_and_every_edit_is_audited(users):
    lap = draft(users)
    services.laporan_update(
        actor=users[Role.PPID], laporan_id=lap.pk, values={"kendala": "Kendala baru."}
    )
    notes = [r.note for r in audit.history(lap) if r.action == "laporan.ubah"]
    assert notes[-1] == "kendala internal dan eksternal"
    workflow.laporan_cancel(actor=users[Role.PPID], laporan_id=lap.pk, alasan="Salah tahun.")
    with pytest.raises(ValidationError, match="Hanya draf"):
        services.laporan_update(actor=users[Role.PPID], laporan_id=lap.pk, values={"kendala": "y"})


def test_cancel_needs_a_reason(users):
    lap = draft(users)
    with pytest.raises(ValidationError):
        workflow.laporan_cancel(actor=users[Role.PPID], laporan_id=lap.pk, alasan=" ")
    lap = workflow.laporan_cancel(actor=users[Role.PPID], laporan_id=lap.pk, alasan="Ganda.")
    assert lap.status == LS.DIBATALKAN
    assert [r.to_state for r in audit.history(lap)] == ["draf", "draf", "dibatalkan"]
    with pytest.raises(ValidationError):
        workflow.laporan_cancel(actor=users[Role.PPID], laporan_id=lap.pk, alasan="Lagi.")


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_current_year_cannot_be_approved(users):
    lap = draft(users, tahun=timezone.localdate().year)
    with pytest.raises(ValidationError, match="setelah tahun itu berakhir"):
        approve(users, lap)


def test_every_narrative_section_is_required_and_a_unit(users):
    lap = draft(users, anggaran="", rekomendasi=" ")
    with pytest.raises(ValidationError) as exc:
        workflow.laporan_approve(actor=users[Role.PPID], laporan_id=lap.pk, unit=None)
    assert set(exc.value.message_dict) == {"anggaran", "rekomendasi", "unit"}
    lap.refresh_from_db()
    assert lap.status == LS.DRAF and not lap.angka and lap.berkas_pdf is None


def test_approval_freezes_the_fixture_year_figures(users, tahun_2025):
    lap = approve(users, draft(users))
    angka = lap.angka
    assert angka["permohonan"]["jumlah"] == 8
    assert angka["permohonan"]["per_kanal"] == {
        "online": 0,
        "langsung": 4,
        "telepon": 1,
        "surat": 1,
        "email": 1,
        "faksimili": 1,
    }
    assert angka["permohonan"]["per_hasil"]["diberikan_seluruhnya"] == 3
    assert angka["permohonan"]["per_hasil"]["diberikan_sebagian"] == 1
    assert angka["permohonan"]["per_hasil"]["ditolak_dikecualikan"] == 1
    assert angka["permohonan"]["alasan_penolakan"] == {"h": 1, "i": 1}
    assert angka["waktu"] == {
        "dijawab": 6,
        "median": 6.5,
        "p90": 12.0,
        "rata_rata": 6.8,
        "terlama": 12,
        "tepat": 5,
        "terlambat": 2,
        "tidak_dinilai": 1,
        "persen_tepat": 71.4,
    }
    rincian = {row[0]: row for row in angka["rincian"]}
    e = rincian[tahun_2025["E"].nomor]
    assert e[1:] == ["2025-07-03", "langsung", "diberikan_seluruhnya", "2025-07-22", 12, False]
    assert angka["keberatan"]["jumlah"] == 3
    assert angka["keberatan"]["per_alasan"] == dict(
        zip("abcdefg", [1, 0, 0, 1, 0, 0, 1], strict=True)
    )
    assert (angka["keberatan"]["menguatkan"], angka["keberatan"]["mengabulkan"]) == (1, 1)
    assert angka["keberatan"]["dilaksanakan_tepat"] == 1
    assert angka["sengketa"]["per_tahap"] == {"mediasi": 0, "ajudikasi": 1, "pengadilan": 0}
    assert angka["survei"]["ikm"] == 87.5
    # Frozen: a later request received in 2025 does not change the approved figures.
    workflow.permohonan_submit(
        actor=users[Role.DESK],
        kanal="langsung",
        data=tahun_2025["A"].__dict__ | {"email": "baru@contoh.id"},
        diterima_pada=timezone.make_aware(datetime(2025, 12, 1, 9)),
    )
    lap.refresh_from_db()
    assert lap.angka["permohonan"]["jumlah"] == 8
    assert laporan.hitung(Periode(2025))["permohonan"]["jumlah"] == 9


def test_approved_pdf_and_xlsx_contain_the_figures(users, tahun_2025):
    lap = approve(users, draft(users))
    text = pdf_text(read(lap.berkas_pdf))
    assert "LAPORAN LAYANAN INFORMASI PUBLIK" in text and "TAHUN 2025" in text
    assert "Median (hari kerja) 6,5" in text
    assert "Persentase tepat waktu (%) 71,4" in text
    assert tahun_2025["E"].nomor in text
    assert "Digitalisasi arsip tahun depan." in text
    assert lap.berkas_pdf.sha256 and lap.berkas_xlsx.size
    sheets = xlsx_values(read(lap.berkas_xlsx))
    narasi = sheets["Narasi"]
    assert ["Anggaran pelayanan informasi", "Rp 25.000.000, realisasi 92%."] in narasi
    waktu = sheets["Waktu layanan"]
    assert ["Median (hari kerja)", 6.5] in waktu
    assert ["Persentil ke-90 (hari kerja)", 12.0] in waktu
    assert ["Jumlah seluruhnya", 8] in sheets["Permohonan per cara"]
    rincian = {row[0]: row for row in sheets["Rincian waktu"]}
    assert rincian[tahun_2025["E"].nomor][5:] == [12, "Tidak"]


def test_a_long_table_of_requests_is_left_to_the_xlsx_in_the_pdf(users, tahun_2025, settings):
    """A busy year's thousands of rows would take minutes to lay out as PDF pages: above the
    limit the PDF names the XLSX sheet that holds them, and the XLSX still has every row."""
    settings.PERMOHONAN_RINCIAN_PDF_MAKS = 3
    lap = approve(users, draft(users))
    text = pdf_text(read(lap.berkas_pdf))
    assert tahun_2025["E"].nomor not in text
    assert "Rincian waktu 8 permohonan terdapat pada lampiran XLSX laporan ini" in text
    assert "Median (hari kerja) 6,5" in text
    rincian = {row[0] for row in xlsx_values(read(lap.berkas_xlsx))["Rincian waktu"]}
    assert tahun_2025["E"].nomor in rincian


def test_approval_sends_the_report_into_the_dip_workflow(
    users, tahun_2025, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lap = approve(users, draft(users))
    entry = lap.informasi
    assert entry.status == InformasiPublik.Status.DIAJUKAN
    assert entry.kategori == "setiap_saat" and entry.tahun == 2025
    assert entry.unit == users[Role.PENYEDIA].unit
    files = {d.berkas_id for d in entry.dokumen.all()}
    assert files == {lap.berkas_pdf_id, lap.berkas_xlsx_id}
    assert [r.action for r in audit.history(entry)][-1] == "informasi.ajukan"
    assert "2025" in entry.dokumen.get(berkas=lap.berkas_pdf).teks
    history = audit.history(lap)
    assert (history.last().action, history.last().from_state, history.last().to_state) == (
        "laporan.setujui",
        "draf",
        "disetujui",
    )
    recipients = {m.to[0] for m in mailoutbox}
    assert {users[Role.ATASAN].email, users[Role.PEMBINA].email, users[Role.DESK].email} <= (
        recipients
    )


def test_revision_replaces_the_approved_report_and_withdraws_its_entry(users, tahun_2025):
    first = approve(users, draft(users))
    revision = workflow.laporan_create(actor=users[Role.PPID], tahun=2025)
    # The narrative starts from the approved report.
    assert revision.kebijakan == NARASI["kebijakan"]
    services.laporan_update(
        actor=users[Role.PPID], laporan_id=revision.pk, values={"kendala": "Direvisi."}
    )
    revision = approve(users, revision)
    first.refresh_from_db()
    assert first.status == LS.DIGANTIKAN and revision.status == LS.DISETUJUI
    assert first.informasi.status == InformasiPublik.Status.DICABUT
    assert revision.informasi.status == InformasiPublik.Status.DIAJUKAN
    with pytest.raises(ValidationError):
        approve(users, first)


def test_approved_report_becomes_public_through_the_dip(users, tahun_2025, client):
    from informasi import workflow as dip

    lap = approve(users, draft(users))
    entry = dip.entry_document(
        actor=users[Role.DESK],
        entry=lap.informasi,
        klasifikasi=dip.Klasifikasi(
            kategori="setiap_saat",
            retensi="Permanen",
            softcopy=True,
            online=True,
            lokasi_softcopy="Server PPID",
        ),
    )
    versi = dip.version_set(
        actor=users[Role.PPID],
        nomor_sk="001/SK/PPID/2026",
        tanggal_sk=timezone.localdate(),
        penandatangan="PPID",
        jabatan_penandatangan="PPID",
    )
    dip.version_order(actor=users[Role.ATASAN], versi=versi)
    dip.version_publish(actor=users[Role.DESK], versi=versi)
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Laporan Layanan Informasi Publik Tahun 2025" in html
    dokumen = entry.dokumen.get(berkas=lap.berkas_pdf)
    response = client.get(f"{entry.get_absolute_url()}dokumen/{dokumen.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == read(lap.berkas_pdf)


# ----------------------------------------------------------------------------- rekap


def test_monthly_rekap_pdf_and_xlsx(users, tahun_2025):
    angka = laporan.hitung(Periode(2025, bulan=7))
    assert angka["permohonan"]["jumlah"] == 8
    assert angka["permohonan"]["per_bulan"] == {"7": 8}
    text = pdf_text(laporan.rekap_pdf(angka))
    assert "REKAP PERMOHONAN INFORMASI PUBLIK" in text and "JULI 2025" in text
    assert "Median (hari kerja) 6,5" in text
    sheets = xlsx_values(laporan.rekap_xlsx(angka))
    first = sheets["Permohonan per cara"]
    assert first[1][0] == "Rekap Permohonan Informasi Publik: Juli 2025"
    assert ["Jumlah seluruhnya", 8] in first


def test_quarterly_rekap_counts_the_quarter(users, tahun_2025):
    q3 = laporan.hitung(Periode(2025, triwulan=3))
    assert q3["permohonan"]["jumlah"] == 8
    assert q3["permohonan"]["per_bulan"] == {"7": 8, "8": 0, "9": 0}
    assert q3["keberatan"]["jumlah"] == 3
    assert q3["sengketa"]["jumlah"] == 1
    q4 = laporan.hitung(Periode(2025, triwulan=4))
    assert q4["permohonan"]["jumlah"] == 0 and q4["waktu"]["median"] is None
    assert "Tidak ada penolakan" in pdf_text(laporan.rekap_pdf(q4))
