import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ppid_portal.documents import build_xlsx, escape_cell, pdf_response, render_pdf, xlsx_response


@pytest.mark.parametrize("value", ["=1+1", "+62812", "-2", "@SUM(A1)", "\t=x"])
def test_formula_like_cells_are_escaped(value):
    assert escape_cell(value).startswith("'")


def test_plain_values_keep_their_type():
    assert escape_cell(42) == 42
    assert escape_cell("Laporan") == "Laporan"
    assert escape_cell(None) == ""


def test_xlsx_round_trip_keeps_text_and_escapes_formulas():
    content = build_xlsx(
        [("Register", ["No", "Nama"], [[1, "Siti"], [2, '=HYPERLINK("x")']])],
        title_lines=["PPID Kabupaten Contoh"],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "PPID Kabupaten Contoh"
    assert ["No", "Nama"] in values
    assert [2, '\'=HYPERLINK("x")'] in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_pdf_renders_template_with_office_header(tmp_path, settings):
    (tmp_path / "pdf_uji.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Surat {{ nomor }}</h1>'
        "<p>{{ isi }}</p>{% endblock %}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    data = render_pdf("pdf_uji.html", {"nomor": "001/PPID/XI/2026", "isi": "<b>aman</b>"})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "001/PPID/XI/2026" in text
    assert "PPID Kabupaten Contoh" in text
    assert "<b>aman</b>" in text  # escaped, not interpreted
    response = pdf_response("pdf_uji.html", {"nomor": "1"}, "Surat Uji")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="surat-uji.pdf"' in response["Content-Disposition"]


def test_xlsx_response_is_an_attachment():
    response = xlsx_response("Register Permohonan", ["No"], [[1]])
    assert response["Content-Disposition"] == 'attachment; filename="register-permohonan.xlsx"'
