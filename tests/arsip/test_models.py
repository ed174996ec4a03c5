from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from arsip.models import ItemArsip, JadwalRetensi, Lokasi, tambah_tahun
from arsip.models.retensi import kode_klasifikasi_validator

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "start,years,expected",
    [
        (date(2020, 3, 1), 2, date(2022, 3, 1)),
        (date(2020, 2, 29), 1, date(2021, 2, 28)),
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
        (date(2020, 12, 31), 0, date(2020, 12, 31)),
    ],
)
def test_tambah_tahun(start, years, expected):
    assert tambah_tahun(start, years) == expected


def test_schedule_dates_and_text(jadwal):
    ku = jadwal["KU.01"]
    assert ku.tanggal_inaktif(date(2020, 12, 31)) == date(2022, 12, 31)
    assert ku.tanggal_nasib(date(2020, 12, 31)) == date(2025, 12, 31)
    assert ku.teks_retensi == "Aktif 2 tahun, inaktif 3 tahun, kemudian musnah"


@pytest.mark.parametrize("kode", ["KU.01", "HK.01.02", "PR1", "A.1.B"])
def test_valid_classification_codes(kode):
    kode_klasifikasi_validator(kode)


@pytest.mark.parametrize("kode", ["KU..01", ".KU", "KU.", "KU 01", "KU/01", ""])
def test_invalid_classification_codes(kode):
    with pytest.raises(ValidationError):
        kode_klasifikasi_validator(kode)


def test_database_refuses_unknown_status(desk, unit, jadwal, tree):
    from tests.arsip.factories import make_item

    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ItemArsip.objects.filter(pk=item.pk).update(status="hilang")


def test_database_refuses_building_with_parent_and_room_without(tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        Lokasi.objects.create(jenis="gedung", kode="GX", nama="x", induk=tree["ruang"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Lokasi.objects.create(jenis="ruang", kode="RX", nama="x", induk=None)


def test_database_refuses_unknown_disposition():
    with pytest.raises(IntegrityError), transaction.atomic():
        JadwalRetensi.objects.create(
            kode_klasifikasi="ZZ.01",
            jenis_arsip="x",
            retensi_aktif=1,
            retensi_inaktif=1,
            nasib_akhir="dibakar",
        )


def test_location_path_and_code(tree):
    box = Lokasi.objects.select_related(Lokasi.SELECT_JALUR).get(pk=tree["b1"].pk)
    assert box.kode_lengkap == "G1/R1/RAK1/B1"
    assert box.jalur == "Gedung G1 › Ruang R1 › Rak RAK1 › Boks B1"
    assert [n.kode for n in box.leluhur()] == ["G1", "R1", "RAK1", "B1"]
    assert box.menampung_item and box.bisa_dilabel
    assert not tree["ruang"].bisa_dilabel


def test_item_number_and_period(desk, unit, jadwal, tree):
    from tests.arsip.factories import make_item

    item = make_item(
        desk, unit=unit, lokasi=tree["b1"], mulai=date(2019, 1, 2), selesai=date(2019, 12, 30)
    )
    # The first item of the archive; its own series, not the primary key (see test_numbering).
    assert (item.urut, item.nomor) == (1, "ARS-00001")
    assert item.kurun_waktu == "02-01-2019 s.d. 30-12-2019"
    assert item.tanggal_dasar == date(2019, 12, 30)
