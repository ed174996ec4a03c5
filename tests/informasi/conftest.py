import pytest
from django.core.cache import cache

from ppid_portal.roles import Role
from tests.portal.factories import UnitKerjaFactory


@pytest.fixture
def actors(make_user):
    """The people of the DIP SOP: two units with a Penyedia each, and one user per other role."""
    unit_a = UnitKerjaFactory(
        kode="keuangan", nama="Sub-bagian Keuangan", kepala="Kasubbag Keuangan"
    )
    unit_b = UnitKerjaFactory(kode="umum", nama="Sub-bagian Umum", kepala="Kasubbag Umum")
    return {
        "penyedia": make_user(Role.PENYEDIA, unit=unit_a, email="penyedia@contoh.go.id"),
        "penyedia_lain": make_user(Role.PENYEDIA, unit=unit_b),
        "desk": make_user(Role.DESK, email="desk@contoh.go.id"),
        "ppid": make_user(Role.PPID, email="ppid@contoh.go.id"),
        "atasan": make_user(Role.ATASAN, email="atasan@contoh.go.id"),
        "tim": make_user(Role.TIM_PERTIMBANGAN),
        "pembina": make_user(Role.PEMBINA),
        "pemohon": make_user(),
        "unit_a": unit_a,
        "unit_b": unit_b,
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rendered DIP documents are cached per version; ids repeat between tests.
    cache.clear()
    yield
    cache.clear()
