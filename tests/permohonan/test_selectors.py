"""Who sees which requests, what each queue holds, and the registers' filters and masking."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from permohonan import deadlines, selectors, workflow
from permohonan.models import Disposisi, Keberatan, Keputusan, Permohonan
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
        assert (
            set(selectors.permohonan_visible_to(users[role]).values_list("pk", flat=True))
            == everything
        )
    assert list(
        selectors.permohonan_visible_to(users[Role.PENYEDIA]).values_list("pk", flat=True)
    ) == [mine.pk]
    assert list(selectors.permohonan_visible_to(other_unit_user).values_list("pk", flat=True)) == [
        theirs.pk
    ]
    for who in (Role.PEMBINA, Role.TIM_PERTIMBANGAN, "pemohon"):
        assert not selectors.permohonan_visible_to(users[who]).exists()
        assert not selectors.keberatan_visible_to(users[who]).exists()


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
    reg = lambda **f: {p.pk for p in selectors.register_permohonan(f, user=users[Role.PPID])}  # noqa: E731
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
    reg = lambda **f: {k.pk for k in selectors.register_keberatan(f, user=users[Role.PPID])}  # noqa: E731
    assert reg() == {open_kb.pk, decided_kb.pk}
    assert reg(status=Keberatan.Status.DIAJUKAN) == {open_kb.pk}
    assert reg(putusan="menguatkan") == {decided_kb.pk}
    assert reg(kanal="online") == {open_kb.pk, decided_kb.pk}
    assert reg(unit=users[Role.PENYEDIA].unit) == {open_kb.pk, decided_kb.pk}


def test_register_rows_follow_the_perki_columns_and_mask_the_nik(users):
    p, k = decided(users)
    (row,) = [
        selectors.permohonan_row(1, x)
        for x in selectors.register_permohonan({}, user=users[Role.PPID])
    ]
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


# ---------------------------------------------------------------------------------------------
# Due soon and overdue: the Python rule and the database filters agree


# Wednesday 18 November 2026; Thursday 19 is an office holiday, so with `soon=2` the limit
# is Monday 23 (Friday 20 is working day 1, Monday 23 working day 2).
TODAY = date(2026, 11, 18)
HOLIDAYS = frozenset({date(2026, 11, 19)})
SOON = 2
DUE_OFFSETS = [None, -30, -1, 0, 1, 2, 3, 4, 5, 6, 40]


def _agreement(model_qs, obj, clock, prefix=""):
    """The state by `deadline_state` and the states whose filter selects the row."""
    by_python = deadlines.deadline_state(obj, TODAY, HOLIDAYS, soon=SOON, clock=clock)
    by_sql = {
        state
        for state in deadlines.DeadlineState
        if model_qs.filter(
            deadlines.deadline_q(clock, state, TODAY, HOLIDAYS, soon=SOON, prefix=prefix)
        ).exists()
    }
    attention = model_qs.filter(
        deadlines.needs_attention_q(clock, TODAY, HOLIDAYS, soon=SOON, prefix=prefix)
    ).exists()
    overdue = model_qs.filter(deadlines.overdue_q(clock, TODAY, prefix=prefix)).exists()
    return by_python, by_sql, attention, overdue


def _check(model_qs, obj, clock, prefix=""):
    by_python, by_sql, attention, overdue = _agreement(model_qs, obj, clock, prefix)
    assert by_sql == {by_python}, (clock.field, obj.status, getattr(obj, clock.field))
    assert attention == (by_python in ("due_soon", "overdue"))
    assert overdue == (by_python == "overdue")
    return by_python


@pytest.mark.parametrize("status", Permohonan.Status.values)
def test_deadline_state_and_filters_agree_for_requests(users, status):
    p, _ = submit_desk(users[Role.DESK])
    d = Disposisi.objects.create(permohonan=p, unit=users[Role.PENYEDIA].unit)
    rows = Permohonan.objects.filter(pk=p.pk)
    seen = set()
    for offset in DUE_OFFSETS:
        due = None if offset is None else TODAY + timedelta(days=offset)
        # Test setup only: the row is put in each state directly to cover the whole table.
        rows.update(
            status=status,
            tenggat_pemberitahuan=due or TODAY,
            tenggat_melengkapi=due,
        )
        p.refresh_from_db()
        for clock in (deadlines.PEMBERITAHUAN, deadlines.MELENGKAPI):
            seen.add(_check(rows, p, clock))
            d.refresh_from_db()
            _check(Disposisi.objects.filter(pk=d.pk), d, clock, prefix="permohonan__")
        running = deadlines.running_clock(p)
        expected = (
            deadlines.deadline_state(p, TODAY, HOLIDAYS, soon=SOON, clock=running)
            if running
            else "closed"
        )
        assert deadlines.deadline_state(p, TODAY, HOLIDAYS, soon=SOON) == expected
    if status in ("baru", "diverifikasi", "diproses", "perlu_dilengkapi"):
        assert seen == set(deadlines.DeadlineState)
    else:
        assert seen == {"closed"}


@pytest.mark.parametrize("status", Keberatan.Status.values)
def test_deadline_state_and_filters_agree_for_objections(users, status):
    _p, kb = objected(users)
    if status == Keberatan.Status.DIPUTUS:
        workflow.keberatan_decide(
            keberatan_id=kb.pk,
            actor=users[Role.ATASAN],
            putusan=Keberatan.Putusan.MENGUATKAN,
            pertimbangan="Pengecualian sudah tepat.",
        )
    elif status == Keberatan.Status.DITARIK:
        workflow.keberatan_withdraw(keberatan_id=kb.pk, actor=users[Role.DESK], alasan="Musyawarah")
    rows = Keberatan.objects.filter(pk=kb.pk)
    seen = set()
    for offset in DUE_OFFSETS[1:]:
        rows.update(tenggat_tanggapan=TODAY + timedelta(days=offset))
        kb.refresh_from_db()
        seen.add(_check(rows, kb, deadlines.TANGGAPAN))
    expected = {"overdue", "due_soon", "ok"} if status == "diajukan" else {"closed"}
    assert seen == expected


def test_the_table_of_cases_has_the_expected_states():
    limit = deadlines.soon_limit(TODAY, HOLIDAYS, soon=SOON)
    assert limit == date(2026, 11, 23)
    states = [deadlines.state_of(TODAY + timedelta(days=o), TODAY, limit) for o in DUE_OFFSETS[1:]]
    assert states == [
        "overdue",
        "overdue",
        "due_soon",
        "due_soon",
        "due_soon",
        "due_soon",
        "due_soon",
        "due_soon",
        "ok",
        "ok",
    ]
