"""The archive item and disposal proposal workflows (arsip.workflow)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from arsip import workflow
from arsip.models import (
    BerkasArsip,
    ItemArsip,
    PemeriksaanArsip,
    UsulPemusnahan,
    UsulPemusnahanItem,
)
from arsip.services.pemeriksaan import pemeriksaan_run
from ppid_portal import audit
from ppid_portal.models import StoredFile
from ppid_portal.roles import Role
from tests.arsip.factories import add_scan, make_item

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def old_item(actor, unit, tree, **kw):
    """An item whose KU.01 retention (2 + 3 years) ended long ago."""
    return make_item(actor, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1), **kw)


def test_every_state_appears_in_the_transition_tables():
    item_states = {s for pair in workflow.ITEM_TRANSITIONS for s in pair}
    assert set(ItemArsip.Status.values) <= item_states
    usul_states = {s for pair in workflow.USUL_TRANSITIONS for s in pair} - {""}
    assert set(UsulPemusnahan.Status.values) == usul_states
    for action in {*workflow.ITEM_TRANSITIONS.values(), *workflow.USUL_TRANSITIONS.values()}:
        from ppid_portal.access import registered_actions

        assert action in registered_actions()


# --- aktif → inaktif -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role,allowed",
    [
        (Role.DESK, True),
        (Role.PPID, True),
        (Role.ATASAN, False),
        (Role.PENYEDIA, False),
        (Role.TIM_PERTIMBANGAN, False),
        (Role.PEMBINA, False),
        ("pemohon", False),
    ],
)
def test_move_to_inactive_by_role(users, desk, unit, jadwal, tree, role, allowed):
    item = old_item(desk, unit, tree)
    if allowed:
        workflow.item_transfer_to_inaktif(item=item, actor=users[role])
        item.refresh_from_db()
        assert item.status == ItemArsip.Status.INAKTIF
        log = audit.history(item).last()
        assert (log.from_state, log.to_state, log.actor) == ("aktif", "inaktif", users[role])
    else:
        with pytest.raises(PermissionDenied):
            workflow.item_transfer_to_inaktif(item=item, actor=users[role])
        item.refresh_from_db()
        assert item.status == ItemArsip.Status.AKTIF


def test_early_move_to_inactive_needs_a_reason(desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=TODAY())
    with pytest.raises(ValidationError) as exc:
        workflow.item_transfer_to_inaktif(item=item, actor=desk)
    assert "Tuliskan alasan" in str(exc.value)
    workflow.item_transfer_to_inaktif(item=item, actor=desk, catatan="Unit dibubarkan")
    assert ItemArsip.objects.get(pk=item.pk).status == "inaktif"


def test_inactive_cannot_go_inactive_again(desk, unit, jadwal, tree):
    item = old_item(desk, unit, tree)
    workflow.item_transfer_to_inaktif(item=item, actor=desk)
    with pytest.raises(ValidationError):
        workflow.item_transfer_to_inaktif(item=item, actor=desk)


# --- permanent records ---------------------------------------------------------------------------


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_permanent_record_is_handed_over_when_due(ppid, desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], kode="HK.01", mulai=date(2000, 1, 1))
    workflow.item_hand_over_to_statis(item=item, actor=ppid, catatan="BA serah 01/2026")
    item.refresh_from_db()
    assert item.status == ItemArsip.Status.STATIS and item.lokasi is None
    assert item.pemindahan.filter(ke__isnull=True, dari=tree["b1"]).exists()


@pytest.mark.clock  # also at both sides of local and UTC midnight
@pytest.mark.parametrize(
    "kode,mulai,message",
    [
        ("KU.01", date(2000, 1, 1), "ajukan usul pemusnahan"),
        ("HK.01", date(2024, 1, 1), "baru berakhir"),
    ],
)
def test_hand_over_refused_for_destroyable_or_not_yet_due(
    ppid, desk, unit, jadwal, tree, kode, mulai, message
):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], kode=kode, mulai=mulai)
    with pytest.raises(ValidationError) as exc:
        workflow.item_hand_over_to_statis(item=item, actor=ppid, catatan="x")
    assert message in str(exc.value)


def test_only_ppid_hands_over(desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], kode="HK.01", mulai=date(2000, 1, 1))
    with pytest.raises(PermissionDenied):
        workflow.item_hand_over_to_statis(item=item, actor=desk, catatan="x")


# --- disposal ------------------------------------------------------------------------------------


@pytest.fixture
def proposal(ppid, desk, atasan, unit, jadwal, tree, django_capture_on_commit_callbacks):
    item = old_item(desk, unit, tree)
    berkas = add_scan(desk, item)
    with django_capture_on_commit_callbacks(execute=True):
        usul = workflow.pemusnahan_propose(
            items=[item], actor=ppid, pertimbangan="Retensi berakhir"
        )
    return usul, item, berkas


def test_disposal_needs_approval_and_keeps_the_record(
    proposal, atasan, settings, django_capture_on_commit_callbacks
):
    usul, item, berkas = proposal
    path = settings.MEDIA_ROOT / berkas.berkas.file.name
    item.refresh_from_db()
    # A proposal alone destroys nothing.
    assert item.status == ItemArsip.Status.AKTIF and path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="Sesuai JRA dan penilaian")
    usul.refresh_from_db()
    item.refresh_from_db()
    berkas.refresh_from_db()
    assert usul.status == UsulPemusnahan.Status.DISETUJUI
    assert usul.diputus_oleh == atasan and usul.alasan_keputusan == "Sesuai JRA dan penilaian"
    assert usul.nomor_berita_acara == f"001/BA-PMS/PPID/{timezone.localdate().year}"
    # The record stays: what, when, who approved, and the file's name, size and digest ...
    assert item.status == ItemArsip.Status.DIMUSNAHKAN and item.dimusnahkan_pada is not None
    assert item.lokasi is None and item.pemindahan.filter(ke__isnull=True).exists()
    stored = StoredFile.objects.get(pk=berkas.berkas_id)
    (line,) = usul.baris.all()
    assert line.berkas == [{"nama": "pindaian.pdf", "ukuran": stored.size, "sha256": stored.sha256}]
    assert berkas.dimusnahkan_pada == item.dimusnahkan_pada
    log = audit.history(item).last()
    assert (log.action, log.from_state, log.to_state) == (
        "arsip.item.musnah",
        "aktif",
        "dimusnahkan",
    )
    assert usul.nomor_berita_acara in log.note
    # ... but not the file.
    assert not path.exists()
    # And the fixity check does not call the destroyed file missing.
    report = pemeriksaan_run()
    assert report.hasil == PemeriksaanArsip.Hasil.BAIK
    assert report.jumlah_dimusnahkan == 1


def test_proposal_and_decision_send_mail(proposal, atasan, django_capture_on_commit_callbacks):
    usul, _item, _berkas = proposal
    assert [m.to for m in mail.outbox] == [[atasan.email]]
    assert "menunggu persetujuan" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        workflow.pemusnahan_reject(usul=usul, actor=atasan, alasan="Masih diperlukan untuk audit")
    assert mail.outbox[1].to == [usul.diusulkan_oleh.email]
    assert "Ditolak" in mail.outbox[1].body


def test_refusal_keeps_items_and_frees_them(proposal, atasan, ppid, settings):
    usul, item, berkas = proposal
    workflow.pemusnahan_reject(usul=usul, actor=atasan, alasan="Masih diperlukan")
    item.refresh_from_db()
    assert item.status == ItemArsip.Status.AKTIF
    assert (settings.MEDIA_ROOT / berkas.berkas.file.name).exists()
    # Free to be proposed again.
    again = workflow.pemusnahan_propose(items=[item], actor=ppid, pertimbangan="Diusulkan ulang")
    assert again.status == UsulPemusnahan.Status.DIAJUKAN


@pytest.mark.parametrize(
    "role,allowed",
    [
        (Role.ATASAN, True),
        (Role.PPID, False),
        (Role.DESK, False),
        (Role.PEMBINA, False),
        (Role.TIM_PERTIMBANGAN, False),
        (Role.PENYEDIA, False),
    ],
)
def test_who_may_approve(proposal, users, role, allowed):
    usul, item, _berkas = proposal
    if allowed:
        workflow.pemusnahan_approve(usul=usul, actor=users[role], alasan="ok")
        assert UsulPemusnahan.objects.get(pk=usul.pk).status == "disetujui"
    else:
        with pytest.raises(PermissionDenied):
            workflow.pemusnahan_approve(usul=usul, actor=users[role], alasan="ok")
        assert UsulPemusnahan.objects.get(pk=usul.pk).status == "diajukan"
        assert ItemArsip.objects.get(pk=item.pk).status == "aktif"


def test_proposer_may_not_approve_own_proposal(make_user, desk, unit, jadwal, tree):
    both = make_user(Role.PPID, Role.ATASAN)
    item = old_item(desk, unit, tree)
    usul = workflow.pemusnahan_propose(items=[item], actor=both, pertimbangan="x")
    with pytest.raises(PermissionDenied):
        workflow.pemusnahan_approve(usul=usul, actor=both, alasan="ok")


def test_approval_needs_a_reason(proposal, atasan):
    usul, _item, _berkas = proposal
    with pytest.raises(ValidationError):
        workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="  ")
    assert UsulPemusnahan.objects.get(pk=usul.pk).status == "diajukan"


@pytest.mark.parametrize("after", ["disetujui", "ditolak", "dibatalkan"])
def test_decided_proposals_are_final(proposal, atasan, ppid, after):
    usul, _item, _berkas = proposal
    {
        "disetujui": lambda: workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="a"),
        "ditolak": lambda: workflow.pemusnahan_reject(usul=usul, actor=atasan, alasan="a"),
        "dibatalkan": lambda: workflow.pemusnahan_cancel(usul=usul, actor=ppid, alasan="a"),
    }[after]()
    for attempt in (
        lambda: workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="b"),
        lambda: workflow.pemusnahan_reject(usul=usul, actor=atasan, alasan="b"),
        lambda: workflow.pemusnahan_cancel(usul=usul, actor=ppid, alasan="b"),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert UsulPemusnahan.objects.get(pk=usul.pk).status == after


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_only_due_destroyable_items_can_be_proposed(ppid, desk, unit, jadwal, tree):
    young = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=TODAY() - timedelta(days=30))
    permanent = make_item(desk, unit=unit, lokasi=tree["b1"], kode="HK.01", mulai=date(2000, 1, 1))
    with pytest.raises(ValidationError) as exc:
        workflow.pemusnahan_propose(items=[young, permanent], actor=ppid, pertimbangan="x")
    text = str(exc.value)
    assert "baru berakhir" in text and "permanen" in text
    assert not UsulPemusnahan.objects.exists()


def test_an_item_is_in_at_most_one_open_proposal(proposal, ppid):
    _usul, item, _berkas = proposal
    with pytest.raises(ValidationError) as exc:
        workflow.pemusnahan_propose(items=[item], actor=ppid, pertimbangan="lagi")
    assert "usul pemusnahan lain" in str(exc.value)
    # The database says so too.
    with pytest.raises(IntegrityError), transaction.atomic():
        UsulPemusnahanItem.objects.create(
            usul=UsulPemusnahan.objects.create(pertimbangan="x", diusulkan_oleh=ppid),
            item=item,
            kode_klasifikasi="x",
            judul="x",
            unit_nama="x",
            kurun_waktu="x",
            jumlah="x",
            retensi_teks="x",
        )


def test_approved_without_number_is_refused_by_the_database(proposal, atasan):
    usul, _item, _berkas = proposal
    with pytest.raises(IntegrityError), transaction.atomic():
        UsulPemusnahan.objects.filter(pk=usul.pk).update(status="disetujui")


def test_berita_acara_numbers_count_up(ppid, desk, atasan, unit, jadwal, tree):
    numbers = []
    for i in range(2):
        item = old_item(desk, unit, tree, judul=f"Item {i}")
        usul = workflow.pemusnahan_propose(items=[item], actor=ppid, pertimbangan="x")
        numbers.append(
            workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="ok").nomor_berita_acara
        )
    year = timezone.localdate().year
    assert numbers == [f"001/BA-PMS/PPID/{year}", f"002/BA-PMS/PPID/{year}"]


def test_destroyed_items_cannot_be_changed_moved_or_given_files(proposal, atasan, desk, tree):
    from arsip.services import fisik

    usul, item, _berkas = proposal
    workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="ok")
    with pytest.raises(ValidationError):
        fisik.item_update(item=item, actor=desk, judul="x")
    with pytest.raises(ValidationError):
        fisik.item_relocate(item=item, ke=tree["b2"], actor=desk)
    with pytest.raises(ValidationError):
        add_scan(desk, item)
    assert BerkasArsip.objects.filter(item=item).count() == 1
