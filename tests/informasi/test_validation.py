from datetime import date

import pytest
from django.core.exceptions import ValidationError

from informasi.validation import clean_values
from tests.informasi.factories import EntryValuesFactory

TODAY = date(2026, 3, 1)


def errors_of(**overrides) -> dict:
    with pytest.raises(ValidationError) as exc:
        clean_values(EntryValuesFactory(**overrides), today=TODAY)
    return exc.value.message_dict


def test_valid_values_are_tidied():
    cleaned = clean_values(
        EntryValuesFactory(subjek=" anggaran ,  Anggaran, pemilu ,", penanggung_jawab="  A   B "),
        today=TODAY,
    )
    assert cleaned["subjek"] == "anggaran, pemilu"
    assert cleaned["penanggung_jawab"] == "A B"


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"ringkasan": ""}, "ringkasan", "wajib diisi"),
        ({"pejabat_penguasa": " "}, "pejabat_penguasa", "wajib diisi"),
        ({"softcopy": False, "hardcopy": False}, "bentuk", "minimal satu"),
        ({"tahun": 1800}, "tahun", "antara"),
        ({"tahun": 2028}, "tahun", "antara"),
        ({"tahun": "dua ribu"}, "tahun", "angka"),
        ({"kategori": ""}, "kategori", "Pilih kategori"),
        ({"kategori": "dikecualikan"}, "alasan_pengecualian", "Pasal 17"),
        (
            {"kategori": "dikecualikan", "alasan_pengecualian": "a"},
            "pengecualian_berakhir",
            "tidak permanen",
        ),
        (
            {
                "kategori": "dikecualikan",
                "alasan_pengecualian": "h",
                "pengecualian_berakhir": date(2025, 1, 1),
            },
            "pengecualian_berakhir",
            "sudah lewat",
        ),
        ({"alasan_pengecualian": "h"}, "alasan_pengecualian", "hanya diisi"),
        ({"pengecualian_berakhir": date(2030, 1, 1)}, "pengecualian_berakhir", "hanya diisi"),
        ({"kode_klasifikasi": "x" * 41}, "kode_klasifikasi", "terlalu panjang"),
    ],
)
def test_invalid_values_name_the_field_in_indonesian(overrides, field, words):
    errors = errors_of(**overrides)
    assert field in errors
    assert words in " ".join(errors[field])


def test_excepted_on_permanent_ground_needs_no_end_date():
    cleaned = clean_values(
        EntryValuesFactory(kategori="dikecualikan", alasan_pengecualian="h"), today=TODAY
    )
    assert cleaned["pengecualian_berakhir"] is None
