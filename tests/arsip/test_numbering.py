"""Archive numbers: the item number on the labels (ARS-00001, series "arsip.item") and the
berita acara pemusnahan (001/BA-PMS/PPID/2026, series "arsip.berita_acara" per year), both
from the portal's one gapless counter (ppid_portal.numbering).

The race tests need PostgreSQL; on SQLite the sequential tests below check the same rules.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone

from arsip import workflow
from arsip.models import ItemArsip, UsulPemusnahan
from ppid_portal import numbering
from ppid_portal.models import NomorUrut
from tests.arsip.factories import make_item
from tests.migrating import migrate, migrate_to_latest
from tests.race import THREADS, Fails, on_postgresql, race

U = UsulPemusnahan.Status


def old_item(desk, unit, tree, **kw) -> ItemArsip:
    """An item whose KU.01 retention (2 + 3 years) ended long ago."""
    return make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1), **kw)


def proposals(desk, ppid, unit, tree, count: int) -> list[UsulPemusnahan]:
    return [
        workflow.pemusnahan_propose(
            items=[old_item(desk, unit, tree, judul=f"Berkas {i}")],
            actor=ppid,
            pertimbangan="Retensi berakhir",
        )
        for i in range(count)
    ]


def berita_acara_numbers() -> list[int]:
    year = timezone.localdate().year
    numbers = UsulPemusnahan.objects.filter(status=U.DISETUJUI).values_list(
        "nomor_berita_acara", flat=True
    )
    suffix = f"/BA-PMS/PPID/{year}"
    assert all(n.endswith(suffix) for n in numbers)
    return sorted(int(n.removesuffix(suffix)) for n in numbers)


# --- items ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_items_are_numbered_in_order_and_a_failed_one_gives_its_number_back(
    desk, unit, jadwal, tree
):
    first = old_item(desk, unit, tree)
    with pytest.raises(Fails), transaction.atomic():
        assert old_item(desk, unit, tree).nomor == "ARS-00002"
        raise Fails
    second = old_item(desk, unit, tree)
    assert [first.nomor, second.nomor] == ["ARS-00001", "ARS-00002"]
    assert numbering.last(ItemArsip.SERI_NOMOR) == 2


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_items_recorded_at_once_on_postgresql_are_numbered_one_to_sixteen(desk, unit, jadwal, tree):
    errors = race(lambda i: old_item(desk, unit, tree, judul=f"Berkas {i}"), THREADS + 1, fail=0)
    assert errors == []
    assert sorted(ItemArsip.objects.values_list("urut", flat=True)) == list(range(1, THREADS + 1))


# --- berita acara ---------------------------------------------------------------------------


@pytest.mark.clock
@pytest.mark.django_db
def test_berita_acara_numbers_follow_each_other_and_a_failed_approval_gives_its_number_back(
    desk, ppid, atasan, unit, jadwal, tree
):
    first, failed, second = proposals(desk, ppid, unit, tree, 3)
    workflow.pemusnahan_approve(usul=first, actor=atasan, alasan="Sesuai JRA")
    with pytest.raises(Fails), transaction.atomic():
        workflow.pemusnahan_approve(usul=failed, actor=atasan, alasan="Sesuai JRA")
        raise Fails
    workflow.pemusnahan_approve(usul=second, actor=atasan, alasan="Sesuai JRA")
    assert berita_acara_numbers() == [1, 2]
    failed.refresh_from_db()
    assert (failed.status, failed.nomor_berita_acara) == (U.DIAJUKAN, "")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_approvals_at_once_on_postgresql_number_the_berita_acara_one_to_sixteen(
    desk, ppid, atasan, unit, jadwal, tree
):
    usul = proposals(desk, ppid, unit, tree, THREADS + 1)
    errors = race(
        lambda i: workflow.pemusnahan_approve(usul=usul[i], actor=atasan, alasan="Sesuai JRA"),
        THREADS + 1,
        fail=0,
    )
    assert errors == []
    assert berita_acara_numbers() == list(range(1, THREADS + 1))


# --- the data migration ---------------------------------------------------------------------


@pytest.mark.clock
@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_number_and_continues_each_series(
    desk, ppid, atasan, unit, jadwal, tree
):
    year = timezone.localdate().year
    (usul,) = proposals(desk, ppid, unit, tree, 1)
    pks = [old_item(desk, unit, tree).pk for _ in range(3)] + [usul.baris.get().item_id]
    workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="Sesuai JRA")
    # A number issued before, when the year's approvals were counted: the series goes on
    # from the highest.
    UsulPemusnahan.objects.filter(pk=usul.pk).update(nomor_berita_acara=f"007/BA-PMS/PPID/{year}")
    try:
        migrate(("arsip", "0001_initial"))
        assert not NomorUrut.objects.filter(seri__startswith="arsip.").exists()
        migrate_to_latest()
        # Labels printed before the migration read ARS-<id>: they keep their number.
        assert {i.pk: i.nomor for i in ItemArsip.objects.all()} == {
            pk: f"ARS-{pk:05d}" for pk in pks
        }
        assert numbering.last(ItemArsip.SERI_NOMOR) == max(pks)
        assert numbering.last(UsulPemusnahan.SERI_BERITA_ACARA, year=year) == 7
        assert old_item(desk, unit, tree).urut == max(pks) + 1
    finally:
        migrate_to_latest()
