"""The DIP's "jangka waktu penyimpanan" column comes from the Jadwal Retensi Arsip."""

import pytest

from ppid_portal.roles import Role
from tests.arsip.factories import JadwalRetensiFactory
from tests.informasi.factories import create_entry

pytestmark = pytest.mark.django_db


def test_entry_with_a_scheduled_code_takes_its_retention_from_the_schedule(users):
    JadwalRetensiFactory(
        kode_klasifikasi="KU.01", retensi_aktif=2, retensi_inaktif=3, nasib_akhir="musnah"
    )
    entry = create_entry(users[Role.PENYEDIA], kode_klasifikasi="KU.01.02", retensi="asal ketik")
    assert entry.retensi == "Aktif 2 tahun, inaktif 3 tahun, kemudian musnah"


def test_entry_without_a_scheduled_code_keeps_the_typed_retention(users):
    entry = create_entry(users[Role.PENYEDIA], kode_klasifikasi="ZZ.99", retensi="5 tahun")
    assert entry.retensi == "5 tahun"
