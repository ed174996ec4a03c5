"""The core's registries between layers: links and attributes a later layer gives an earlier
layer's objects (`ppid_portal.related`), and the retention lookup the archive app fills
(`ppid_portal.retention`)."""

from __future__ import annotations

import pytest

from ppid_portal import related, retention


@pytest.fixture
def slot(monkeypatch):
    monkeypatch.setattr(related, "_links", {})
    monkeypatch.setattr(related, "_attributes", {})
    return "uji.slot"


def test_links_come_from_every_provider_in_order(slot):
    related.register_links(slot, key="a", provider=lambda obj, user: [related.Link(f"A{obj}")])
    related.register_links(
        slot, key="b", provider=lambda obj, user: [related.Link(f"B{obj}", f"/b/{user}")]
    )
    assert related.links(slot, 1, "u") == [related.Link("A1"), related.Link("B1", "/b/u")]
    assert related.links("empty", 1) == []
    assert related.registered_slots() == {slot: ["a", "b"]}


def test_a_key_registers_once_and_attributes_never_clash(slot):
    related.register_attributes(slot, key="a", provider=lambda obj: {"x": 1})
    with pytest.raises(ValueError, match="twice"):
        related.register_attributes(slot, key="a", provider=lambda obj: {})
    assert related.attributes(slot, object()) == {"x": 1}
    related.register_attributes(slot, key="b", provider=lambda obj: {"x": 2})
    with pytest.raises(ValueError, match="already given"):
        related.attributes(slot, object())


@pytest.mark.django_db
def test_the_archive_answers_retention_through_the_core():
    from arsip.models import JadwalRetensi

    assert retention.retention_text("") is None
    assert retention.retention_text("ZQ.99") is None
    jadwal = JadwalRetensi.objects.create(
        kode_klasifikasi="ZX.77",
        jenis_arsip="Anggaran",
        retensi_aktif=2,
        retensi_inaktif=3,
        nasib_akhir="musnah",
    )
    assert retention.retention_text("ZX.77.02") == jadwal.teks_retensi


def test_a_second_lookup_is_refused():
    with pytest.raises(ValueError, match="already registered"):
        retention.register_retention_lookup(lambda kode: "lain")
