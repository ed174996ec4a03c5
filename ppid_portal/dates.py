"""Dates and times as a person in the office reads them.

The database and the code keep aware datetimes in UTC. Everything a person reads (pages, letters,
registers, exports, e-mails) shows them in the office's time zone (settings.TIME_ZONE, WIB by
default; WITA and WIT offices set PPID_TIME_ZONE) and the Indonesian way: "05-12-2026" in tables
and registers, "5 Desember 2026" in letters, "05-12-2026 00.30 WIB" for a moment.

An aware datetime formatted with strftime prints its UTC date, which in Jakarta is the previous
day between 00:00 and 07:00 WIB; every formatter here converts first, so no caller has to.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

BULAN = (
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Indonesia's three zones (Keppres 41/1987). Any other zone is shown by its UTC offset.
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Ujung_Pandang": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_name() -> str:
    """WIB, WITA or WIT for the office's zone; "UTC+hh:mm" for any other."""
    name = str(settings.TIME_ZONE)
    if name in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[name]
    offset = datetime.now(ZoneInfo(name)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local(value: date | datetime | str | None) -> date | datetime | None:
    """An aware datetime (or its ISO text) in the office's zone; a date or naive value as is."""
    if isinstance(value, str):
        value = parse(value)
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def local_date(value: date | datetime | str | None) -> date | None:
    """The calendar date in the office's zone of a datetime, or the date itself."""
    value = local(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def parse(text: str) -> date | datetime | None:
    """A date or datetime from ISO text (as stored in JSON snapshots); None for empty text."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text)
        return date.fromisoformat(text)
    except ValueError:
        return None


def tanggal(value: date | datetime | str | None) -> str:
    """dd-mm-yyyy in the office's zone; "" for nothing."""
    day = local_date(value)
    return f"{day:%d-%m-%Y}" if day else ""


def tanggal_panjang(value: date | datetime | str | None) -> str:
    """"5 Desember 2026" in the office's zone, as letters and decrees write it."""
    day = local_date(value)
    return f"{day.day} {BULAN[day.month]} {day.year}" if day else ""


def waktu(value: datetime | str | None) -> str:
    """dd-mm-yyyy hh.mm and the zone ("05-12-2026 00.30 WIB"); a plain date without a time."""
    moment = local(value)
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return tanggal(moment)
    return f"{moment:%d-%m-%Y %H.%M} {zone_name()}"
