"""Fixity check of the digital archive: every stored file re-hashed against the SHA-256 and size
recorded at upload, and every file on disk accounted for."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from ppid_portal.models import StoredFile

from ..models import BerkasArsip, PemeriksaanArsip, TemuanPemeriksaan

CHUNK = 1024 * 1024
J = TemuanPemeriksaan.Jenis


@dataclass
class _Hash:
    size: int
    sha256: str


def hash_file(path: Path) -> _Hash:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
    return _Hash(size, digest.hexdigest())


def referenced_names() -> set[str]:
    """Every file name any FileField of any installed model points to (StoredFile first of
    all), so a file some other model keeps is never called an orphan."""
    names: set[str] = set()
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for name in fields:
            names.update(
                n
                for n in model._base_manager.exclude(**{name: ""})
                .values_list(name, flat=True)
                .iterator()
                if n
            )
    return names


def _files_on_disk(root: Path):
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            yield path, path.relative_to(root).as_posix()


def pemeriksaan_run(media_root: Path | None = None) -> PemeriksaanArsip:
    """Run one fixity check and store it as a report row with its findings.

    Finds files recorded but missing, changed (digest or size differs), zero bytes, unreadable,
    files on disk that nothing refers to (orphans), and files of destroyed archive items that
    are still on disk. Destroyed files that are gone are expected and counted, not reported.
    """
    root = Path(media_root or settings.MEDIA_ROOT)
    mulai = timezone.now()
    findings: list[TemuanPemeriksaan] = []
    checked = 0
    bytes_read = 0
    destroyed_gone = 0
    destroyed = set(
        BerkasArsip.objects.filter(dimusnahkan_pada__isnull=False).values_list(
            "berkas_id", flat=True
        )
    )
    try:
        rows = StoredFile.objects.order_by("pk").values_list("pk", "file", "size", "sha256")
        for pk, name, size, sha256 in rows.iterator():
            path = root / name
            if pk in destroyed:
                if path.exists():
                    findings.append(
                        TemuanPemeriksaan(
                            jenis=J.SISA_MUSNAH,
                            berkas_id=pk,
                            path=name,
                            ukuran_tercatat=size,
                            sha256_tercatat=sha256,
                        )
                    )
                else:
                    destroyed_gone += 1
                continue
            checked += 1
            base = {
                "berkas_id": pk,
                "path": name,
                "ukuran_tercatat": size,
                "sha256_tercatat": sha256,
            }
            if not path.is_file():
                findings.append(TemuanPemeriksaan(jenis=J.HILANG, **base))
                continue
            try:
                found = hash_file(path)
            except OSError:
                findings.append(TemuanPemeriksaan(jenis=J.TIDAK_TERBACA, **base))
                continue
            bytes_read += found.size
            if found.size == 0:
                findings.append(
                    TemuanPemeriksaan(
                        jenis=J.KOSONG, ukuran_terbaca=0, sha256_terbaca=found.sha256, **base
                    )
                )
            elif found.size != size or found.sha256 != sha256:
                findings.append(
                    TemuanPemeriksaan(
                        jenis=J.BERUBAH,
                        ukuran_terbaca=found.size,
                        sha256_terbaca=found.sha256,
                        **base,
                    )
                )
        known = referenced_names()
        for path, rel in _files_on_disk(root):
            if rel in known:
                continue
            try:
                found = hash_file(path) if path.is_file() else None
            except OSError:
                found = None
            findings.append(
                TemuanPemeriksaan(
                    jenis=J.YATIM,
                    path=rel[:500],
                    ukuran_terbaca=found.size if found else None,
                    sha256_terbaca=found.sha256 if found else "",
                )
            )
    except Exception as exc:
        return PemeriksaanArsip.objects.create(
            mulai=mulai,
            selesai=timezone.now(),
            hasil=PemeriksaanArsip.Hasil.GAGAL,
            jumlah_berkas=checked,
            jumlah_bita=bytes_read,
            jumlah_masalah=len(findings),
            jumlah_dimusnahkan=destroyed_gone,
            pesan=f"{type(exc).__name__}: {exc}"[:2000],
        )
    with transaction.atomic():
        report = PemeriksaanArsip.objects.create(
            mulai=mulai,
            selesai=timezone.now(),
            hasil=PemeriksaanArsip.Hasil.BERMASALAH if findings else PemeriksaanArsip.Hasil.BAIK,
            jumlah_berkas=checked,
            jumlah_bita=bytes_read,
            jumlah_masalah=len(findings),
            jumlah_dimusnahkan=destroyed_gone,
        )
        for finding in findings:
            finding.pemeriksaan = report
        TemuanPemeriksaan.objects.bulk_create(findings, batch_size=500)
    return report
