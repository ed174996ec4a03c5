"""Each figure of the statistics computed from the known fixture year (tahun_uji.py)."""

from datetime import date

import pytest

from permohonan import statistik
from permohonan.models import Keputusan
from ppid_portal.calendar import load_holidays
from ppid_portal.statistik import Periode

from .tahun_uji import LIBUR

pytestmark = pytest.mark.django_db

TAHUN = Periode(2025)
JULI = Periode(2025, bulan=7)


def test_the_only_holiday_of_the_fixture_weeks_is_the_office_holiday(tahun_2025):
    # The expected working days below rely on it: no national holiday in July–early August.
    days = {d for d in load_holidays([2025]) if date(2025, 7, 1) <= d <= date(2025, 8, 11)}
    assert days == {LIBUR}


def test_requests_per_month_and_channel(tahun_2025):
    per_bulan = dict(zip(range(1, 13), [n for _l, n in statistik.per_bulan(TAHUN)], strict=True))
    assert per_bulan[7] == 8 and sum(per_bulan.values()) == 8
    assert dict(statistik.per_kanal(JULI)) == {
        "Daring (situs)": 0,
        "Datang langsung": 4,
        "Telepon": 1,
        "Surat / pos": 1,
        "E-mail": 1,
        "Faksimili": 1,
    }
    assert statistik.per_bulan(Periode(2025, bulan=6)) == [("Juni", 0)]


def test_requests_by_outcome(tahun_2025):
    counts = statistik.hasil_counts(TAHUN)
    assert counts == {
        Keputusan.Hasil.DIBERIKAN_SELURUHNYA: 3,  # A, E (after the keberatan), F
        Keputusan.Hasil.DIBERIKAN_SEBAGIAN: 1,
        Keputusan.Hasil.DITOLAK_DIKECUALIKAN: 1,
        Keputusan.Hasil.TIDAK_DIKUASAI: 1,
        Keputusan.Hasil.BELUM_DIDOKUMENTASIKAN: 0,
        statistik.DALAM_PROSES: 1,
        statistik.DITARIK: 1,
        statistik.GUGUR: 0,
    }


def test_working_days_to_the_written_notice_across_the_holiday(tahun_2025):
    rows = {r.nomor: r for r in statistik.rincian_waktu(TAHUN)}
    days = {key: rows[p.nomor].hari_kerja for key, p in tahun_2025.items()}
    assert days == {"A": 1, "B": 3, "C": 5, "D": 8, "E": 12, "F": 12, "G": None, "H": None}
    waktu = statistik.ringkasan_waktu(list(rows.values()))
    assert waktu.dijawab == 6
    assert waktu.median == 6.5
    assert waktu.p90 == 12
    assert waktu.rata_rata == 6.8
    assert waktu.terlama == 12


def test_share_answered_on_time(tahun_2025):
    rows = {r.nomor: r for r in statistik.rincian_waktu(TAHUN)}
    tepat = {key: rows[p.nomor].tepat_waktu for key, p in tahun_2025.items()}
    # E missed its due date (18 July, counting the holiday); F used its extension; H is still
    # unanswered long after its due date; G was withdrawn.
    assert tepat == {
        "A": True,
        "B": True,
        "C": True,
        "D": True,
        "E": False,
        "F": True,
        "G": None,
        "H": False,
    }
    waktu = statistik.ringkasan_waktu(list(rows.values()))
    assert (waktu.tepat, waktu.terlambat, waktu.tidak_dinilai) == (5, 2, 1)
    assert waktu.persen_tepat == 71.4


@pytest.mark.clock  # also at both sides of local and UTC midnight
def test_open_request_not_yet_due_is_not_counted(users):
    from .factories import verified

    p = verified(users)
    (row,) = statistik.rincian_waktu(Periode(p.tanggal_diterima.year))
    assert row.tepat_waktu is None and row.hari_kerja is None


def test_refusal_grounds(tahun_2025):
    assert statistik.alasan_penolakan(TAHUN) == [
        ("h. mengungkap rahasia pribadi", 1),
        ("i. memorandum atau surat antar/intra badan publik yang dirahasiakan", 1),
    ]


def test_keberatan_by_ground_and_outcome(tahun_2025):
    per_alasan = dict(statistik.keberatan_per_alasan(TAHUN))
    assert list(per_alasan.values()) == [1, 0, 0, 1, 0, 0, 1]  # a, d, g
    ringkasan = statistik.ringkasan_keberatan(TAHUN)
    assert (ringkasan.jumlah, ringkasan.menguatkan, ringkasan.mengabulkan) == (3, 1, 1)
    assert (ringkasan.ditarik, ringkasan.menunggu, ringkasan.tepat_waktu) == (1, 0, 2)
    assert (ringkasan.dilaksanakan, ringkasan.dilaksanakan_tepat) == (1, 1)
    assert dict(statistik.keberatan_per_hasil(ringkasan))["Menguatkan putusan PPID"] == 1


def test_sengketa_by_stage_and_result(tahun_2025):
    assert statistik.sengketa_per_tahap(TAHUN) == [
        ("Ajudikasi non-litigasi (Komisi Informasi)", "Permohonan pemohon ditolak", 1)
    ]
    assert statistik.sengketa_per_tahap(Periode(2025, bulan=7)) == []


def test_survey_results_per_period(tahun_2025):
    ringkasan = statistik.ringkasan_survei(TAHUN)
    assert ringkasan.jumlah == 2
    assert [v for _l, v in ringkasan.unsur] == [3.0, 3.5, 3.5, 4.0, 3.5]
    assert ringkasan.ikm == 87.5
    assert ringkasan.mutu == "B (baik)"
    assert statistik.ringkasan_survei(Periode(2025, bulan=7)).jumlah == 0
    assert statistik.survei_komentar(TAHUN)[0][1:] == (
        tahun_2025["A"].nomor,
        4.0,
        "Pelayanan sangat cepat.",
    )


def test_survey_grades():
    assert statistik.mutu(88.31) == "A (sangat baik)"
    assert statistik.mutu(88.3) == "B (baik)"
    assert statistik.mutu(76.61) == "B (baik)"
    assert statistik.mutu(65.0) == "C (kurang baik)"
    assert statistik.mutu(64.99) == "D (tidak baik)"
    assert statistik.mutu(None) == "—"


def test_requests_per_unit(users):
    from django.utils import timezone

    from ppid_portal.roles import Role

    from .factories import assigned

    assigned(users)
    assigned(users)
    unit = users[Role.PENYEDIA].unit
    assert statistik.per_unit(Periode(timezone.localdate().year)) == [(unit.nama, 2)]
