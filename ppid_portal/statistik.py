"""Statistics of the portal: one registry read by the public and staff statistics pages, the
home page's headline figures and the CSV downloads.

Each app registers its sections in `<app>/statistik.py` (autodiscovered at startup like
`rules` and `queues`). A section returns `Tabel`s for a `Periode`: the numbers of one figure,
which the pages draw as a server-side SVG chart (`ppid_portal.charts`), list as an accessible
table and offer as CSV. Builders aggregate in the database with a bounded number of queries,
whatever the number of rows behind them.

This module also registers the portal's own section: page views per day (`KunjunganHarian`,
counted without personal data by `ppid_portal.pageviews`).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Sum
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ROMAN_QUARTER = ("", "I", "II", "III", "IV")


def month_name(month: int) -> str:
    names = (
        "",
        _("Januari"),
        _("Februari"),
        _("Maret"),
        _("April"),
        _("Mei"),
        _("Juni"),
        _("Juli"),
        _("Agustus"),
        _("September"),
        _("Oktober"),
        _("November"),
        _("Desember"),
    )
    return str(names[month])


def month_short(month: int) -> str:
    return month_name(month)[:3]


@dataclass(frozen=True)
class Periode:
    """A calendar year, or one month or quarter of it. Dates are inclusive."""

    tahun: int
    bulan: int | None = None
    triwulan: int | None = None

    def __post_init__(self):
        if self.bulan is not None and self.triwulan is not None:
            raise ValueError("a period is a month or a quarter, not both")
        if self.bulan is not None and not 1 <= self.bulan <= 12:
            raise ValueError("month out of range")
        if self.triwulan is not None and not 1 <= self.triwulan <= 4:
            raise ValueError("quarter out of range")

    @property
    def bulan_list(self) -> list[int]:
        if self.bulan:
            return [self.bulan]
        if self.triwulan:
            first = (self.triwulan - 1) * 3 + 1
            return [first, first + 1, first + 2]
        return list(range(1, 13))

    @property
    def awal(self) -> date:
        return date(self.tahun, self.bulan_list[0], 1)

    @property
    def akhir(self) -> date:
        last = self.bulan_list[-1]
        return date(self.tahun, last, calendar.monthrange(self.tahun, last)[1])

    @property
    def label(self) -> str:
        if self.bulan:
            return f"{month_name(self.bulan)} {self.tahun}"
        if self.triwulan:
            return _("Triwulan %(q)s %(tahun)s") % {
                "q": ROMAN_QUARTER[self.triwulan],
                "tahun": self.tahun,
            }
        return _("Tahun %(tahun)s") % {"tahun": self.tahun}

    @property
    def slug(self) -> str:
        if self.bulan:
            return f"{self.tahun}-{self.bulan:02d}"
        if self.triwulan:
            return f"{self.tahun}-tw{self.triwulan}"
        return str(self.tahun)

    def days(self) -> list[date]:
        return [self.awal + timedelta(days=i) for i in range((self.akhir - self.awal).days + 1)]


@dataclass
class Tabel:
    """The numbers of one figure: a header and rows, the first column naming each row.

    `grafik` chooses the chart: "batang" (horizontal bars, for categories), "kolom" (vertical
    bars, for months), "garis" (a line, for days) or "" (table only). `nilai` is the column the
    chart draws. `staf_saja` figures appear only on the staff page.
    """

    key: str
    judul: str
    header: Sequence[str]
    rows: list[Sequence[Any]]
    keterangan: str = ""
    grafik: str = "batang"
    nilai: int = 1
    satuan: str = ""
    staf_saja: bool = False
    catatan: str = ""

    @property
    def kosong(self) -> bool:
        """No row has a number other than zero: the page says so instead of drawing."""
        return not any(
            isinstance(row[self.nilai], (int, float)) and row[self.nilai] for row in self.rows
        )

    @property
    def panjang(self) -> bool:
        return len(self.rows) > 31


@dataclass(frozen=True)
class Sorotan:
    """A headline figure for the home page."""

    key: str
    label: str
    nilai: str
    keterangan: str = ""


@dataclass(frozen=True)
class Bagian:
    key: str
    judul: Any
    order: int
    tables: Callable[[Periode, bool], list[Tabel]]
    sorotan: Callable[[Periode], list[Sorotan]] | None = None
    keterangan: Any = ""


_sections: dict[str, Bagian] = {}


def register_bagian(
    key: str,
    *,
    judul,
    tables: Callable[[Periode, bool], list[Tabel]],
    sorotan: Callable[[Periode], list[Sorotan]] | None = None,
    order: int = 100,
    keterangan="",
) -> None:
    """Declare a section. `tables(periode, staf)` returns its figures (staff-only ones only when
    `staf` is true); `sorotan(periode)` its headline figures for the home page."""
    if key in _sections:
        raise ValueError(f"statistics section {key!r} registered twice")
    _sections[key] = Bagian(key, judul, order, tables, sorotan, keterangan)


def registered_sections() -> list[Bagian]:
    return sorted(_sections.values(), key=lambda b: (b.order, b.key))


@dataclass
class Hasil:
    bagian: Bagian
    tabel: list[Tabel] = field(default_factory=list)


def build(periode: Periode, *, staf: bool) -> list[Hasil]:
    """Every registered section's figures for the period; staff-only figures only for staff."""
    result = []
    for bagian in registered_sections():
        tables = [t for t in bagian.tables(periode, staf) if staf or not t.staf_saja]
        if tables:
            result.append(Hasil(bagian, tables))
    return result


def headlines(periode: Periode) -> list[Sorotan]:
    items: list[Sorotan] = []
    for bagian in registered_sections():
        if bagian.sorotan is not None:
            items.extend(bagian.sorotan(periode))
    return items


# ----------------------------------------------------------------------------- arithmetic


def median(values: Iterable[float]) -> float | None:
    """The middle value (the mean of the two middle values for an even count)."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return None
    middle = n // 2
    if n % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Iterable[float], p: float) -> float | None:
    """The nearest-rank percentile: the smallest value with at least p% of the values at or
    below it (for p=90: 90% of requests were answered within this many days)."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return float(ordered[rank - 1])


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def share(part: int, whole: int) -> float | None:
    """Percentage rounded to one decimal, or None when there is nothing to divide."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def fmt(value, decimals: int = 1) -> str:
    """A number as the active language writes it ("—" for none)."""
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return formats.number_format(value, decimals)
    return formats.number_format(int(value))


# ----------------------------------------------------------------------------- page views


def kunjungan_per_hari(periode: Periode) -> list[tuple[date, int]]:
    """Page views per day of the period (all site sections together), zero days included."""
    from .models import KunjunganHarian

    counts = dict(
        KunjunganHarian.objects.filter(tanggal__range=(periode.awal, periode.akhir))
        .values("tanggal")
        .annotate(n=Sum("jumlah"))
        .values_list("tanggal", "n")
        .order_by()
    )
    return [(day, counts.get(day, 0)) for day in periode.days()]


SECTION_LABELS = {
    "beranda": gettext_lazy("Beranda"),
    "informasi": gettext_lazy("Daftar Informasi Publik"),
    "permohonan": gettext_lazy("Permohonan dan keberatan"),
    "arsip": gettext_lazy("Arsip"),
    "profil": gettext_lazy("Profil PPID"),
    "regulasi": gettext_lazy("Regulasi dan SOP"),
    "statistik": gettext_lazy("Statistik"),
    "lainnya": gettext_lazy("Lainnya"),
}


def kunjungan_per_bagian(periode: Periode) -> list[tuple[str, int]]:
    from .models import KunjunganHarian

    rows = (
        KunjunganHarian.objects.filter(tanggal__range=(periode.awal, periode.akhir))
        .values("bagian")
        .annotate(n=Sum("jumlah"))
        .values_list("bagian", "n")
        .order_by("-n", "bagian")
    )
    return [(str(SECTION_LABELS.get(bagian, bagian)), n) for bagian, n in rows]


def _kunjungan_tables(periode: Periode, staf: bool) -> list[Tabel]:
    per_hari = kunjungan_per_hari(periode)
    definisi = _(
        "Tampilan halaman publik yang dihitung portal sendiri: tanpa alamat IP, tanpa cookie, "
        "tanpa pelacak luar. Kunjungan staf yang masuk tidak dihitung."
    )
    return [
        Tabel(
            key="kunjungan-harian",
            judul=_("Tampilan halaman per hari"),
            header=[_("Tanggal"), _("Tampilan halaman")],
            rows=per_hari,
            keterangan=definisi,
            grafik="garis",
        ),
        Tabel(
            key="kunjungan-bagian",
            judul=_("Tampilan halaman per bagian situs"),
            header=[_("Bagian situs"), _("Tampilan halaman")],
            rows=kunjungan_per_bagian(periode),
            keterangan=definisi,
        ),
    ]


register_bagian(
    "kunjungan",
    judul=gettext_lazy("Kunjungan situs"),
    tables=_kunjungan_tables,
    order=90,
)
