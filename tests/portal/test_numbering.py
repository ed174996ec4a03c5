"""The one counter behind every number series (ppid_portal.numbering): unique and gapless.

Each series of the apps has its own test through its real service (tests/<app>/test_numbering.py);
these test the mechanism itself.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.transaction import TransactionManagementError

from ppid_portal import numbering
from ppid_portal.models import NomorUrut
from tests.race import THREADS, Fails, on_postgresql, race

SERI = "uji.seri"


@pytest.mark.django_db
def test_numbers_count_from_one_per_series_and_year():
    with transaction.atomic():
        assert [numbering.take(SERI, year=2027) for _ in range(3)] == [1, 2, 3]
        assert numbering.take(SERI, year=2028) == 1
        assert numbering.take("uji.lain", year=2027) == 1
        assert [numbering.take(SERI), numbering.take(SERI)] == [1, 2]
    assert numbering.last(SERI, year=2027) == 3
    assert numbering.last(SERI, year=2028) == 1
    assert numbering.last(SERI) == 2
    assert numbering.last(SERI, year=2029) == 0


@pytest.mark.django_db
def test_a_rolled_back_transaction_gives_its_number_back():
    with transaction.atomic():
        assert numbering.take(SERI, year=2027) == 1
    with pytest.raises(Fails), transaction.atomic():
        assert numbering.take(SERI, year=2027) == 2
        raise Fails
    with transaction.atomic():
        assert numbering.take(SERI, year=2027) == 2
    # The first number of a year, rolled back with the counter row it created.
    with pytest.raises(Fails), transaction.atomic():
        assert numbering.take(SERI, year=2030) == 1
        raise Fails
    assert not NomorUrut.objects.filter(seri=SERI, tahun=2030).exists()


@pytest.mark.django_db(transaction=True)
def test_a_number_is_taken_only_inside_a_transaction():
    with pytest.raises(TransactionManagementError):
        numbering.take(SERI, year=2027)
    assert not NomorUrut.objects.exists()


@pytest.mark.django_db
def test_raise_to_never_lowers_a_counter():
    numbering.raise_to(SERI, year=2027, value=40)
    numbering.raise_to(SERI, year=2027, value=12)
    assert numbering.last(SERI, year=2027) == 40
    with transaction.atomic():
        assert numbering.take(SERI, year=2027) == 41


def test_format_number_fills_the_office_pattern():
    day = date(2027, 3, 9)
    pattern = "{urut:03d}/X/{bulan_romawi}/{bulan}/{tahun}"
    assert numbering.format_number(pattern, urut=7, day=day, setting="S") == "007/X/III/03/2027"
    with pytest.raises(ImproperlyConfigured, match="PPID_NOMOR_UJI tidak sah"):
        numbering.format_number("{nomor}", urut=7, day=day, setting="PPID_NOMOR_UJI")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_takers_on_postgresql_get_one_to_sixteen():
    # THREADS + 1 takers, one of which rolls back after taking its number; all start before
    # the year's counter row exists, so its creation is raced too.
    taken: list[int] = []

    def work(i: int) -> None:
        with transaction.atomic():
            number = numbering.take(SERI, year=2027)
            if i != 0:
                taken.append(number)

    assert race(work, THREADS + 1, fail=0) == []
    assert sorted(taken) == list(range(1, THREADS + 1))
    assert numbering.last(SERI, year=2027) == THREADS
