"""Figures of the published DIP for the statistics pages (registered with
`ppid_portal.statistik`) and the annual report: entries by category and by unit, and downloads
per entry. The DIP is a register, not a flow: its figures describe the version on the website
now, whatever period is chosen. Downloads are the running count kept on each entry."""

from __future__ import annotations

from django.db.models import Count
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal.statistik import Periode, Sorotan, Tabel, fmt, register_bagian

from . import selectors
from .models import EntriVersi, Kategori, VersiDIP

TOP_DOWNLOADS = 20


def per_kategori(versi: VersiDIP | None) -> list[tuple[str, int]]:
    counts = selectors.category_counts(versi)
    return [(str(label), counts[value]) for value, label in Kategori.choices]


def per_unit(versi: VersiDIP | None) -> list[tuple[str, int]]:
    if versi is None:
        return []
    return list(
        EntriVersi.objects.filter(versi=versi)
        .values("unit__nama")
        .annotate(n=Count("id"))
        .values_list("unit__nama", "n")
        .order_by("-n", "unit__nama")
    )


def unduhan(versi: VersiDIP | None, *, limit: int = TOP_DOWNLOADS) -> list[tuple[str, str, int]]:
    """The most downloaded entries of the published version: (No., summary, downloads).
    Excepted entries have no public documents and are left out."""
    if versi is None:
        return []
    rows = (
        EntriVersi.objects.filter(versi=versi, informasi__jumlah_unduhan__gt=0)
        .exclude(kategori=Kategori.DIKECUALIKAN)
        .values_list("nomor_urut", "ringkasan", "informasi__jumlah_unduhan")
        .order_by("-informasi__jumlah_unduhan", "nomor_urut")[:limit]
    )
    return [(Truncator(ringkasan).chars(90), str(nomor), n) for nomor, ringkasan, n in rows]


def _tables(periode: Periode, staf: bool) -> list[Tabel]:
    versi = selectors.published_version()
    if versi is None:
        note = _("DIP belum dipublikasikan.")
    else:
        note = _("DIP yang dipublikasikan saat ini: versi %(n)s, SK %(sk)s.") % {
            "n": versi.nomor,
            "sk": versi.nomor_sk,
        }
    jumlah = _("Jumlah informasi")
    return [
        Tabel(
            key="dip-kategori",
            judul=_("Informasi dalam DIP menurut kategori"),
            header=[_("Kategori"), jumlah],
            rows=per_kategori(versi),
            keterangan=note,
        ),
        Tabel(
            key="dip-unit",
            judul=_("Informasi dalam DIP menurut unit kerja"),
            header=[_("Unit kerja"), jumlah],
            rows=per_unit(versi),
            keterangan=note,
        ),
        Tabel(
            key="dip-unduhan",
            judul=_("Informasi yang paling banyak diunduh"),
            header=[_("Ringkasan informasi"), _("No. DIP"), _("Jumlah unduhan")],
            rows=unduhan(versi),
            keterangan=_(
                "Jumlah unduhan dokumen setiap informasi sejak pertama dipublikasikan "
                "(termasuk tautan yang dibuka), %(n)s teratas."
            )
            % {"n": TOP_DOWNLOADS},
            nilai=2,
        ),
    ]


def _sorotan(periode: Periode) -> list[Sorotan]:
    versi = selectors.published_version()
    if versi is None:
        return []
    total = sum(selectors.category_counts(versi).values())
    return [
        Sorotan(
            "dip",
            _("Informasi dalam DIP"),
            fmt(total),
            _("versi %(n)s, SK %(sk)s") % {"n": versi.nomor, "sk": versi.nomor_sk},
        )
    ]


register_bagian(
    "dip",
    judul=gettext_lazy("Daftar Informasi Publik"),
    tables=_tables,
    sorotan=_sorotan,
    order=30,
)
