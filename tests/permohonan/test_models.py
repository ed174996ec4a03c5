"""Database rules: status values, one open keberatan, legal shapes of decisions."""

import pytest
from django.db import IntegrityError, transaction

from permohonan import workflow
from permohonan.models import (
    AturanTenggat,
    Disposisi,
    Keberatan,
    Keputusan,
    LaporanTahunan,
    Permohonan,
)
from ppid_portal.roles import Role

from .factories import AturanTenggatFactory, decided, objected, submit_desk, submit_online

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model,table",
    [
        (Permohonan, workflow.PERMOHONAN_TRANSITIONS),
        (Disposisi, workflow.DISPOSISI_TRANSITIONS),
        (Keberatan, workflow.KEBERATAN_TRANSITIONS),
        (LaporanTahunan, workflow.LAPORAN_TRANSITIONS),
    ],
)
def test_every_state_appears_in_the_transition_table(model, table):
    states = {s for pair in table for s in pair if s is not None}
    assert states == set(model.Status.values)
    # Every state is reachable from creation.
    reachable, frontier = set(), {None}
    while frontier:
        current = frontier.pop()
        for before, after in table:
            if before == current and after not in reachable:
                reachable.add(after)
                frontier.add(after)
    assert reachable == set(model.Status.values)


def test_only_the_workflow_assigns_status():
    import pathlib
    import re

    package = pathlib.Path(workflow.__file__).parent
    root = package.parent
    offenders = []
    for path in root.rglob("*.py"):
        if path.is_relative_to(package) or "migrations" in path.parts:
            continue
        if re.search(r"\.status\s*=[^=]", path.read_text()):
            offenders.append(str(path))
    assert offenders == []


def test_status_outside_the_choices_is_refused_by_the_database(users):
    p, _ = submit_desk(users[Role.DESK])
    with pytest.raises(IntegrityError), transaction.atomic():
        Permohonan.objects.filter(pk=p.pk).update(status="hilang")


def test_nik_must_be_sixteen_digits_in_the_database(users):
    p, _ = submit_desk(users[Role.DESK])
    with pytest.raises(IntegrityError), transaction.atomic():
        Permohonan.objects.filter(pk=p.pk).update(nik="12345")


def test_extension_above_seven_days_is_refused_by_the_database(users):
    p, _ = submit_desk(users[Role.DESK])
    with pytest.raises(IntegrityError), transaction.atomic():
        Permohonan.objects.filter(pk=p.pk).update(hari_perpanjangan=8)


def test_at_most_one_open_keberatan_per_request(users):
    p, kb = objected(users)
    second = Keberatan(
        nomor="999/KEB",
        tahun=kb.tahun,
        urut=999,
        permohonan=p,
        kanal="desk",
        alasan="c",
        kasus_posisi="x",
        tujuan_penggunaan="x",
        diajukan_pada=kb.diajukan_pada,
        tanggal_diajukan=kb.tanggal_diajukan,
        tanggal_alasan=kb.tanggal_alasan,
        tenggat_tanggapan=kb.tenggat_tanggapan,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Keberatan.objects.bulk_create([second])
    # Once the first is decided, a new one may be open.
    workflow.keberatan_decide(
        keberatan_id=kb.pk, actor=users[Role.ATASAN], putusan="menguatkan", pertimbangan="x"
    )
    Keberatan.objects.bulk_create([second])


@pytest.mark.parametrize("alasan", ["", "x", "ba", "aa", "h"])
def test_keberatan_grounds_are_letters_a_to_g_in_order(users, alasan):
    _p, kb = objected(users)
    with pytest.raises(IntegrityError), transaction.atomic():
        Keberatan.objects.filter(pk=kb.pk).update(alasan=alasan)


def test_refusal_needs_a_ground_and_partial_needs_what_was_blacked_out(users):
    _p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Keputusan.objects.filter(pk=k.pk).update(dasar_pengecualian="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Keputusan.objects.filter(pk=k.pk).update(hasil="diberikan_sebagian")
    with pytest.raises(IntegrityError), transaction.atomic():
        Keputusan.objects.filter(pk=k.pk).update(hasil="belum_didokumentasikan")


def test_only_one_default_deadline_profile():
    assert AturanTenggat.objects.filter(utama=True).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        AturanTenggatFactory(utama=True)


def test_default_profile_has_the_legal_numbers():
    aturan = AturanTenggat.objects.get(utama=True)
    rules = aturan.as_rules()
    assert (rules.pemberitahuan, rules.perpanjangan_maks, rules.keberatan) == (10, 7, 30)
    assert (rules.tanggapan_atasan, rules.sengketa) == (30, 14)


def test_absolute_urls_point_at_staff_pages(users):
    p, _ = submit_online()
    assert p.get_absolute_url() == f"/permohonan/staf/{p.pk}/"
    _p2, kb = objected(users)
    assert kb.get_absolute_url() == f"/permohonan/staf/keberatan/{kb.pk}/"


def test_request_keeps_the_numbers_it_was_received_under(users):
    aturan = AturanTenggat.objects.get(utama=True)
    p, _ = submit_desk(users[Role.DESK])
    aturan.hari_pemberitahuan = 5
    aturan.save()
    p.refresh_from_db()
    assert p.rules.pemberitahuan == 10


def test_default_profile_comes_back_after_a_flush():
    from django.apps import apps

    from permohonan.apps import ensure_default_aturan

    AturanTenggat.objects.all().delete()
    ensure_default_aturan(sender=apps.get_app_config("permohonan"))
    ensure_default_aturan(sender=apps.get_app_config("permohonan"))
    (aturan,) = AturanTenggat.objects.all()
    assert aturan.utama and aturan.as_rules().pemberitahuan == 10
