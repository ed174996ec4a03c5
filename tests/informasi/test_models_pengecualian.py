"""Models of excepted information: constraints match the choices, the signed content's digest,
and what "in force" means."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from informasi.models import PembukaanInformasi, PenetapanPengecualian, PesertaUji, UjiKonsekuensi
from tests.informasi.factories import actors_penetapan, documented_entry, proposed_uji

pytestmark = pytest.mark.django_db


def constraint_values(model, suffix: str, field: str) -> set:
    constraint = next(c for c in model._meta.constraints if c.name.endswith(suffix))
    return set(dict(constraint.condition.children)[f"{field}__in"])


@pytest.mark.parametrize(
    ("model", "suffix", "field", "choices"),
    [
        (UjiKonsekuensi, "uji_status_valid", "status", UjiKonsekuensi.Status),
        (PenetapanPengecualian, "penetapan_status_valid", "status", PenetapanPengecualian.Status),
        (PesertaUji, "peserta_peran_valid", "peran", PesertaUji.Peran),
        (PembukaanInformasi, "pembukaan_jenis_valid", "jenis", PembukaanInformasi.Jenis),
    ],
)
def test_choices_are_the_constraint_values(model, suffix, field, choices):
    assert constraint_values(model, suffix, field) == set(choices.values)


def test_the_digest_covers_the_content_and_the_revision(actors):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    digest = uji.content_digest()
    assert len(digest) == 64 and digest == uji.content_digest()
    uji.konsekuensi = "lain"
    assert uji.content_digest() != digest
    uji.konsekuensi = ""
    uji.revisi += 1
    assert uji.content_digest() != digest


def test_a_signature_needs_its_digest(actors):
    uji = proposed_uji(actors["tim"], entry=documented_entry(actors["penyedia"], actors["desk"]))
    peserta = uji.peserta.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        PesertaUji.objects.filter(pk=peserta.pk).update(ditandatangani_pada=timezone.now())


def test_in_force_on_covers_the_decree_date_to_the_last_day(actors):
    penetapan = actors_penetapan(actors)
    assert penetapan.in_force_on(penetapan.tanggal)
    assert penetapan.in_force_on(penetapan.berakhir_pada)
    assert not penetapan.in_force_on(penetapan.berakhir_pada + timedelta(days=1))
    assert not penetapan.in_force_on(penetapan.tanggal - timedelta(days=1))
    assert str(penetapan) == f"Penetapan {penetapan.nomor}"


def test_a_decree_is_permanent_or_ends(actors):
    penetapan = actors_penetapan(actors)
    with pytest.raises(IntegrityError), transaction.atomic():
        PenetapanPengecualian.objects.filter(pk=penetapan.pk).update(berakhir_pada=None)
