"""Numbers of the informasi app from the portal's one gapless counter (ppid_portal.numbering):
DIP versions (series "informasi.versi_dip", never restarting) and decrees of excepted
information (series "informasi.penetapan", per year of the decree). The SK number of a DIP
version is typed by the PPID from the signed decree: not a series.

The race tests need PostgreSQL; on SQLite the sequential tests below check the same rules.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from informasi import workflow
from informasi.models import PenetapanPengecualian, VersiDIP
from ppid_portal import numbering
from ppid_portal.models import NomorUrut
from tests.migrating import migrate, migrate_to_latest
from tests.race import THREADS, Fails, on_postgresql, race

from .factories import completed_uji, documented_entry, issued_penetapan

V = VersiDIP.Status


def set_and_cancel(ppid, sk: str) -> VersiDIP:
    """Set a version and withdraw it in one transaction, so the next one may be set."""
    with transaction.atomic():
        versi = workflow.version_set(
            actor=ppid,
            nomor_sk=sk,
            tanggal_sk=timezone.localdate(),
            penandatangan="Agus Prasetyo",
            jabatan_penandatangan="PPID",
        )
        return workflow.version_cancel(actor=ppid, versi=versi, reason="SK keliru")


def sheets(actors, count: int):
    """Completed consequence-test sheets concluding dikecualikan, one per DIP entry."""
    return [
        completed_uji(
            tim=actors["tim"],
            ppid=actors["ppid"],
            unit_user=actors["penyedia"],
            entry=documented_entry(actors["penyedia"], actors["desk"], ringkasan=f"Berkas {i}"),
        )
        for i in range(count)
    ]


def penetapan_numbers() -> list[int]:
    year = timezone.localdate().year
    assert set(PenetapanPengecualian.objects.values_list("tahun", flat=True)) == {year}
    assert PenetapanPengecualian.objects.values("nomor").distinct().count() == (
        PenetapanPengecualian.objects.count()
    )
    return sorted(PenetapanPengecualian.objects.values_list("urut", flat=True))


# --- DIP versions ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_versions_are_numbered_in_order_and_a_failed_one_gives_its_number_back(actors):
    documented_entry(actors["penyedia"], actors["desk"])
    assert set_and_cancel(actors["ppid"], "001/SK/2026").nomor == 1
    with pytest.raises(Fails), transaction.atomic():
        assert set_and_cancel(actors["ppid"], "002/SK/2026").nomor == 2
        raise Fails
    assert set_and_cancel(actors["ppid"], "003/SK/2026").nomor == 2
    assert numbering.last(VersiDIP.SERI_NOMOR) == 2


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_versions_set_at_once_on_postgresql_are_numbered_one_to_sixteen(actors):
    documented_entry(actors["penyedia"], actors["desk"])
    errors = race(lambda i: set_and_cancel(actors["ppid"], f"{i:03d}/SK/2026"), THREADS + 1, fail=0)
    assert errors == []
    assert sorted(VersiDIP.objects.values_list("nomor", flat=True)) == list(range(1, THREADS + 1))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_of_versions_set_at_once_on_postgresql_one_waits_for_publication(actors):
    # One version at a time: the others are refused, and their numbers are not lost.
    documented_entry(actors["penyedia"], actors["desk"])

    def work(i: int) -> None:
        workflow.version_set(
            actor=actors["ppid"],
            nomor_sk=f"{i:03d}/SK/2026",
            tanggal_sk=timezone.localdate(),
            penandatangan="Agus Prasetyo",
            jabatan_penandatangan="PPID",
        )

    errors = race(work, THREADS)
    assert len(errors) == THREADS - 1
    assert all(isinstance(e, ValidationError) for e in errors)
    assert all("belum dipublikasikan" in " ".join(e.messages) for e in errors)
    assert list(VersiDIP.objects.values_list("nomor", "status")) == [(1, V.DITETAPKAN)]
    assert numbering.last(VersiDIP.SERI_NOMOR) == 1


# --- decrees of excepted information --------------------------------------------------------


@pytest.mark.clock
@pytest.mark.django_db
def test_decrees_are_numbered_in_order_and_a_failed_one_gives_its_number_back(actors):
    first, failed, second = sheets(actors, 3)
    issued = issued_penetapan(ppid=actors["ppid"], uji=first)
    with pytest.raises(Fails), transaction.atomic():
        assert issued_penetapan(ppid=actors["ppid"], uji=failed).urut == 2
        raise Fails
    again = issued_penetapan(ppid=actors["ppid"], uji=second)
    year = timezone.localdate().year
    assert (issued.tahun, issued.urut, again.urut) == (year, 1, 2)
    assert issued.nomor.startswith("001/") and again.nomor.startswith("002/")
    assert penetapan_numbers() == [1, 2]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_decrees_issued_at_once_on_postgresql_are_numbered_one_to_sixteen(actors):
    uji = sheets(actors, THREADS + 1)
    errors = race(lambda i: issued_penetapan(ppid=actors["ppid"], uji=uji[i]), THREADS + 1, fail=0)
    assert errors == []
    assert penetapan_numbers() == list(range(1, THREADS + 1))


# --- the data migration ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_continues_each_series_from_the_highest_number(actors):
    year = timezone.localdate().year
    (uji,) = sheets(actors, 1)
    penetapan = issued_penetapan(ppid=actors["ppid"], uji=uji)
    versi = [set_and_cancel(actors["ppid"], f"{i:03d}/SK/2026") for i in (1, 2)]
    # Numbers issued before, as the highest number plus one: the series go on from the highest.
    VersiDIP.objects.filter(pk=versi[1].pk).update(nomor=5)
    PenetapanPengecualian.objects.filter(pk=penetapan.pk).update(urut=9)
    try:
        migrate(("informasi", "0003_pengecualian"))
        assert not NomorUrut.objects.filter(seri__startswith="informasi.").exists()
        migrate_to_latest()
        assert numbering.last(VersiDIP.SERI_NOMOR) == 5
        assert numbering.last(PenetapanPengecualian.SERI_NOMOR, year=year) == 9
        assert sorted(VersiDIP.objects.values_list("nomor", flat=True)) == [1, 5]
        assert set_and_cancel(actors["ppid"], "003/SK/2026").nomor == 6
    finally:
        migrate_to_latest()
