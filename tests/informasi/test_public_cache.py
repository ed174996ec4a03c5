"""The public DIP pages behind the page cache: a publication shows on the very next request,
nothing private reaches an anonymous visitor, and counted searches stay bounded."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from informasi import workflow
from tests.informasi.factories import (
    attach_pdf,
    create_entry,
    documented_entry,
    excepted_values,
    klasifikasi_for,
    publish_version,
)

pytestmark = pytest.mark.django_db


def pages(row=None) -> list[str]:
    urls = [reverse("portal:home"), reverse("informasi:dip-list"), reverse("informasi:api-list")]
    if row is not None:
        urls += [row.get_absolute_url(), reverse("informasi:api-detail", args=[row.informasi_id])]
    return urls


def test_a_publication_is_visible_on_the_very_next_request(client, actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    documented_entry(penyedia, desk, ringkasan="Rencana kerja tahunan lama")
    first = publish_version(actors)
    row = first.entri.get()
    for url in pages(row):
        client.get(url)
        assert "Rencana kerja tahunan lama" in client.get(url).content.decode()

    documented_entry(penyedia, desk, ringkasan="Daftar pengadaan terbaru 2026")
    second = publish_version(actors)
    for url in pages():
        assert "Daftar pengadaan terbaru 2026" in client.get(url).content.decode(), url
    assert second.nomor_sk in client.get(row.get_absolute_url()).content.decode()


def test_a_document_that_became_excepted_leaves_the_cached_entry_page(client, actors):
    penyedia, desk = actors["penyedia"], actors["desk"]
    entry = create_entry(penyedia, ringkasan="Laporan pemeriksaan internal")
    document = attach_pdf(penyedia, entry, name="hasil-pemeriksaan.pdf")
    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    versi = publish_version(actors)
    url = versi.entri.get().get_absolute_url()
    assert "hasil-pemeriksaan.pdf" in client.get(url).content.decode()

    # The unit reclassifies it as excepted: its file is sensitive from the documenting on.
    entry = workflow.entry_reopen(actor=penyedia, entry=entry)
    entry = workflow.entry_update(actor=penyedia, entry=entry, values=excepted_values())
    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    values = excepted_values()
    exception = {k: values[k] for k in ("kategori", "alasan_pengecualian", "pengecualian_berakhir")}
    workflow.entry_document(
        actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry, **exception)
    )
    html = client.get(url).content.decode()
    assert "hasil-pemeriksaan.pdf" not in html
    dokumen_url = reverse("informasi:dip-dokumen", args=[entry.pk, document.pk])
    assert client.get(dokumen_url).status_code == 404


def test_staff_pages_never_reach_anonymous_visitors_and_back(client, actors):
    documented_entry(actors["penyedia"], actors["desk"])
    publish_version(actors)
    staff = Client()
    staff.force_login(actors["ppid"])
    for url in pages():
        staff_html = staff.get(url).content.decode()
        anonymous_html = client.get(url).content.decode()
        anonymous_again = client.get(url).content.decode()
        if url != reverse("informasi:api-list"):
            assert "Dasbor staf" in staff_html and actors["ppid"].username in staff_html
            assert "Dasbor staf" in staff.get(url).content.decode()
        assert actors["ppid"].username not in anonymous_html
        assert "Dasbor staf" not in anonymous_html + anonymous_again


def test_pages_in_english_are_kept_apart(client, actors):
    documented_entry(actors["penyedia"], actors["desk"])
    publish_version(actors)
    url = reverse("informasi:dip-list")
    indonesian = client.get(url).content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="id"' in indonesian and 'lang="en"' in english
    assert 'lang="id"' in client.get(url).content.decode()


def test_tracking_pages_are_never_cached(client, actors):
    from permohonan.models import Permohonan
    from permohonan.tracking import normalize
    from tests.permohonan.factories import submit_online

    permohonan, code = submit_online()
    client.get(reverse("permohonan:lacak_tautan", args=[normalize(code)]))
    url = reverse("permohonan:lacak_detail", args=[permohonan.pk])
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    # Another visitor without the code gets nothing from a cache.
    assert Client().get(url).status_code == 404
    assert Permohonan.objects.count() == 1


def test_a_common_search_counts_up_to_the_limit(client, actors, settings):
    settings.INFORMASI_SEARCH_COUNT_LIMIT = 2
    for place in ("Ciruas", "Kragilan", "Pontang"):
        documented_entry(actors["penyedia"], actors["desk"], ringkasan=f"Anggaran desa {place}")
    publish_version(actors)
    html = client.get(reverse("informasi:dip-list"), {"q": "anggaran"}).content.decode()
    assert "Lebih dari 2 informasi cocok" in html
    data = client.get(reverse("informasi:api-list"), {"q": "anggaran"}).json()
    assert data["jumlah"] == 2 and data["jumlah_terbatas"] is True
    data = client.get(reverse("informasi:api-list"), {"q": "kragilan"}).json()
    assert data["jumlah"] == 1 and data["jumlah_terbatas"] is False
    assert client.get(reverse("informasi:api-list")).json()["jumlah"] == 3


def test_deep_pages_found_by_number_match_the_order(client, actors, settings):
    settings.INFORMASI_PAGE_SIZE = 2
    for i in range(5):
        documented_entry(actors["penyedia"], actors["desk"], ringkasan=f"Entri {i}")
    versi = publish_version(actors)
    expected = list(versi.entri.order_by("nomor_urut").values_list("nomor_urut", flat=True))
    seen = []
    for page in (1, 2, 3):
        data = client.get(reverse("informasi:api-list"), {"per_halaman": 2, "halaman": page}).json()
        seen += [item["nomor"] for item in data["hasil"]]
    assert seen == expected
    assert client.get(reverse("informasi:dip-list"), {"page": 4}).status_code == 404
    html = client.get(reverse("informasi:dip-list"), {"page": 3}).content.decode()
    assert "Halaman 3 dari 3" in html


def test_a_decree_in_force_leaves_the_cached_entry_page_at_once(client, actors):
    from tests.informasi.factories import actors_penetapan

    penyedia, desk = actors["penyedia"], actors["desk"]
    entry = create_entry(penyedia, ringkasan="Berkas penyelidikan pelanggaran")
    attach_pdf(penyedia, entry, name="berkas-penyelidikan.pdf")
    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    versi = publish_version(actors)
    url = versi.entri.get().get_absolute_url()
    api = reverse("informasi:api-list")
    assert "berkas-penyelidikan.pdf" in client.get(url).content.decode()  # now cached
    assert client.get(api).json()["hasil"][0]["penetapan_pengecualian"] is None

    # The Atasan approves a decree excepting it in whole: no new DIP version yet.
    entry.refresh_from_db()
    penetapan = actors_penetapan(actors, entry=entry)
    page = client.get(url).content.decode()
    assert "berkas-penyelidikan.pdf" not in page
    assert penetapan.nomor in page
    # The decrees in force are kept too, and renewed by the same step.
    row = client.get(api).json()["hasil"][0]
    assert row["penetapan_pengecualian"]["nomor"] == penetapan.nomor


def test_an_entry_reclassified_as_excepted_loses_its_files_and_their_text_at_once(client, actors):
    """The unit reopens a published entry and classifies it as excepted: from that edit on,
    the cached entry page no longer lists the file, and a search for a word found only in the
    file no longer finds the entry (before any new version, and again after documenting)."""
    penyedia, desk = actors["penyedia"], actors["desk"]
    entry = create_entry(penyedia, ringkasan="Laporan pemeriksaan internal")
    attach_pdf(penyedia, entry, text="Temuan zamrudkelabu di gudang", name="temuan.pdf")
    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))
    versi = publish_version(actors)
    url = versi.entri.get().get_absolute_url()
    search = reverse("informasi:dip-list") + "?q=zamrudkelabu"
    assert "temuan.pdf" in client.get(url).content.decode()
    assert url in client.get(search).content.decode()

    entry = workflow.entry_reopen(actor=penyedia, entry=entry)
    entry = workflow.entry_update(actor=penyedia, entry=entry, values=excepted_values())
    assert "temuan.pdf" not in client.get(url).content.decode()
    assert url not in client.get(search).content.decode()

    entry = workflow.entry_submit(actor=penyedia, entry=entry)
    values = excepted_values()
    exception = {k: values[k] for k in ("kategori", "alasan_pengecualian", "pengecualian_berakhir")}
    workflow.entry_document(
        actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry, **exception)
    )
    assert url not in client.get(search).content.decode()
