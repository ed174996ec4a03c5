"""Who sees which requests, what each queue holds, and the registers' filters and masking."""

from datetime import timedelta

import pytest
from django.utils import timezone

from permohonan import selectors, workflow
from permohonan.models import Keberatan, Keputusan, Permohonan
from ppid_portal.roles import Role

from .factories import NIK, answered, assigned, decided, objected, submit_desk, verified

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_full_viewers_see_everything_penyedia_only_their_unit(users, make_user):
    mine, _ = assigned(users)
    other_unit_user = make_user(Role.PENYEDIA)
    theirs = verified(users)
    workflow.permohonan_assign(
        permohonan_id=theirs.pk, actor=users[Role.PPID], units=[other_unit_user.unit]
    )
    unassigned, _ = submit_desk(users[Role.DESK])
    everything = {mine.pk, theirs.pk, unassigned.pk}
    for role in (Role.DESK, Role.PPID, Role.ATASAN):
        assert set(selectors.permohonan_for(users[role]).values_list("pk", flat=True)) == everything
    assert list(selectors.permohonan_for(users[Role.PENYEDIA]).values_list("pk", flat=True)) == [
        mine.pk
    ]
    assert list(selectors.permohonan_for(other_unit_user).values_list("pk", flat=True)) == [
        theirs.pk
    ]
    for who in (Role.PEMBINA, Role.TIM_PERTIMBANGAN, "pemohon"):
        assert not selectors.permohonan_for(users[who]).exists()
        assert not selectors.keberatan_for(users[who]).exists()


def test_queues_hold_the_right_items(users):
    baru, _ = submit_desk(users[Role.DESK])
    incomplete, _ = submit_desk(users[Role.DESK])
    workflow.permohonan_request_completion(
        permohonan_id=incomplete.pk, actor=users[Role.DESK], kekurangan="KTP"
    )
    to_assign = verified(users)
    processing, d = assigned(users)
    _p, kb = objected(users)
    pks = lambda qs: [o.pk for o in qs]  # noqa: E731
    assert pks(selectors.queue_desk_baru(users[Role.DESK])) == [baru.pk]
    assert pks(selectors.queue_desk_dilengkapi(users[Role.DESK])) == [incomplete.pk]
    assert pks(selectors.queue_ppid_disposisi(users[Role.PPID])) == [to_assign.pk]
    assert processing.pk in pks(selectors.queue_ppid_putus(users[Role.PPID]))
    assert pks(selectors.queue_penyedia(users[Role.PENYEDIA])) == [d.pk]
    assert pks(selectors.queue_atasan(users[Role.ATASAN])) == [kb.pk]


def test_penyedia_queue_drops_answered_and_withdrawn(users):
    p, d = assigned(users)
    workflow.permohonan_withdraw(permohonan_id=p.pk, actor=users[Role.DESK])
    assert not selectors.queue_penyedia(users[Role.PENYEDIA]).exists()


def test_due_soon_queue_has_overdue_and_near_but_not_far(users):
    late, _ = submit_desk(users[Role.DESK], days_ago=25)
    near, _ = submit_desk(users[Role.DESK], days_ago=12)
    far, _ = submit_desk(users[Role.DESK])
    items = selectors.attach_deadlines(selectors.queue_ppid_tenggat(users[Role.PPID]))
    pks = [p.pk for p in items]
    assert late.pk in pks and far.pk not in pks
    late_item = next(p for p in items if p.pk == late.pk)
    assert late_item.tenggat_info.terlambat and "Terlambat" in late_item.tenggat_info.keterangan
    near.refresh_from_db()
    info = selectors.attach_deadlines([near])[0].tenggat_info
    assert (near.pk in pks) == (info.sisa <= 2)


def test_deadline_display_by_state(users):
    p, _ = submit_desk(users[Role.DESK])
    (shown,) = selectors.attach_deadlines([p])
    assert shown.tenggat_info.tanggal == p.tenggat_pemberitahuan
    assert shown.tenggat_info.sisa > 0 and not shown.tenggat_info.terlambat
    done, _k = decided(users)
    assert selectors.attach_deadlines([done])[0].tenggat_info is None


def test_register_filters(users, make_user):
    letter, _ = submit_desk(users[Role.DESK], kanal=Permohonan.Kanal.SURAT, days_ago=3)
    given, _k = decided(users)
    refused, _k2 = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    reg = lambda **f: {p.pk for p in selectors.register_permohonan(f)}  # noqa: E731
    assert reg() == {letter.pk, given.pk, refused.pk}
    assert reg(kanal="surat") == {letter.pk}
    assert reg(status="selesai") == {given.pk, refused.pk}
    assert reg(hasil="ditolak_dikecualikan") == {refused.pk}
    assert reg(unit=users[Role.PENYEDIA].unit) == {given.pk, refused.pk}
    assert reg(unit=make_user(Role.PENYEDIA).unit) == set()
    today = timezone.localdate()
    assert reg(dari=today, sampai=today) == {given.pk, refused.pk}
    assert reg(sampai=today - timedelta(days=1)) == {letter.pk}


def test_register_keberatan_filters(users):
    _p, open_kb = objected(users)
    _p2, decided_kb = objected(users)
    workflow.keberatan_decide(
        keberatan_id=decided_kb.pk,
        actor=users[Role.ATASAN],
        putusan="menguatkan",
        pertimbangan="x",
    )
    reg = lambda **f: {k.pk for k in selectors.register_keberatan(f)}  # noqa: E731
    assert reg() == {open_kb.pk, decided_kb.pk}
    assert reg(status=Keberatan.Status.DIAJUKAN) == {open_kb.pk}
    assert reg(putusan="menguatkan") == {decided_kb.pk}
    assert reg(kanal="online") == {open_kb.pk, decided_kb.pk}
    assert reg(unit=users[Role.PENYEDIA].unit) == {open_kb.pk, decided_kb.pk}


def test_register_rows_follow_the_perki_columns_and_mask_the_nik(users):
    p, k = decided(users)
    (row,) = [selectors.permohonan_row(1, x) for x in selectors.register_permohonan({})]
    header = [str(h) for h in selectors.PERMOHONAN_HEADER]
    values = dict(zip(header, row, strict=True))
    assert values["Nomor pendaftaran"] == p.nomor
    assert values["NIK"] == "************" + NIK[-4:]
    assert NIK not in [str(v) for v in row]
    assert values["Keputusan"] == "Diberikan seluruhnya"
    assert values["Nomor dan tanggal pemberitahuan tertulis"].startswith(k.nomor)
    assert values["Biaya dan cara pembayaran"] == "Tanpa biaya"
    for column in ("Alamat", "Pekerjaan", "Tujuan penggunaan", "Jenis permohonan"):
        assert values[column]


def test_public_history_has_steps_not_staff_notes(users):
    p, _d = answered(users)
    workflow.permohonan_extend(
        permohonan_id=p.pk, actor=users[Role.PPID], hari=2, alasan="Catatan internal rahasia"
    )
    steps = [str(s["langkah"]) for s in selectors.public_history(p)]
    assert steps[0] == "Permohonan dicatat oleh desk layanan"
    assert "Jangka waktu diperpanjang" in steps
    assert all("rahasia" not in s for s in steps)
