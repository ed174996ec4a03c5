"""Settings of the permohonan app, each with a default. An office overrides them in its settings
(or the environment-driven settings module) without touching this app.

The legal deadlines themselves (10 working days, 7, 30, 30, 14 ...) are not here: they live in the
`AturanTenggat` table, editable by the PPID, so an office under Perki 1/2019 (election
information) can keep its own profile next to the Perki 1/2021 one. See `docs/permohonan.md`.
"""

from __future__ import annotations

from django.conf import settings

# Number formats. Fields: {urut} (sequence in the year, gapless), {tahun}, {bulan} (01–12),
# {bulan_romawi} (I–XII) of the day the number is issued. The sequence restarts every year.
NOMOR_PERMOHONAN_DEFAULT = "{urut:03d}/PPID/{bulan_romawi}/{tahun}"
NOMOR_KEBERATAN_DEFAULT = "{urut:03d}/KEB/PPID/{bulan_romawi}/{tahun}"
NOMOR_PEMBERITAHUAN_DEFAULT = "{urut:03d}/PT/PPID/{bulan_romawi}/{tahun}"
NOMOR_TANGGAPAN_DEFAULT = "{urut:03d}/TK/PPID/{bulan_romawi}/{tahun}"

# Identity scans (KTP, power of attorney, deed): PDF/JPG/PNG up to this size.
IDENTITAS_MAX_MB_DEFAULT = 5

# Per-address limits of the public forms: (requests allowed, window in seconds).
BATAS_AJUKAN_DEFAULT = (5, 60 * 60)
BATAS_KEBERATAN_DEFAULT = (5, 60 * 60)
BATAS_LACAK_DEFAULT = (10, 15 * 60)
BATAS_DAFTAR_DEFAULT = (5, 60 * 60)

# `kirim_pengingat`: requests due within this many working days are reported.
PENGINGAT_HARI_DEFAULT = 2

# A letter or e-mail received earlier may be logged by the desk with its real date of receipt,
# at most this many days back.
CATAT_MUNDUR_MAKS_HARI_DEFAULT = 30


def _get(name: str, default):
    return getattr(settings, name, default)


def nomor_format(jenis: str) -> str:
    defaults = {
        "permohonan": ("PPID_NOMOR_PERMOHONAN", NOMOR_PERMOHONAN_DEFAULT),
        "keberatan": ("PPID_NOMOR_KEBERATAN", NOMOR_KEBERATAN_DEFAULT),
        "pemberitahuan": ("PPID_NOMOR_PEMBERITAHUAN", NOMOR_PEMBERITAHUAN_DEFAULT),
        "tanggapan": ("PPID_NOMOR_TANGGAPAN", NOMOR_TANGGAPAN_DEFAULT),
    }
    name, default = defaults[jenis]
    return str(_get(name, default))


def identitas_max_bytes() -> int:
    return int(_get("PPID_IDENTITAS_MAX_MB", IDENTITAS_MAX_MB_DEFAULT)) * 1024 * 1024


def batas(scope: str) -> tuple[int, int]:
    defaults = {
        "ajukan": ("PPID_BATAS_AJUKAN", BATAS_AJUKAN_DEFAULT),
        "keberatan": ("PPID_BATAS_KEBERATAN", BATAS_KEBERATAN_DEFAULT),
        "lacak": ("PPID_BATAS_LACAK", BATAS_LACAK_DEFAULT),
        "daftar": ("PPID_BATAS_DAFTAR", BATAS_DAFTAR_DEFAULT),
    }
    name, default = defaults[scope]
    limit, window = _get(name, default)
    return int(limit), int(window)


def pengingat_hari() -> int:
    return int(_get("PPID_PENGINGAT_HARI", PENGINGAT_HARI_DEFAULT))


def catat_mundur_maks_hari() -> int:
    return int(_get("PPID_CATAT_MUNDUR_MAKS_HARI", CATAT_MUNDUR_MAKS_HARI_DEFAULT))


def site_url() -> str:
    return str(settings.PPID_SITE_URL).rstrip("/")
