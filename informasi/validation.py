"""The rules every DIP entry's values must satisfy, whether typed in a form, imported from a
spreadsheet or set by the Desk. Pure: no database."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import pengecualian
from .models import BENTUK_FIELDS, InformasiPublik, Kategori

TEXT_LIMITS: dict[str, int] = {
    "ringkasan": 4000,
    "pejabat_penguasa": 300,
    "penanggung_jawab": 300,
    "waktu_tempat": 300,
    "retensi": 300,
    "kode_klasifikasi": 40,
    "subjek": 300,
}
REQUIRED_TEXT = ("ringkasan", "pejabat_penguasa", "penanggung_jawab", "waktu_tempat")
MIN_YEAR = 1945


def field_label(name: str) -> str:
    if name == "bentuk":
        return _("bentuk informasi yang tersedia")
    return str(InformasiPublik._meta.get_field(name).verbose_name)


def normalize_subjek(text: str) -> str:
    seen: list[str] = []
    for part in (text or "").split(","):
        part = " ".join(part.split())
        if part and part.lower() not in {s.lower() for s in seen}:
            seen.append(part)
    return ", ".join(seen)


def clean_values(values: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Return the values tidied (spaces, subject list), or raise ValidationError with one
    Indonesian message per field."""
    today = today or timezone.localdate()
    cleaned = dict(values)
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for name, limit in TEXT_LIMITS.items():
        text = cleaned.get(name)
        text = "" if text is None else str(text).strip()
        if name != "ringkasan":
            text = " ".join(text.split())
        cleaned[name] = text
        if len(text) > limit:
            fail(
                name,
                _("%(field)s terlalu panjang (%(n)s karakter, maksimum %(max)s).")
                % {"field": field_label(name).capitalize(), "n": len(text), "max": limit},
            )
    for name in REQUIRED_TEXT:
        if not cleaned[name]:
            fail(name, _("%(field)s wajib diisi.") % {"field": field_label(name).capitalize()})
    cleaned["subjek"] = normalize_subjek(cleaned["subjek"])

    for name, _label in BENTUK_FIELDS:
        cleaned[name] = bool(cleaned.get(name))
    if not any(cleaned[name] for name, _label in BENTUK_FIELDS):
        fail(
            "bentuk",
            _(
                "Pilih minimal satu bentuk informasi yang tersedia "
                "(softcopy, hardcopy, cetak, rekam, atau online)."
            ),
        )

    tahun = cleaned.get("tahun")
    if tahun in (None, ""):
        fail("tahun", _("Tahun wajib diisi."))
    else:
        try:
            tahun = int(tahun)
        except (TypeError, ValueError):
            fail("tahun", _("Tahun harus berupa angka, misalnya 2024."))
        else:
            if not MIN_YEAR <= tahun <= today.year + 1:
                fail(
                    "tahun",
                    _("Tahun harus antara %(min)s dan %(max)s.")
                    % {"min": MIN_YEAR, "max": today.year + 1},
                )
            cleaned["tahun"] = tahun

    kategori = cleaned.get("kategori") or ""
    alasan = cleaned.get("alasan_pengecualian") or ""
    berakhir = cleaned.get("pengecualian_berakhir") or None
    cleaned["alasan_pengecualian"] = alasan
    cleaned["pengecualian_berakhir"] = berakhir
    if kategori not in Kategori.values:
        fail("kategori", _("Pilih kategori informasi."))
    elif kategori == Kategori.DIKECUALIKAN:
        if alasan not in pengecualian.Alasan.values:
            fail(
                "alasan_pengecualian",
                _(
                    "Informasi yang dikecualikan wajib menyebut dasar pengecualian "
                    "(Pasal 17 huruf a–j)."
                ),
            )
        elif pengecualian.needs_end_date(alasan) and berakhir is None:
            # UU 14/2008 Ps 20(1): grounds a–f are not permanent.
            fail(
                "pengecualian_berakhir",
                _(
                    "Pengecualian berdasarkan Pasal 17 huruf a–f tidak permanen: isi tanggal "
                    "berakhirnya pengecualian."
                ),
            )
        if berakhir is not None and berakhir <= today:
            fail(
                "pengecualian_berakhir",
                _(
                    "Tanggal berakhirnya pengecualian sudah lewat: informasi ini tidak lagi "
                    "dikecualikan."
                ),
            )
    else:
        if alasan:
            fail(
                "alasan_pengecualian",
                _("Dasar pengecualian hanya diisi untuk kategori Dikecualikan."),
            )
        if berakhir is not None:
            fail(
                "pengecualian_berakhir",
                _("Tanggal berakhirnya pengecualian hanya diisi untuk kategori Dikecualikan."),
            )
    if errors:
        raise ValidationError(errors)
    return cleaned
