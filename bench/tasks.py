"""Measured one-off tasks of the benchmark, each in its own process so its peak memory is its
own. `python -m bench.tasks import|export|backup` prints one JSON line.

- import: a 10,000-row DIP spreadsheet (the Perki layout, made from the published version as an
  export would be) uploaded, checked (dry run) and imported by the PPID through the services the
  import pages call;
- laporan: the annual report (laporan layanan informasi publik) of last year, the one full
  year of the dataset: its figures computed from the registers (`permohonan.laporan.hitung`),
  then the whole approval by the PPID through the workflow (figures frozen, PDF and XLSX
  stored, the report proposed as a DIP entry); and this year's figures so far;
- export: the register of the 20,000 requests as XLSX, through the staff page;
- backup: `manage.py backup` of the whole dataset (database and media), then the bundle is
  removed again.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from ppid_portal.models import UnitKerja, User  # noqa: E402
from ppid_portal.roles import Role  # noqa: E402

IMPORT_ROWS = 10_000
DATA = Path(__file__).resolve().parent / ".data"


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def current_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def user(role: Role) -> User:
    return User.objects.filter(groups__name=role.value).order_by("pk").first()


def do_import() -> dict:
    from informasi import selectors, services, spreadsheet
    from ppid_portal.documents import build_xlsx

    versi = selectors.published_version()
    with translation.override("id"):
        rows = [
            spreadsheet.row_values(row)
            for row in selectors.version_rows(versi).order_by("nomor_urut")[:IMPORT_ROWS]
        ]
        content = build_xlsx(
            [("DIP", spreadsheet.headers(), rows)], title_lines=spreadsheet.title_lines(versi)
        )
    del rows
    ppid = user(Role.PPID)
    unit = UnitKerja.objects.order_by("pk").first()
    before = current_mb()
    started = time.monotonic()
    upload = SimpleUploadedFile("dip-impor-10000.xlsx", content, content_type=spreadsheet.XLSX_MIME)
    impor = services.import_upload(actor=ppid, unit=unit, upload=upload)
    result = services.import_check(impor)
    checked = time.monotonic()
    if not result.valid:
        return {"error": f"{len(result.errors)} errors", "sample": str(result.errors[:3])}
    created = services.import_run(actor=ppid, impor=impor)
    done = time.monotonic()
    return {
        "rows": len(created),
        "file_bytes": len(content),
        "check_seconds": round(checked - started, 1),
        "import_seconds": round(done - checked, 1),
        "total_seconds": round(done - started, 1),
        "rss_before_mb": before,
        "peak_rss_mb": peak_mb(),
    }


def do_laporan() -> dict:
    from django.utils import timezone

    from permohonan import laporan, workflow
    from permohonan.models import LaporanTahunan, Permohonan
    from ppid_portal import mail
    from ppid_portal.statistik import Periode

    ppid = user(Role.PPID)
    unit = UnitKerja.objects.filter(aktif=True).order_by("pk").first()
    year = timezone.localdate().year - 1
    before = current_mb()
    started = time.monotonic()
    figures = laporan.hitung(Periode(year))
    computed = time.monotonic()
    draft = workflow.laporan_create(actor=ppid, tahun=year)
    LaporanTahunan.objects.filter(pk=draft.pk).update(
        **{name: f"Uraian {name} tahun {year}." for name in LaporanTahunan.NARASI}
    )
    with mail.muted():  # the benchmark measures the report, not a mail server
        approved = workflow.laporan_approve(actor=ppid, laporan_id=draft.pk, unit=unit)
    done = time.monotonic()
    current = time.monotonic()
    laporan.hitung(Periode(year + 1))
    current_done = time.monotonic()
    return {
        "year": year,
        "requests_in_year": Permohonan.objects.filter(tanggal_diterima__year=year).count(),
        "requests_in_dataset": Permohonan.objects.count(),
        "figures_seconds": round(computed - started, 2),
        "approve_seconds": round(done - computed, 2),
        "total_seconds": round(done - started, 2),
        "this_year_figures_seconds": round(current_done - current, 2),
        "pdf_bytes": approved.berkas_pdf.size,
        "xlsx_bytes": approved.berkas_xlsx.size,
        "sections": len(figures) if hasattr(figures, "__len__") else None,
        "rss_before_mb": before,
        "peak_rss_mb": peak_mb(),
    }


def do_export() -> dict:
    from permohonan.models import Permohonan

    client = Client()
    client.force_login(user(Role.DESK))
    before = current_mb()
    started = time.monotonic()
    response = client.get("/permohonan/staf/register/permohonan/", {"ekspor": "xlsx"})
    body = b"".join(response) if response.streaming else response.content
    elapsed = time.monotonic() - started
    return {
        "what": "register permohonan XLSX",
        "status": response.status_code,
        "rows": Permohonan.objects.count(),
        "bytes": len(body),
        "seconds": round(elapsed, 2),
        "rss_before_mb": before,
        "peak_rss_mb": peak_mb(),
    }


def do_backup() -> dict:
    target = DATA / "backups"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    before = current_mb()
    started = time.monotonic()
    call_command("backup", str(target), stdout=sys.stderr)
    elapsed = time.monotonic() - started
    bundles = list(target.glob("ppid-cadangan-*.tar"))
    size = sum(b.stat().st_size for b in bundles)
    shutil.rmtree(target, ignore_errors=True)
    return {
        "seconds": round(elapsed, 1),
        "bytes": size,
        "size_mb": round(size / 1024 / 1024, 1),
        "rss_before_mb": before,
        "peak_rss_mb": peak_mb(),
    }


if __name__ == "__main__":
    name = sys.argv[1]
    tasks = {"import": do_import, "laporan": do_laporan, "export": do_export, "backup": do_backup}
    result = tasks[name]()
    print(json.dumps(result))
