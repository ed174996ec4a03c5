from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arsip.models import ItemArsip, Lokasi, PemindahanItem, TautanItem
from arsip.services import fisik
from ppid_portal import audit
from ppid_portal.models import StoredFile, UnitKerja
from ppid_portal.roles import Role
from tests.arsip.factories import add_scan, make_item, make_tree

pytestmark = pytest.mark.django_db


# --- The location tree ---------------------------------------------------------------------------


def test_tree_is_built_level_by_level_and_audited(desk, tree):
    assert tree["b1"].induk == tree["rak"] and tree["rak"].induk == tree["ruang"]
    (log,) = audit.history(tree["b1"])
    assert log.action == "arsip.lokasi.buat" and log.note == "G1/R1/RAK1/B1"


@pytest.mark.parametrize(
    "jenis,parent,message",
    [
        ("boks", "ruang", "Boks harus berada di lemari atau rak"),
        ("rak", "gedung", "Rak harus berada di ruang"),
        ("ruang", None, "Ruang harus berada di gedung"),
        ("gedung", "gedung", "Gedung berada di puncak"),
        ("map", "b1", "Map harus berada di lemari atau rak"),
    ],
)
def test_a_place_must_sit_in_the_right_kind_of_place(desk, tree, jenis, parent, message):
    with pytest.raises(ValidationError) as exc:
        fisik.lokasi_create(
            actor=desk, jenis=jenis, kode="X1", nama="x", induk=tree.get(parent) if parent else None
        )
    assert message in str(exc.value)
    assert not Lokasi.objects.filter(kode="X1").exists()


def test_codes_are_unique_among_siblings_only(desk, tree):
    with pytest.raises(ValidationError):
        fisik.lokasi_create(actor=desk, jenis="boks", kode="b1", nama="dup", induk=tree["rak"])
    with pytest.raises(ValidationError):
        fisik.lokasi_create(actor=desk, jenis="gedung", kode="G1", nama="dup")
    other = fisik.lokasi_create(
        actor=desk, jenis="rak", kode="RAK2", nama="Rak 2", induk=tree["ruang"]
    )
    assert fisik.lokasi_create(actor=desk, jenis="boks", kode="B1", nama="B1 lain", induk=other)


def test_moving_a_box_to_another_shelf_is_audited_with_both_paths(desk, tree):
    other = fisik.lokasi_create(
        actor=desk, jenis="rak", kode="RAK2", nama="Rak 2", induk=tree["ruang"]
    )
    fisik.lokasi_update(lokasi=tree["b1"], actor=desk, kode="B1", nama="Boks 1", induk=other)
    log = audit.history(tree["b1"]).last()
    assert (log.from_state, log.to_state) == ("G1/R1/RAK1/B1", "G1/R1/RAK2/B1")
    with pytest.raises(ValidationError):
        fisik.lokasi_update(lokasi=tree["b1"], actor=desk, kode="B1", nama="x", induk=tree["ruang"])


@pytest.mark.parametrize("role", [Role.PENYEDIA, Role.ATASAN, Role.TIM_PERTIMBANGAN, Role.PEMBINA])
def test_only_desk_and_ppid_record_places(users, role):
    with pytest.raises(PermissionDenied):
        fisik.lokasi_create(actor=users[role], jenis="gedung", kode="G9", nama="x")


# --- Items and their retention -------------------------------------------------------------------


def test_item_takes_its_retention_dates_from_the_schedule(desk, unit, jadwal, tree):
    item = make_item(
        desk,
        unit=unit,
        lokasi=tree["b1"],
        kode="ku.01.03",
        mulai=date(2019, 2, 1),
        selesai=date(2019, 11, 30),
    )
    assert item.kode_klasifikasi == "KU.01.03"
    assert item.jadwal == jadwal["KU.01"]
    # Counted from the end of the period: 2 years active, then 3 inactive.
    assert item.tanggal_inaktif == date(2021, 11, 30)
    assert item.tanggal_nasib == date(2024, 11, 30)
    assert item.status == ItemArsip.Status.AKTIF


def test_item_without_a_schedule_row_is_refused(desk, unit, jadwal, tree):
    with pytest.raises(ValidationError) as exc:
        make_item(desk, unit=unit, lokasi=tree["b1"], kode="ZZ.01")
    assert "belum ada di Jadwal Retensi Arsip" in str(exc.value)
    assert not ItemArsip.objects.exists()


def test_paper_needs_a_box_and_digital_may_have_none(desk, unit, jadwal, tree):
    with pytest.raises(ValidationError) as exc:
        make_item(desk, unit=unit, lokasi=None)
    assert "boks atau map" in str(exc.value)
    with pytest.raises(ValidationError):
        make_item(desk, unit=unit, lokasi=tree["rak"])
    digital = make_item(desk, unit=unit, lokasi=None, medium="digital")
    assert digital.lokasi is None


def test_end_before_start_is_refused(desk, unit, jadwal, tree):
    with pytest.raises(ValidationError):
        make_item(
            desk, unit=unit, lokasi=tree["b1"], mulai=date(2020, 5, 1), selesai=date(2020, 4, 1)
        )


def test_schedule_change_recomputes_open_items(ppid, desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], kode="KU.01.02", mulai=date(2020, 1, 1))
    fisik.jadwal_save(
        actor=ppid,
        jadwal=jadwal["KU.01"],
        kode_klasifikasi="KU.01",
        jenis_arsip="Anggaran",
        retensi_aktif=1,
        retensi_inaktif=9,
        nasib_akhir="musnah",
        keterangan="",
    )
    item.refresh_from_db()
    assert (item.tanggal_inaktif, item.tanggal_nasib) == (date(2021, 1, 1), date(2030, 1, 1))
    # A more specific row takes over the items under it.
    specific = fisik.jadwal_save(
        actor=ppid,
        kode_klasifikasi="ku.01.02",
        jenis_arsip="DIPA",
        retensi_aktif=3,
        retensi_inaktif=3,
        nasib_akhir="permanen",
        keterangan="",
    )
    item.refresh_from_db()
    assert item.jadwal == specific and item.tanggal_nasib == date(2026, 1, 1)
    log = audit.history(specific).last()
    assert "1 item arsip dihitung ulang" in log.note


def test_schedule_code_in_use_cannot_be_renamed(ppid, desk, unit, jadwal, tree):
    make_item(desk, unit=unit, lokasi=tree["b1"])
    with pytest.raises(ValidationError):
        fisik.jadwal_save(
            actor=ppid,
            jadwal=jadwal["KU.01"],
            kode_klasifikasi="KU.09",
            jenis_arsip="x",
            retensi_aktif=1,
            retensi_inaktif=1,
            nasib_akhir="musnah",
            keterangan="",
        )


@pytest.mark.parametrize("role", [Role.DESK, Role.ATASAN, Role.PENYEDIA])
def test_only_the_ppid_sets_the_schedule(users, role):
    with pytest.raises(PermissionDenied):
        fisik.jadwal_save(
            actor=users[role],
            kode_klasifikasi="AB.01",
            jenis_arsip="x",
            retensi_aktif=1,
            retensi_inaktif=1,
            nasib_akhir="musnah",
        )


def test_edit_recomputes_and_records_what_changed(desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2020, 1, 1))
    fisik.item_update(item=item, actor=desk, tanggal_mulai=date(2021, 1, 1), judul="Baru")
    item.refresh_from_db()
    assert item.tanggal_inaktif == date(2023, 1, 1) and item.judul == "Baru"
    assert "Diubah: uraian informasi arsip, tanggal (awal)" in audit.history(item).last().note


# --- Moves ---------------------------------------------------------------------------------------


def test_moves_are_recorded_in_history_and_audit(desk, ppid, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    fisik.item_relocate(item=item, ke=tree["b2"], actor=desk, alasan="Boks penuh")
    fisik.item_relocate(item=item, ke=tree["m1"], actor=ppid)
    item.refresh_from_db()
    assert item.lokasi == tree["m1"]
    moves = list(PemindahanItem.objects.filter(item=item).order_by("waktu", "id"))
    assert [(m.dari_id, m.ke_id) for m in moves] == [
        (None, tree["b1"].pk),
        (tree["b1"].pk, tree["b2"].pk),
        (tree["b2"].pk, tree["m1"].pk),
    ]
    assert moves[1].dari_teks == "Gedung G1 › Ruang R1 › Rak RAK1 › Boks B1"
    assert moves[1].alasan == "Boks penuh" and moves[1].oleh == desk
    logs = [log for log in audit.history(item) if log.action == "arsip.item.pindah"]
    assert [(log.from_state, log.to_state) for log in logs] == [
        ("G1/R1/RAK1/B1", "G1/R1/RAK1/B2"),
        ("G1/R1/RAK1/B2", "G1/R1/L1/M1"),
    ]
    assert logs[1].actor == ppid


def test_a_move_keeps_the_path_as_it_read_then(desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    fisik.item_relocate(item=item, ke=tree["b2"], actor=desk)
    fisik.lokasi_update(lokasi=tree["b1"], actor=desk, kode="B9", nama="Boks 9", induk=tree["rak"])
    move = PemindahanItem.objects.filter(item=item, dari__isnull=False).get()
    assert move.dari_teks.endswith("Boks B1")


@pytest.mark.parametrize("target", ["rak", "same"])
def test_bad_moves_are_refused(desk, unit, jadwal, tree, target):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    with pytest.raises(ValidationError):
        fisik.item_relocate(
            item=item, ke=tree["b1"] if target == "same" else tree["rak"], actor=desk
        )
    assert PemindahanItem.objects.filter(item=item).count() == 1


def test_atasan_may_not_move_items(atasan, desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    with pytest.raises(PermissionDenied):
        fisik.item_relocate(item=item, ke=tree["b2"], actor=atasan)


# --- Files and links -----------------------------------------------------------------------------


def test_scan_is_stored_with_its_digest(desk, unit, jadwal, tree, settings):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    berkas = add_scan(desk, item)
    stored = berkas.berkas
    assert stored.purpose == StoredFile.Purpose.ARSIP and len(stored.sha256) == 64
    assert (settings.MEDIA_ROOT / stored.file.name).stat().st_size == stored.size
    assert stored.sha256 in audit.history(item).last().note


@pytest.fixture
def linkable(settings):
    # A portal model stands in for a third kind of linkable object.
    settings.ARSIP_TAUTAN_MODELS = [
        "informasi.InformasiPublik",
        "permohonan.Permohonan",
        "portal.UnitKerja",
    ]


def test_link_to_an_existing_object(linkable, desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    link = fisik.item_link(item=item, actor=desk, jenis="portal.unitkerja", object_id=str(unit.pk))
    assert link.target == unit
    with pytest.raises(ValidationError) as exc:
        fisik.item_link(item=item, actor=desk, jenis="portal.unitkerja", object_id=str(unit.pk))
    assert "sudah ada" in str(exc.value)


@pytest.mark.parametrize(
    "jenis,object_id,message",
    [
        ("portal.unitkerja", "999999", "tidak ditemukan"),
        ("portal.unitkerja", "abc", "tidak ditemukan"),
        ("portal.user", "1", "tidak dapat ditautkan"),
        ("informasi.informasipublik", "999999", "tidak ditemukan"),
        ("permohonan.keberatan", "1", "tidak dapat ditautkan"),
    ],
)
def test_bad_links_are_refused(linkable, desk, unit, jadwal, tree, jenis, object_id, message):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    with pytest.raises(ValidationError) as exc:
        fisik.item_link(item=item, actor=desk, jenis=jenis, object_id=object_id)
    assert message in str(exc.value)
    assert not TautanItem.objects.exists()


def test_removing_a_link_is_audited(linkable, desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    link = fisik.item_link(item=item, actor=desk, jenis="portal.unitkerja", object_id=str(unit.pk))
    fisik.item_unlink(tautan=link, actor=desk)
    assert not TautanItem.objects.exists()
    assert audit.history(item).last().action == "arsip.tautan.hapus"


def test_linked_items_of_an_object(linkable, desk, unit, jadwal, tree):
    from arsip import selectors

    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    fisik.item_link(item=item, actor=desk, jenis="portal.unitkerja", object_id=str(unit.pk))
    other = UnitKerja.objects.create(kode="lain", nama="Unit lain")
    assert list(selectors.item_terkait(unit)) == [item]
    assert list(selectors.item_terkait(other)) == []


def test_two_trees_side_by_side(desk):
    make_tree(desk, prefix="A")
    make_tree(desk, prefix="B")
    assert Lokasi.objects.filter(jenis="boks").count() == 4


def test_items_link_to_real_dip_entries_and_requests(desk, unit, jadwal, tree, users):
    from tests.informasi.factories import create_entry
    from tests.permohonan.factories import submit_online

    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    entry = create_entry(users[Role.PENYEDIA])
    permohonan, _secret = submit_online()
    for jenis, target in [
        ("informasi.informasipublik", entry),
        ("permohonan.permohonan", permohonan),
    ]:
        link = fisik.item_link(item=item, actor=desk, jenis=jenis, object_id=str(target.pk))
        assert link.target == target
    assert TautanItem.objects.filter(item=item).count() == 2
