"""Queries per public DIP page: bounded and the same whatever the register's size.

Budgets (docs/performance.md): public list at most 4, entry page at most 5 — measured with an
empty cache (the first visitor after a publication); later visitors need fewer.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from informasi import workflow
from tests.informasi.factories import (
    attach_pdf,
    create_entry,
    klasifikasi_for,
    publish_version,
)

pytestmark = pytest.mark.django_db

LIST_BUDGET = 4
DETAIL_BUDGET = 5


def _publish(actors, n: int):
    """n documented entries over two units, three years and two categories, every third with a
    PDF, published."""
    desk = actors["desk"]
    for i in range(n):
        penyedia = actors["penyedia"] if i % 2 else actors["penyedia_lain"]
        entry = create_entry(
            penyedia,
            ringkasan=f"Laporan anggaran kegiatan nomor {i}",
            tahun=2023 + i % 3,
            kategori="setiap_saat" if i % 4 == 0 else "berkala",
        )
        if i % 3 == 0:
            attach_pdf(penyedia, entry, text=f"Rincian anggaran {i}")
        entry = workflow.entry_submit(actor=penyedia, entry=entry)
        workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    return publish_version(actors)


class _Count(int):
    """A query count that shows its SQL when an assertion on it fails."""

    def __repr__(self) -> str:
        return f"{int(self)} queries:\n" + "\n".join(self.sql)


def _queries(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, data or {})
    assert response.status_code == 200, url
    count = _Count(len(ctx.captured_queries))
    count.sql = [q["sql"][:300] for q in ctx.captured_queries]
    return count


LIST_PAGES = [
    ("informasi:dip-list", {}),
    ("informasi:dip-list", {"page": 2}),
    ("informasi:dip-list", {"kategori": "berkala", "tahun": 2024}),
    ("informasi:dip-list", {"q": "anggaran", "unit": "keuangan", "urut": "terbaru"}),
    ("informasi:api-list", {}),
    ("informasi:api-list", {"q": "laporan", "per_halaman": 5, "halaman": 2}),
]


@pytest.mark.parametrize("n", [6, 45])
def test_public_list_pages_stay_within_budget(client, actors, settings, n):
    settings.INFORMASI_PAGE_SIZE = 5
    _publish(actors, n)
    for name, data in LIST_PAGES:
        cache.clear()
        cold = _queries(client, reverse(name), data)
        assert cold <= LIST_BUDGET, (name, data, cold)
        # A signed-out visitor next gets the page from the page cache.
        assert _queries(client, reverse(name), data) == 0


@pytest.mark.parametrize("n", [6, 45])
def test_public_list_without_page_cache_needs_one_query_once_counted(client, actors, settings, n):
    settings.PPID_PAGE_CACHE = False
    settings.INFORMASI_PAGE_SIZE = 5
    _publish(actors, n)
    for name, data in LIST_PAGES:
        _queries(client, reverse(name), data)
        # Version, filter choices and count are kept until the next publication.
        assert _queries(client, reverse(name), data) == 1, (name, data)


@pytest.mark.parametrize("n", [6, 45])
def test_entry_pages_stay_within_budget(client, actors, settings, n):
    versi = _publish(actors, n)
    with_document = versi.entri.filter(dokumen__isnull=False).first()
    without = versi.entri.filter(dokumen__isnull=True).first()
    for row in (with_document, without):
        for url in (
            row.get_absolute_url(),
            reverse("informasi:api-detail", args=[row.informasi_id]),
        ):
            cache.clear()
            assert _queries(client, url) <= DETAIL_BUDGET
            settings.PPID_PAGE_CACHE = False
            assert _queries(client, url) <= (2 if row == with_document else 1)
            settings.PPID_PAGE_CACHE = True


@pytest.mark.parametrize("n", [6, 45])
def test_signed_in_staff_pages_of_the_register_use_the_same_budget(client, actors, n):
    _publish(actors, n)
    client.force_login(actors["ppid"])
    _queries(client, reverse("informasi:dip-list"))
    # Session, user and roles, then at most one query of the page itself.
    assert _queries(client, reverse("informasi:dip-list")) <= 3 + 1


# The home page sums up the whole portal (version, categories, latest and serta-merta rows, the
# year's request and survey figures, the deadline profile): one query for each with an empty
# cache, whatever the data size; each figure is then kept until what it shows changes.
HOME_COLD_BUDGET = 7


@pytest.mark.parametrize("n", [6, 45])
def test_home_page_within_budget(client, actors, settings, n):
    _publish(actors, n)
    cache.clear()
    assert _queries(client, reverse("portal:home")) <= HOME_COLD_BUDGET
    assert _queries(client, reverse("portal:home")) == 0
    # Without the page cache every figure is still kept: no query at all.
    settings.PPID_PAGE_CACHE = False
    assert _queries(client, reverse("portal:home")) == 0
