import pytest

from ppid_portal.roles import Role
from tests.arsip.factories import JadwalRetensiFactory, make_tree


@pytest.fixture
def ppid(users):
    return users[Role.PPID]


@pytest.fixture
def desk(users):
    return users[Role.DESK]


@pytest.fixture
def atasan(users):
    return users[Role.ATASAN]


@pytest.fixture
def jadwal(db):
    """KU.01: 2 years active, 3 inactive, then destroyed; HK.01: 5 + 10, permanent;
    HM.01: 1 + 1, re-evaluated."""
    return {
        "KU.01": JadwalRetensiFactory(
            kode_klasifikasi="KU.01", retensi_aktif=2, retensi_inaktif=3, nasib_akhir="musnah"
        ),
        "HK.01": JadwalRetensiFactory(
            kode_klasifikasi="HK.01", retensi_aktif=5, retensi_inaktif=10, nasib_akhir="permanen"
        ),
        "HM.01": JadwalRetensiFactory(
            kode_klasifikasi="HM.01",
            retensi_aktif=1,
            retensi_inaktif=1,
            nasib_akhir="dinilai_kembali",
        ),
    }


@pytest.fixture
def tree(desk):
    return make_tree(desk)
