"""Settings of the arsip app, each with a default; an office overrides them in settings or the
environment-driven settings module without touching this app."""

from __future__ import annotations

from django.conf import settings

# Models an archive item or an activity record may be linked to ("app_label.ModelName").
# Resolved at runtime: a model whose app is not installed is skipped.
TAUTAN_MODELS_DEFAULT = ("informasi.InformasiPublik", "permohonan.Permohonan")

# States that mean "finished" per model, for the monthly system-use report ("requests received
# and finished"). Keys are "app_label.modelname" (lower case), values the state values written
# to the audit trail's `to_state`.
STATUS_SELESAI_DEFAULT: dict[str, tuple[str, ...]] = {
    # Permohonan.Status: a request ends as selesai (decided and delivered), ditarik (withdrawn by
    # the applicant) or gugur (not completed in time).
    "permohonan.permohonan": ("selesai", "ditarik", "gugur"),
}

# How many days ahead the retention report and the dashboard look for items coming due.
RETENSI_HORIZON_HARI_DEFAULT = 90

# A backup older than this (days) is reported on the PPID's dashboard.
CADANGAN_MAKS_UMUR_HARI_DEFAULT = 2

# Number of the berita acara pemusnahan. Fields: {urut} (sequence in the year of approval,
# gapless), {tahun}, {bulan} (01–12), {bulan_romawi} (I–XII) of the day of approval.
NOMOR_BERITA_ACARA_DEFAULT = "{urut:03d}/BA-PMS/PPID/{tahun}"


def tautan_models() -> tuple[str, ...]:
    return tuple(getattr(settings, "ARSIP_TAUTAN_MODELS", TAUTAN_MODELS_DEFAULT))


def status_selesai() -> dict[str, tuple[str, ...]]:
    return dict(getattr(settings, "ARSIP_STATUS_SELESAI", STATUS_SELESAI_DEFAULT))


def retensi_horizon_hari() -> int:
    return int(getattr(settings, "ARSIP_RETENSI_HORIZON_HARI", RETENSI_HORIZON_HARI_DEFAULT))


def cadangan_maks_umur_hari() -> int:
    return int(getattr(settings, "ARSIP_CADANGAN_MAKS_UMUR_HARI", CADANGAN_MAKS_UMUR_HARI_DEFAULT))


def nomor_berita_acara_format() -> str:
    return str(getattr(settings, "ARSIP_NOMOR_BERITA_ACARA", NOMOR_BERITA_ACARA_DEFAULT))
