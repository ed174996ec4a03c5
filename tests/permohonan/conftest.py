import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits live in the (local-memory) cache, which outlives a test's database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.PPID_SITE_URL = "https://ppid.contoh.go.id"


@pytest.fixture
def tahun_2025(users, settings):
    """The fixture year of `tests/permohonan/tahun_uji.py` (July–October 2025)."""
    from .tahun_uji import build

    return build(users, settings)
