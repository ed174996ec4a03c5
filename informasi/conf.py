"""Settings of the DIP app, each overridable in the environment-driven settings module."""

from __future__ import annotations

from django.conf import settings


def public_page_size() -> int:
    return int(getattr(settings, "INFORMASI_PAGE_SIZE", 20))


def api_page_size() -> int:
    return int(getattr(settings, "INFORMASI_API_PAGE_SIZE", 50))


def api_max_page_size() -> int:
    return int(getattr(settings, "INFORMASI_API_MAX_PAGE_SIZE", 200))


def extract_max_chars() -> int:
    """Text kept from one attached document for search (a tsvector is limited to 1 MB)."""
    return int(getattr(settings, "INFORMASI_EXTRACT_MAX_CHARS", 200_000))


def extract_max_pages() -> int:
    return int(getattr(settings, "INFORMASI_EXTRACT_MAX_PAGES", 300))


def import_max_rows() -> int:
    return int(getattr(settings, "INFORMASI_IMPORT_MAX_ROWS", 5000))


def search_max_terms() -> int:
    return int(getattr(settings, "INFORMASI_SEARCH_MAX_TERMS", 8))


# ----------------------------------------------------------------------------- excepted information


def nomor_penetapan_format() -> str:
    """Number of a decree of excepted information; fields: urut, tahun, bulan, bulan_romawi."""
    return str(
        getattr(
            settings,
            "INFORMASI_NOMOR_PENETAPAN",
            "{urut:03d}/PPID-DK/{bulan_romawi}/{tahun}",
        )
    )


def hari_antrean_pembukaan() -> int:
    """Seed 004: the PPID opens excepted information up to 30 working days before its period
    ends, by priority; a decree enters the PPID's queue this many working days before."""
    return int(getattr(settings, "INFORMASI_HARI_ANTREAN_PEMBUKAAN", 30))


def hari_prioritas() -> tuple[int, int]:
    """Working days left at which a queued decree gets high / medium priority."""
    tinggi, sedang = getattr(settings, "INFORMASI_HARI_PRIORITAS", (10, 20))
    return int(tinggi), int(sedang)


def register_page_size() -> int:
    return int(getattr(settings, "INFORMASI_REGISTER_PAGE_SIZE", 50))


def serta_merta_hari() -> int:
    """How many days after it is documented a serta-merta entry (UU 14/2008 Ps 10) is shown
    prominently at the top of the home page; it stays in the DIP afterwards."""
    return int(getattr(settings, "INFORMASI_SERTA_MERTA_HARI", 30))


def search_count_limit() -> int:
    """A search counts its matches up to this many; beyond it the page says "more than"."""
    return int(getattr(settings, "INFORMASI_SEARCH_COUNT_LIMIT", 1000))
