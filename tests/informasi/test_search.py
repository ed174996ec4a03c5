"""Full-text search gives the same results on SQLite (FTS5) and PostgreSQL (indonesian config).

Run on both: `pytest tests/informasi/test_search.py` and again with DATABASE_URL=postgres://….
"""

from __future__ import annotations

import io

import pytest
from django.db import connection
from openpyxl import Workbook

from informasi import search, selectors, services, workflow
from informasi.models import EntriVersi
from tests.informasi.factories import (
    attach_docx,
    attach_pdf,
    create_entry,
    excepted_values,
    klasifikasi_for,
    publish_version,
    upload,
)

pytestmark = pytest.mark.django_db

NEUTRAL = {
    "subjek": "",
    "kode_klasifikasi": "",
    "pejabat_penguasa": "Kepala",
    "penanggung_jawab": "Sekretaris",
    "waktu_tempat": "Kantor",
}


def xlsx_bytes(text: str) -> bytes:
    workbook = Workbook()
    workbook.active.append(["Kegiatan", text])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _document(actors, entry):
    entry = workflow.entry_submit(actor=actors["penyedia_lain"], entry=entry)
    return workflow.entry_document(
        actor=actors["desk"], entry=entry, klasifikasi=klasifikasi_for(entry)
    )


@pytest.fixture
def corpus(actors):
    penyedia = actors["penyedia_lain"]  # unit "Sub-bagian Umum": its name matches no query
    a = create_entry(penyedia, ringkasan="Laporan keuangan tahunan", **NEUTRAL)
    attach_pdf(penyedia, a, text="Neraca dan arus kas daerah")
    b = create_entry(penyedia, ringkasan="Daftar pemilih tetap per kecamatan", **NEUTRAL)
    attach_docx(penyedia, b, text="Rekapitulasi kecamatan Sukamaju")
    c = workflow.entry_create(
        actor=penyedia, values=excepted_values(ringkasan="Berkas penyidikan etik", **NEUTRAL)
    )
    attach_pdf(penyedia, c, text="Keterangan rahasia tersangka Budiman")
    d = create_entry(penyedia, ringkasan="Jadwal sosialisasi", **NEUTRAL)
    services.document_add_file(
        actor=penyedia,
        entry=d,
        upload=upload("jadwal.xlsx", xlsx_bytes("Lokakarya relawan demokrasi")),
    )
    for entry in (a, b, c, d):
        _document(actors, entry)
    versi = publish_version(actors)
    return versi, {"a": a.pk, "b": b.pk, "c": c.pk, "d": d.pk}


def found(versi, query: str) -> set[int]:
    rows = selectors.filter_rows(selectors.version_rows(versi), q=query)
    return set(rows.values_list("informasi_id", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("laporan", {"a"}),
        ("Keuangan", {"a"}),
        ("lapor", {"a"}),
        ("neraca", {"a"}),
        ("laporan neraca", {"a"}),
        ("laporan sukamaju", set()),
        ("sukamaju", {"b"}),
        ("kecamatan", {"b"}),
        ("relawan", {"d"}),
        ("penyidikan", {"c"}),
        ("budiman", set()),
        ("tersangka", set()),
        ("tidakadakatasepertiini", set()),
        ("'; DROP TABLE x; --", set()),
        ('"laporan"* (', {"a"}),
        ("laporan -keuangan", {"a"}),
    ],
)
def test_search_results(corpus, query, expected):
    versi, ids = corpus
    assert found(versi, query) == {ids[k] for k in expected}


def test_empty_query_keeps_everything(corpus):
    versi, ids = corpus
    assert found(versi, "  ") == set(ids.values())


def test_terms_are_plain_words():
    assert search.terms("Laporan, KEUANGAN; laporan_2024 & a|b") == [
        "laporan",
        "keuangan",
        "2024",
        "a",
        "b",
    ]


def test_index_lives_where_the_database_wants_it(corpus):
    versi, _ids = corpus
    if connection.vendor == "postgresql":
        assert not EntriVersi.objects.filter(versi=versi, search_vector__isnull=True).exists()
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {search.FTS_TABLE}")
            assert cursor.fetchone()[0] >= 4


def test_rebuild_keeps_results(corpus):
    versi, ids = corpus
    search.rebuild()
    assert found(versi, "neraca") == {ids["a"]}


def test_excepted_text_is_not_even_stored_for_search(corpus):
    versi, ids = corpus
    row = EntriVersi.objects.get(versi=versi, informasi_id=ids["c"])
    assert "Budiman" not in row.search_text and "penyidikan" in row.search_text
