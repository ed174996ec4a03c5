"""Checks of what applicants type, shared by forms and the workflow."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def clean_nik(value: str) -> str:
    """A NIK (Nomor Induk Kependudukan, UU 24/2013): 16 digits; digits 1–6 the region, 7–12 the
    birth date (day + 40 for women), 13–16 a serial that is never 0000. Returns the digits."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not digits.isdigit() or len(digits) != 16:
        raise ValidationError(_("NIK harus terdiri atas 16 angka sesuai KTP."), code="nik_length")
    province = int(digits[:2])
    day, month = int(digits[6:8]), int(digits[8:10])
    if day > 40:
        day -= 40
    if province < 11 or not 1 <= day <= 31 or not 1 <= month <= 12 or digits[12:] == "0000":
        raise ValidationError(
            _("NIK tidak valid. Periksa kembali 16 angka NIK pada KTP Anda."), code="nik_invalid"
        )
    return digits


def mask_nik(value: str) -> str:
    """All but the last four digits hidden, for lists and exports."""
    if not value:
        return ""
    return "*" * (len(value) - 4) + value[-4:] if len(value) > 4 else "*" * len(value)


_PHONE = re.compile(r"^\+?[0-9 ()\-.]{6,25}$")


def clean_telepon(value: str) -> str:
    value = (value or "").strip()
    if not _PHONE.match(value) or sum(ch.isdigit() for ch in value) < 6:
        raise ValidationError(
            _("Nomor telepon hanya boleh berisi angka, spasi, tanda +, -, dan tanda kurung."),
            code="telepon",
        )
    return value
