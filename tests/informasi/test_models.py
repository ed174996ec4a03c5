from datetime import date

import pytest
from django.db import IntegrityError, transaction

from informasi import pengecualian
from informasi.models import (
    VALUE_FIELDS,
    DokumenInformasi,
    EntriVersi,
    InformasiPublik,
    Kategori,
    NilaiDIP,
)
from tests.informasi.factories import EntryValuesFactory, create_entry

pytestmark = pytest.mark.django_db


def _raw_entry(unit, **overrides):
    values = EntryValuesFactory(**overrides)
    return InformasiPublik(unit=unit, **values)


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "terbit"},
        {"kategori": "rahasia"},
        {"kategori": "dikecualikan", "alasan_pengecualian": ""},
        {"kategori": "berkala", "alasan_pengecualian": "h"},
        {"kategori": "berkala", "pengecualian_berakhir": date(2030, 1, 1)},
        {"kategori": "dikecualikan", "alasan_pengecualian": "z"},
    ],
)
def test_database_refuses_inconsistent_entries(unit, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        _raw_entry(unit, **overrides).save()


def test_document_is_a_file_or_a_link(actors):
    entry = create_entry(actors["penyedia"])
    with pytest.raises(IntegrityError), transaction.atomic():
        DokumenInformasi.objects.create(informasi=entry, jenis="tautan", judul="x", tautan="")
    with pytest.raises(IntegrityError), transaction.atomic():
        DokumenInformasi.objects.create(informasi=entry, jenis="berkas", judul="x")


def test_value_fields_are_the_shared_columns():
    shared = {f.name for f in NilaiDIP._meta.get_fields()}
    assert set(VALUE_FIELDS) == shared
    snapshot = {f.name for f in EntriVersi._meta.get_fields()}
    assert set(VALUE_FIELDS) <= snapshot


def test_display_helpers(unit):
    entry = _raw_entry(unit, softcopy=True, hardcopy=False, cetak=True, online=True, subjek="a, b")
    assert entry.bentuk_display == "Softcopy; Cetak, Online"
    assert entry.subjek_list == ["a", "b"]
    excepted = _raw_entry(unit, kategori=Kategori.DIKECUALIKAN, alasan_pengecualian="h")
    assert excepted.dasar_pengecualian == "Pasal 17 huruf h UU 14/2008"


def test_ground_letters_are_a_to_j():
    assert pengecualian.Alasan.values == list("abcdefghij")
    assert pengecualian.TIME_LIMITED == frozenset("abcdef")


def test_public_url_of_an_entry(actors):
    entry = create_entry(actors["penyedia"])
    assert entry.get_absolute_url() == f"/informasi/dip/{entry.pk}/"
    assert entry.get_staff_url() == f"/informasi/staf/entri/{entry.pk}/"
