"""Import from XLSX/CSV in the Perki layout (dry run, all-or-nothing) and the export round trip."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from informasi import services, spreadsheet, workflow
from informasi.models import VALUE_FIELDS, DokumenInformasi, ImporDIP, InformasiPublik
from ppid_portal import audit
from tests.informasi.factories import (
    create_entry,
    excepted_values,
    klasifikasi_for,
    publish_version,
    upload,
)

pytestmark = pytest.mark.django_db

HEADER = [
    "No",
    "Ringkasan Isi Informasi",
    "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
    "Penanggung Jawab Pembuatan atau Penerbitan Informasi",
    "Waktu dan Tempat Pembuatan Informasi",
    "Bentuk Informasi yang Tersedia",
    "Jangka Waktu Penyimpanan atau Retensi Arsip",
    "Kategori Informasi",
    "Tahun",
]
FUTURE = (timezone.localdate() + timedelta(days=900)).strftime("%d-%m-%Y")


def xlsx(rows, *, title_lines=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for line in title_lines:
        sheet.append([line])
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def good_row(n: int, **overrides) -> list:
    row = {
        "no": n,
        "ringkasan": f"Laporan realisasi anggaran triwulan {n}",
        "pejabat": "Kepala Sub-bagian Keuangan",
        "pj": "Bendahara",
        "wt": "April 2025, Kantor KPU",
        "bentuk": "Softcopy, Hardcopy",
        "retensi": "5 tahun",
        "kategori": "Berkala",
        "tahun": 2025,
    }
    row.update(overrides)
    return list(row.values())


MIXED = [
    HEADER,
    good_row(1),
    good_row(2, kategori="Rahasia"),  # row 3: unknown category
    good_row(3),
    good_row(4, tahun="20x5", bentuk="Disket"),  # row 5: two errors
    good_row(5, ringkasan=""),  # row 6: required text
    good_row(6, kategori="Dikecualikan"),  # row 7: no Ps 17 ground column at all
]


@pytest.fixture
def ppid(actors):
    return actors["ppid"]


def start_import(actors, content: bytes, name: str = "dip.xlsx", unit=None) -> ImporDIP:
    return services.import_upload(
        actor=actors["ppid"], unit=unit or actors["unit_b"], upload=upload(name, content)
    )


def test_dry_run_lists_every_row_and_every_error(actors):
    impor = start_import(actors, xlsx(MIXED))
    result = services.import_check(impor)
    assert [r.row for r in result.rows] == [2, 4]
    errors = {(e.row, e.column) for e in result.errors}
    assert errors == {
        (3, "Kategori Informasi"),
        (5, "Tahun"),
        (5, "Bentuk Informasi yang Tersedia"),
        (6, "Ringkasan Isi Informasi"),
        (7, "Dasar Pengecualian"),
    }
    messages = " ".join(e.message for e in result.errors)
    assert "Rahasia" in messages and "Disket" in messages and "wajib diisi" in messages
    assert not result.valid
    assert not InformasiPublik.objects.exists()


def test_mixed_file_imports_nothing(actors):
    impor = start_import(actors, xlsx(MIXED))
    with pytest.raises(ValidationError) as exc:
        services.import_run(actor=actors["ppid"], impor=impor)
    assert "Tidak ada yang diimpor" in exc.value.messages[0]
    assert not InformasiPublik.objects.exists()
    assert not DokumenInformasi.objects.exists()
    impor.refresh_from_db()
    assert impor.diimpor_pada is None


def test_valid_file_imports_all_rows_as_drafts_of_the_chosen_unit(actors):
    rows = [
        HEADER + ["Tautan Dokumen"],
        good_row(1) + ["https://contoh.go.id/lra1.pdf"],
        good_row(2) + [""],
    ]
    impor = start_import(actors, xlsx(rows))
    created = services.import_run(actor=actors["ppid"], impor=impor)
    assert len(created) == 2
    assert {e.unit for e in created} == {actors["unit_b"]}
    assert {e.status for e in created} == {InformasiPublik.Status.DRAF}
    assert created[0].dokumen.get().tautan == "https://contoh.go.id/lra1.pdf"
    assert "baris 2" in audit.history(created[0]).get().note
    impor.refresh_from_db()
    assert impor.jumlah_entri == 2 and impor.diimpor_oleh == actors["ppid"]
    with pytest.raises(ValidationError):
        services.import_run(actor=actors["ppid"], impor=impor)
    assert InformasiPublik.objects.count() == 2
    # The unit's Penyedia takes the drafts on from here.
    workflow.entry_submit(actor=actors["penyedia_lain"], entry=created[0])


@pytest.mark.parametrize("actor_key", ["penyedia", "desk", "atasan", "pembina", "pemohon"])
def test_only_ppid_imports(actors, actor_key):
    with pytest.raises(PermissionDenied):
        services.import_upload(
            actor=actors[actor_key], unit=actors["unit_b"], upload=upload("d.xlsx", xlsx([HEADER]))
        )


def test_headers_are_matched_tolerantly_and_title_lines_skipped(actors):
    header = [
        "NO.",
        "  RINGKASAN   ISI informasi ",
        "Pejabat / Unit yang menguasai informasi",
        "Penanggungjawab pembuatan atau penerbitan informasi",
        "waktu dan tempat pembuatan informasi",
        "Bentuk / Format Informasi",
        "Jangka waktu penyimpanan / retensi arsip",
        "Jenis Informasi",
        "TAHUN",
        "Keterangan lain",
    ]
    content = xlsx(
        [header, good_row(1) + ["diabaikan"]],
        title_lines=["KPU Kabupaten Contoh", "Daftar Informasi Publik 2025"],
    )
    result = services.import_check(start_import(actors, content))
    assert result.valid, result.errors
    assert result.ignored_columns == ["Keterangan lain"]
    values = result.rows[0].values
    assert values["kategori"] == "berkala" and values["softcopy"] and values["hardcopy"]


def test_missing_required_column_is_reported(actors):
    content = xlsx([HEADER[:-1], good_row(1)[:-1]])
    result = services.import_check(start_import(actors, content))
    assert not result.valid
    assert "Tahun" in result.errors[0].message


def test_csv_with_semicolons_and_windows_encoding(actors):
    text = (
        ";".join(HEADER)
        + "\r\n"
        + ";".join(str(v) for v in good_row(1, wt="Mei 2025, Kantor Cabé"))
        + "\r\n"
    )
    impor = start_import(actors, text.encode("cp1252"), name="dip.csv")
    result = services.import_check(impor)
    assert result.valid, result.errors
    assert result.rows[0].values["waktu_tempat"] == "Mei 2025, Kantor Cabé"


def test_unreadable_or_wrong_files_are_refused(actors):
    with pytest.raises(ValidationError) as exc:
        start_import(actors, b"%PDF-1.4 bukan spreadsheet", name="dip.pdf")
    assert "tidak diterima" in " ".join(exc.value.messages)
    impor = start_import(actors, b"just,some\nwords,here\n", name="dip.csv")
    assert "judul kolom" in services.import_check(impor).errors[0].message


def test_excepted_rows_need_their_ground_and_no_links(actors):
    header = HEADER + ["Dasar Pengecualian", "Pengecualian Berlaku Sampai", "Tautan Dokumen"]
    rows = [
        header,
        good_row(1, kategori="Dikecualikan") + ["Pasal 17 huruf h", "", ""],
        good_row(2, kategori="Dikecualikan") + ["a", "", ""],
        good_row(3, kategori="Dikecualikan") + ["a", FUTURE, "https://contoh.go.id/x.pdf"],
        good_row(4, kategori="Dikecualikan") + ["huruf z", "", ""],
    ]
    result = services.import_check(start_import(actors, xlsx(rows)))
    assert [r.row for r in result.rows] == [2]
    assert result.rows[0].values["alasan_pengecualian"] == "h"
    by_row = {e.row: e for e in result.errors}
    assert "tidak permanen" in by_row[3].message
    assert "tautan" in by_row[4].message.lower()
    assert "tidak dikenal" in by_row[5].message


def test_too_many_rows_are_refused(actors, settings):
    settings.INFORMASI_IMPORT_MAX_ROWS = 2
    rows = [HEADER, good_row(1), good_row(2), good_row(3)]
    result = services.import_check(start_import(actors, xlsx(rows)))
    assert "paling banyak 2" in result.errors[0].message


# ----------------------------------------------------------------------------- round trip


@pytest.fixture
def published(actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    specs = [
        {"ringkasan": "Laporan keuangan 2024", "online": True, "subjek": "anggaran, laporan"},
        {"ringkasan": "=SUM(A1:A3) bukan rumus", "kategori": "setiap_saat", "cetak": True},
        {
            "ringkasan": "- daftar dengan tanda hubung",
            "kategori": "serta_merta",
            "kode_klasifikasi": "",
        },
    ]
    entries = []
    for spec in specs:
        entry = create_entry(penyedia, **spec)
        services.document_add_link(
            actor=penyedia, entry=entry, tautan=f"https://contoh.go.id/{entry.pk}.pdf"
        )
        entries.append(entry)
    excepted = workflow.entry_create(
        actor=penyedia,
        values=excepted_values(alasan_pengecualian="a", pengecualian_berakhir=date(2031, 12, 31)),
    )
    services.document_add_link(actor=penyedia, entry=excepted, tautan="https://rahasia.example/x")
    entries.append(excepted)
    for entry in entries:
        entry = workflow.entry_submit(actor=penyedia, entry=entry)
        workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    return publish_version(actors), entries


def _values(entry):
    return {name: getattr(entry, name) for name in VALUE_FIELDS if name != "unit"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_reimports_to_the_same_entries(actors, published, fmt):
    versi, originals = published
    content = spreadsheet.export_xlsx(versi) if fmt == "xlsx" else spreadsheet.export_csv(versi)
    impor = start_import(actors, content, name=f"ekspor.{fmt}")
    created = services.import_run(actor=actors["ppid"], impor=impor)
    by_summary = {e.ringkasan: e for e in created}
    assert set(by_summary) == {e.ringkasan for e in originals}
    for original in InformasiPublik.objects.filter(pk__in=[e.pk for e in originals]):
        copy = by_summary[original.ringkasan]
        assert _values(copy) == _values(original)
        links = list(copy.dokumen.values_list("tautan", flat=True))
        if original.dikecualikan:
            assert links == []  # an excepted entry's documents never leave the portal
        else:
            assert links == [f"https://contoh.go.id/{original.pk}.pdf"]


def test_export_escapes_formulas_and_hides_excepted_documents(published):
    versi, _entries = published
    sheet = load_workbook(io.BytesIO(spreadsheet.export_xlsx(versi))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = " ".join(str(c.value) for c in cells)
    assert "rahasia.example" not in texts
    assert "'=SUM(A1:A3) bukan rumus" in texts
    assert versi.nomor_sk in texts
    reader = csv.reader(io.StringIO(spreadsheet.export_csv(versi).decode("utf-8-sig")))
    rows = list(reader)
    assert rows[0] == spreadsheet.headers()
    assert not any("rahasia.example" in cell for row in rows for cell in row)


def test_export_is_in_indonesian_whatever_the_language(actors, published):
    from django.utils import translation

    versi, originals = published
    with translation.override("en"):
        content = spreadsheet.export_xlsx(versi)
    result = services.import_check(start_import(actors, content))
    assert result.valid, result.errors
    assert len(result.rows) == len(originals)
