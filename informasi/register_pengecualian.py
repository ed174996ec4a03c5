"""The public register of excepted information (daftar informasi yang dikecualikan) as rows for
its page, its downloads and the JSON API.

Only metadata, as UU 14/2008 Ps 17 and Perki 1/2021 allow: the decree's number and date, a
description written to reveal nothing excepted, the unit, the ground, the scope and the period.
Never the documents, the test sheet's analysis, or internal notes: the rows are built from the
few columns `selectors.register_rows` reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ppid_portal.documents import build_xlsx

from . import pengecualian
from .models import PenetapanPengecualian


def headers() -> list[str]:
    return [
        pgettext("kolom DIP", "No"),
        _("Nomor Penetapan"),
        _("Tanggal Penetapan"),
        _("Uraian Informasi"),
        _("Unit yang Menguasai"),
        _("Dasar Pengecualian"),
        _("Alasan"),
        _("Cakupan"),
        _("Berlaku Sejak"),
        _("Berlaku Sampai"),
    ]


def ground_text(p: PenetapanPengecualian) -> str:
    text = pengecualian.description(p.alasan)
    # Ground j is "closed by another law": that law is part of the ground.
    if p.alasan == "j" and p.dasar_hukum_lain:
        text = f"{text} ({p.dasar_hukum_lain})"
    return text


def row_values(index: int, p: PenetapanPengecualian) -> list[Any]:
    return [
        index,
        p.nomor,
        p.tanggal,
        p.uraian_publik,
        p.unit.nama if p.unit_id else "",
        pengecualian.short_label(p.alasan),
        ground_text(p),
        p.get_cakupan_display(),
        p.tanggal,
        _("Tanpa batas waktu") if p.permanen else p.berakhir_pada,
    ]


def title_lines(day: date) -> list[str]:
    return [
        settings.PPID_OFFICE_NAME,
        _("Daftar Informasi yang Dikecualikan"),
        _("Penetapan yang berlaku pada %(t)s") % {"t": formats.date_format(day, "j F Y")},
    ]


def export_xlsx(rows: Iterable[PenetapanPengecualian], day: date) -> bytes:
    with translation.override("id"):
        return build_xlsx(
            [(_("Dikecualikan"), headers(), export_rows(rows))], title_lines=title_lines(day)
        )


def register_sheet(rows: Iterable[PenetapanPengecualian]) -> tuple[str, list[str], list]:
    """The register as one more sheet of the public DIP workbook."""
    return (_("Informasi Dikecualikan"), headers(), export_rows(rows))


def export_rows(rows: Iterable[PenetapanPengecualian]) -> list[list[Any]]:
    return [row_values(index, p) for index, p in enumerate(rows, start=1)]


def row_json(p: PenetapanPengecualian) -> dict[str, Any]:
    return {
        "nomor": p.nomor,
        "tanggal": p.tanggal.isoformat(),
        "uraian": p.uraian_publik,
        "unit": {"kode": p.unit.kode, "nama": p.unit.nama} if p.unit_id else None,
        "huruf": p.alasan,
        "dasar": pengecualian.short_label(p.alasan),
        "alasan": ground_text(p),
        "cakupan": p.cakupan,
        "berlaku_sejak": p.tanggal.isoformat(),
        "berlaku_sampai": p.berakhir_pada.isoformat() if p.berakhir_pada else None,
        "permanen": p.permanen,
    }


def entry_penetapan_json(p: PenetapanPengecualian | None) -> dict[str, Any] | None:
    """What the DIP's API says of an excepted entry's decree in force."""
    if p is None:
        return None
    return {
        "nomor": p.nomor,
        "tanggal": p.tanggal.isoformat(),
        "cakupan": p.cakupan,
        "berlaku_sampai": p.berakhir_pada.isoformat() if p.berakhir_pada else None,
        "permanen": p.permanen,
    }
