from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from arsip import selectors
from arsip.models import ItemArsip, LaporanCadangan, PemeriksaanArsip
from arsip.services import fisik
from ppid_portal import audit
from ppid_portal.models import AuditLog, UnitKerja
from ppid_portal.roles import Role
from tests.arsip.factories import JadwalRetensiFactory, make_item

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_retention_for_a_code_comes_from_the_schedule(jadwal):
    retensi = selectors.retensi_untuk_kode("KU.01")
    assert retensi.aktif_tahun == 2 and retensi.inaktif_tahun == 3
    assert retensi.nasib_akhir == "musnah" and retensi.nasib_akhir_label == "Musnah"
    assert retensi.teks == "Aktif 2 tahun, inaktif 3 tahun, kemudian musnah"
    assert retensi.jadwal_id == jadwal["KU.01"].pk


def test_a_sub_code_takes_the_nearest_parent_row(jadwal):
    JadwalRetensiFactory(kode_klasifikasi="KU", retensi_aktif=9, retensi_inaktif=9)
    JadwalRetensiFactory(kode_klasifikasi="KU.01.02", retensi_aktif=1, retensi_inaktif=1)
    assert selectors.retensi_untuk_kode("ku.01.05").kode_klasifikasi == "KU.01"
    assert selectors.retensi_untuk_kode("KU.01.02.7").kode_klasifikasi == "KU.01.02"
    assert selectors.retensi_untuk_kode("KU.09").kode_klasifikasi == "KU"


@pytest.mark.parametrize("kode", ["XX.01", "", "KUX.01"])
def test_unknown_code_has_no_retention(jadwal, kode):
    assert selectors.retensi_untuk_kode(kode) is None


def test_linkable_models_skip_apps_that_are_not_installed(settings):
    settings.ARSIP_TAUTAN_MODELS = ["informasi.TidakAda", "portal.UnitKerja", "salah"]
    assert list(selectors.tautan_models()) == ["portal.unitkerja"]


def test_items_below_a_place(desk, unit, jadwal, tree):
    a = make_item(desk, unit=unit, lokasi=tree["b1"], judul="A")
    b = make_item(desk, unit=unit, lokasi=tree["m1"], judul="B")
    inside = lambda place: set(ItemArsip.objects.filter(selectors.q_di_dalam(place)))  # noqa: E731
    assert inside(tree["gedung"]) == {a, b}
    assert inside(tree["rak"]) == {a}
    assert inside(tree["lemari"]) == {b}
    assert inside(tree["b2"]) == set()


def test_tree_in_order_with_depth(tree):
    rows = [(node.kode, depth) for node, depth in selectors.pohon_lokasi()]
    assert rows == [
        ("G1", 0),
        ("R1", 1),
        ("L1", 2),
        ("M1", 3),
        ("RAK1", 2),
        ("B1", 3),
        ("B2", 3),
    ]


def test_retention_report_sorts_items_by_what_is_due(desk, unit, jadwal, tree):
    today = timezone.localdate()
    old = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=today - timedelta(days=6 * 366))
    to_inactive = make_item(
        desk, unit=unit, lokasi=tree["b1"], mulai=today - timedelta(days=3 * 366)
    )
    fresh = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=today)
    permanent = make_item(
        desk, unit=unit, lokasi=tree["b2"], kode="HK.01", mulai=today - timedelta(days=16 * 366)
    )
    review = make_item(
        desk, unit=unit, lokasi=tree["b2"], kode="HM.01", mulai=today - timedelta(days=3 * 366)
    )
    report = selectors.laporan_retensi(today)
    assert report.jatuh_tempo_musnah == [old]
    assert report.jatuh_tempo_inaktif == [to_inactive]
    assert report.jatuh_tempo_permanen == [permanent]
    assert report.jatuh_tempo_dinilai == [review]
    assert fresh not in report.segera_inaktif
    assert set(selectors.item_boleh_diusulkan_musnah(today)) == {old, review}


def test_monthly_report_counts_generically_from_the_audit_trail(desk, ppid, unit, jadwal, tree):
    today = timezone.localdate()
    item = make_item(desk, unit=unit, lokasi=tree["b1"])
    fisik.item_relocate(item=item, ke=tree["b2"], actor=desk)
    unit_lama = UnitKerja.objects.create(kode="lama", nama="Unit lama")
    # An object first recorded last month and changed this month counts as "diperbarui".
    change = audit.record(actor=ppid, obj=unit_lama, action="unit.ubah")
    AuditLog.objects.create(
        created_at=timezone.now() - timedelta(days=40),
        actor_label="x",
        content_type=change.content_type,
        object_id=str(unit_lama.pk),
        object_repr="Unit lama",
        action="unit.buat",
    )
    LaporanCadangan.objects.create(jenis="cadangan", hasil="berhasil")
    LaporanCadangan.objects.create(jenis="cadangan", hasil="gagal")
    PemeriksaanArsip.objects.create(hasil="baik")

    for user in (desk, ppid, ppid):
        Client().force_login(user)
    citizen = type(desk).objects.create_user("warga-lap", password="sandi-uji-123")
    Client().force_login(citizen)

    report = selectors.laporan_bulanan(today.year, today.month)
    rows = {r.content_type.model: r for r in report.per_objek}
    assert rows["itemarsip"].baru == 1 and rows["itemarsip"].diperbarui == 0
    assert rows["itemarsip"].catatan == 2
    assert rows["unitkerja"].baru == 0 and rows["unitkerja"].diperbarui == 1
    assert "user" not in rows  # logins are reads, not changes
    assert dict(report.login_per_peran) == {
        Role.DESK.value: 1,
        Role.PPID.value: 2,
        selectors.TANPA_PERAN: 1,
    }
    assert report.jumlah_login == 4
    assert dict(report.ringkasan_cadangan)["Pencadangan"] == [("Berhasil", 1), ("Gagal", 1)]
    assert report.ringkasan_pemeriksaan == [("Baik", 1)]
    # The other apps are not installed in this branch: their rows say so.
    assert report.entri_dip is None or report.entri_dip.baru == 0


def test_monthly_report_counts_finished_objects_by_configured_states(settings, ppid, unit):
    today = timezone.localdate()
    settings.ARSIP_STATUS_SELESAI = {"portal.unitkerja": ("selesai",)}
    other = UnitKerja.objects.create(kode="u2", nama="Unit dua")
    audit.record(actor=ppid, obj=unit, action="uji.buat", to_state="baru")
    audit.record(actor=ppid, obj=unit, action="uji.tutup", from_state="baru", to_state="selesai")
    audit.record(actor=ppid, obj=other, action="uji.buat", to_state="baru")
    report = selectors.laporan_bulanan(today.year, today.month)
    row = next(r for r in report.per_objek if r.content_type.model == "unitkerja")
    assert (row.baru, row.selesai, row.catatan) == (2, 1, 3)


def test_month_bounds_are_in_office_time():
    start, end = selectors.batas_bulan(2026, 12)
    assert (start.year, start.month, start.day) == (2026, 12, 1)
    assert (end.year, end.month) == (2027, 1)
    assert start.utcoffset() == timedelta(hours=7)


def test_items_due_for_inactive_exclude_inactive_ones(desk, unit, jadwal, tree):
    item = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2000, 1, 1))
    assert list(selectors.item_jatuh_tempo_inaktif()) == [item]
