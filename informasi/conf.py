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


def search_count_limit() -> int:
    """A search counts its matches up to this many; beyond it the page says "more than"."""
    return int(getattr(settings, "INFORMASI_SEARCH_COUNT_LIMIT", 1000))
