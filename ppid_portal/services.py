"""Writes of the portal's own content pages; each writes the audit trail."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from . import access, audit
from .files import discard_on_rollback, store_upload
from .models import DokumenRegulasi, HalamanPortal, StoredFile


@transaction.atomic
def halaman_update(*, actor, halaman: HalamanPortal, data: dict) -> HalamanPortal:
    """Save the edited text of a portal page. PPID only."""
    access.require(actor, "portal.halaman.manage")
    changed = [f for f, v in data.items() if getattr(halaman, f) != v]
    for field, value in data.items():
        setattr(halaman, field, value)
    halaman.diperbarui_oleh = actor
    halaman.save()
    audit.record(
        actor=actor,
        obj=halaman,
        action="halaman.ubah",
        note=", ".join(changed) or "tanpa perubahan",
    )
    return halaman


@discard_on_rollback()
@transaction.atomic
def regulasi_save(
    *, actor, regulasi: DokumenRegulasi, upload: UploadedFile | None = None
) -> DokumenRegulasi:
    """Create or update an entry of the list of regulations; a new file is a new StoredFile."""
    access.require(actor, "portal.regulasi.manage")
    created = regulasi.pk is None
    if upload is not None:
        regulasi.berkas = store_upload(upload, purpose=StoredFile.Purpose.LAINNYA, actor=actor)
    regulasi.save()
    audit.record(
        actor=actor,
        obj=regulasi,
        action="regulasi.tambah" if created else "regulasi.ubah",
        to_state="ditampilkan" if regulasi.aktif else "disembunyikan",
        note=f"berkas baru: {upload.name}" if upload is not None else "",
    )
    return regulasi
