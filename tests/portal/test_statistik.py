"""The statistics registry, its arithmetic, the SVG charts, page views per day and the public
and staff statistics pages (permissions, CSV, query counts)."""

import csv
import io
import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ppid_portal import access, charts, statistik
from ppid_portal.models import KunjunganHarian
from ppid_portal.roles import Role
from ppid_portal.statistik import Periode, Tabel

# ----------------------------------------------------------------------------- arithmetic


# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = pytest.mark.clock


def test_periods():
    assert (Periode(2025).awal, Periode(2025).akhir) == (date(2025, 1, 1), date(2025, 12, 31))
    assert Periode(2024, bulan=2).akhir == date(2024, 2, 29)
    q = Periode(2025, triwulan=3)
    assert (q.awal, q.akhir, q.bulan_list) == (date(2025, 7, 1), date(2025, 9, 30), [7, 8, 9])
    assert (Periode(2025).label, Periode(2025, bulan=3).label, q.label) == (
        "Tahun 2025",
        "Maret 2025",
        "Triwulan III 2025",
    )
    assert (Periode(2025).slug, Periode(2025, bulan=3).slug, q.slug) == (
        "2025",
        "2025-03",
        "2025-tw3",
    )
    assert len(Periode(2025, bulan=2).days()) == 28
    with pytest.raises(ValueError):
        Periode(2025, bulan=1, triwulan=1)
    with pytest.raises(ValueError):
        Periode(2025, bulan=13)


def test_median_percentile_and_share():
    assert statistik.median([]) is None and statistik.percentile([], 90) is None
    assert statistik.median([5, 1, 3]) == 3
    assert statistik.median([1, 3, 5, 8, 12, 12]) == 6.5
    assert statistik.percentile([1, 3, 5, 8, 12, 12], 90) == 12
    assert statistik.percentile(list(range(1, 11)), 90) == 9
    assert statistik.percentile([7], 90) == 7
    assert statistik.share(5, 7) == 71.4 and statistik.share(1, 0) is None


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=200))
def test_percentile_is_a_value_with_at_least_that_share_at_or_below(values):
    p90 = statistik.percentile(values, 90)
    assert p90 in values
    at_or_below = sum(1 for v in values if v <= p90)
    assert at_or_below >= 0.9 * len(values)
    assert sum(1 for v in values if v < p90) < 0.9 * len(values)
    assert min(values) <= statistik.median(values) <= max(values)


# ----------------------------------------------------------------------------- charts


def _tabel(**kw):
    data = {
        "key": "uji",
        "judul": "Uji <grafik>",
        "header": ["Label", "Jumlah"],
        "rows": [("<script>alert(1)</script>", 3), ("Kedua", 1)],
    }
    data.update(kw)
    return Tabel(**data)


@pytest.mark.parametrize("kind", ["batang", "kolom", "garis"])
def test_charts_are_accessible_escaped_svg_without_inline_style(kind):
    svg = str(charts.render(_tabel(grafik=kind)))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-labelledby="grafik-uji-judul grafik-uji-ket"' in svg
    assert "<title" in svg and "Grafik: Uji &lt;grafik&gt;" in svg
    assert "<script" not in svg and "style=" not in svg
    assert not re.search(r"\son\w+=", svg)


def test_bars_are_proportional():
    svg = str(charts.bar_chart("x", "x", ["a", "b"], [4, 2]))
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_no_chart_when_there_is_nothing_to_draw():
    assert charts.render(_tabel(rows=[("a", 0), ("b", 0)])) == ""
    assert charts.render(_tabel(grafik="")) == ""


# ----------------------------------------------------------------------------- page views


@pytest.mark.django_db
def test_page_views_per_day_sum_the_sections_and_include_empty_days():
    KunjunganHarian.objects.create(tanggal=date(2025, 3, 1), bagian="beranda", jumlah=5)
    KunjunganHarian.objects.create(tanggal=date(2025, 3, 1), bagian="informasi", jumlah=7)
    KunjunganHarian.objects.create(tanggal=date(2025, 3, 3), bagian="beranda", jumlah=2)
    KunjunganHarian.objects.create(tanggal=date(2025, 4, 1), bagian="beranda", jumlah=9)
    per_hari = statistik.kunjungan_per_hari(Periode(2025, bulan=3))
    assert len(per_hari) == 31
    assert per_hari[:3] == [(date(2025, 3, 1), 12), (date(2025, 3, 2), 0), (date(2025, 3, 3), 2)]
    assert statistik.kunjungan_per_bagian(Periode(2025, bulan=3)) == [
        ("Beranda", 7),
        ("Daftar Informasi Publik", 7),
    ]


@pytest.mark.django_db
def test_statistics_pages_are_counted_as_their_own_section(client, settings):
    from ppid_portal import pageviews

    settings.PPID_PAGEVIEW_FLUSH_EVERY = 1
    client.get(reverse("portal:statistik"), {"tahun": 2025}, REMOTE_ADDR="203.0.113.5")
    pageviews.flush()
    (row,) = KunjunganHarian.objects.all()
    assert row.bagian == "statistik" and row.jumlah == 1


# ----------------------------------------------------------------------------- pages

MATRIX = {
    "portal.statistik.view": {*Role, "pemohon", "anonim"},
    "portal.statistik.staf": {Role.DESK, Role.PPID, Role.ATASAN, Role.PEMBINA},
}


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    assert access.can(user, action) == (role in MATRIX[action])


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*Role, "pemohon", "anonim"])
def test_who_opens_which_statistics_page(client, users, role):
    if role != "anonim":
        client.force_login(users[role])
    assert client.get(reverse("portal:statistik")).status_code == 200
    staff = client.get(reverse("portal:statistik_staf"))
    if role == "anonim":
        assert staff.status_code == 302 and staff["Location"].startswith("/masuk/")
    else:
        assert staff.status_code == (200 if role in MATRIX["portal.statistik.staf"] else 403)


@pytest.mark.django_db
def test_public_page_shows_every_section_with_tables_and_csv_links(client):
    KunjunganHarian.objects.create(tanggal=date(2025, 3, 1), bagian="beranda", jumlah=5)
    html = client.get(reverse("portal:statistik"), {"tahun": 2025, "bulan": 3}).content.decode()
    for heading in (
        "Permohonan informasi",
        "Keberatan dan sengketa informasi",
        "Daftar Informasi Publik",
        "Survei kepuasan layanan",
        "Kunjungan situs",
    ):
        assert heading in html
    assert "<title>Statistik layanan informasi publik · Maret 2025" in html
    assert "?tahun=2025&amp;bulan=3&amp;unduh=kunjungan-harian" in html
    assert '<caption class="visually-hidden">Tampilan halaman per hari, Maret 2025' in html
    assert "Komentar dan saran pemohon" not in html and "per unit kerja (disposisi)" not in html


@pytest.mark.django_db
def test_csv_download_has_the_numbers(client):
    KunjunganHarian.objects.create(tanggal=date(2025, 3, 1), bagian="beranda", jumlah=5)
    response = client.get(
        reverse("portal:statistik"), {"tahun": 2025, "bulan": 3, "unduh": "kunjungan-harian"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="statistik-kunjungan-harian-2025-03.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Tanggal", "Tampilan halaman"]
    assert rows[1] == ["2025-03-01", "5"] and len(rows) == 32
    assert client.get(reverse("portal:statistik"), {"unduh": "tidak-ada"}).status_code == 404


@pytest.mark.django_db
def test_bad_period_falls_back_to_this_year(client):
    from django.utils import timezone

    html = client.get(reverse("portal:statistik"), {"tahun": "x", "bulan": 99}).content.decode()
    assert f"Tahun {timezone.localdate().year}" in html


def _traffic(users, n):
    from tests.permohonan.factories import decided, submit_desk

    for i in range(n):
        submit_desk(users[Role.DESK], email=f"p{i}@contoh.id")
        KunjunganHarian.objects.create(tanggal=date(2026, 1, 1 + i), bagian="beranda", jumlah=i)
    decided(users)


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 12])
def test_statistics_pages_use_a_bounded_number_of_queries(
    client, users, n, django_assert_max_num_queries
):
    _traffic(users, n)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("portal:statistik")).status_code == 200
    client.force_login(users[Role.PPID])
    with django_assert_max_num_queries(26):
        assert client.get(reverse("portal:statistik_staf")).status_code == 200
    with django_assert_max_num_queries(26):
        response = client.get(reverse("portal:statistik_staf"), {"unduh": "permohonan-kanal"})
        assert response.status_code == 200
