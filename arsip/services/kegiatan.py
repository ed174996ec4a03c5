"""Writes of the activity documentation (dokumentasi kegiatan)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.access import require
from ppid_portal.files import discard_on_rollback, sniff, store_upload
from ppid_portal.models import StoredFile, UnitKerja

from ..models import Kegiatan, LampiranKegiatan, TautanKegiatan
from .fisik import tautan_create, tautan_delete

KEGIATAN_FIELDS = (
    "judul",
    "jenis",
    "tanggal",
    "tempat",
    "unit",
    "peserta",
    "ringkasan",
    "keputusan",
    "publik",
)

# Which file types fit which kind of attachment (by the type read from the content).
JENIS_MIME = {
    LampiranKegiatan.Jenis.FOTO: {"image/jpeg", "image/png"},
    LampiranKegiatan.Jenis.REKAMAN: {"audio/mpeg", "audio/mp3", "video/mp4"},
}


def _publikasi_note(publik: bool) -> str:
    return _("Ditampilkan di situs publik") if publik else _("Hanya internal")


@transaction.atomic
def kegiatan_create(
    *,
    actor,
    judul: str,
    jenis: str,
    tanggal: date,
    tempat: str,
    peserta: str,
    ringkasan: str,
    keputusan: str = "",
    unit: UnitKerja | None = None,
    publik: bool = False,
) -> Kegiatan:
    """Record an activity, meeting or decision (Desk or PPID)."""
    require(actor, "arsip.kegiatan.manage")
    kegiatan = Kegiatan(
        judul=judul.strip(),
        jenis=jenis,
        tanggal=tanggal,
        tempat=tempat.strip(),
        peserta=peserta,
        ringkasan=ringkasan,
        keputusan=keputusan,
        unit=unit,
        publik=publik,
        dibuat_oleh=actor,
    )
    kegiatan.full_clean()
    kegiatan.save()
    audit.record(
        actor=actor,
        obj=kegiatan,
        action="arsip.kegiatan.catat",
        to_state="publik" if publik else "internal",
        note=_publikasi_note(publik),
    )
    return kegiatan


@transaction.atomic
def kegiatan_update(*, kegiatan: Kegiatan, actor, **changes: Any) -> Kegiatan:
    """Correct a record or change whether it is public (Desk or PPID)."""
    require(actor, "arsip.kegiatan.manage")
    unknown = set(changes) - set(KEGIATAN_FIELDS)
    if unknown:
        raise TypeError(f"kegiatan_update: unknown fields {sorted(unknown)}")
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    was_public = kegiatan.publik
    changed = [n for n, v in changes.items() if getattr(kegiatan, n) != v]
    if not changed:
        return kegiatan
    for name in changed:
        setattr(kegiatan, name, changes[name])
    kegiatan.full_clean()
    kegiatan.save()
    labels = ", ".join(str(Kegiatan._meta.get_field(n).verbose_name) for n in changed)
    if was_public != kegiatan.publik:
        audit.record(
            actor=actor,
            obj=kegiatan,
            action="arsip.kegiatan.publikasi",
            from_state="publik" if was_public else "internal",
            to_state="publik" if kegiatan.publik else "internal",
            note=_publikasi_note(kegiatan.publik),
        )
    audit.record(
        actor=actor, obj=kegiatan, action="arsip.kegiatan.ubah", note=_("Diubah: %s") % labels
    )
    return kegiatan


@discard_on_rollback()
@transaction.atomic
def lampiran_add(
    *,
    kegiatan: Kegiatan,
    upload: UploadedFile,
    actor,
    jenis: str,
    keterangan: str = "",
    publik: bool = True,
) -> LampiranKegiatan:
    """Attach a photo, the minutes or a recording (already validated by UploadValidator)."""
    require(actor, "arsip.kegiatan.manage")
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    allowed = JENIS_MIME.get(jenis)
    if allowed is not None and sniff(upload) not in allowed:
        raise ValidationError(
            {
                "berkas": _("Berkas ini bukan %(jenis)s.")
                % {"jenis": str(LampiranKegiatan.Jenis(jenis).label).lower()}
            }
        )
    stored = store_upload(upload, purpose=StoredFile.Purpose.KEGIATAN, actor=actor)
    lampiran = LampiranKegiatan.objects.create(
        kegiatan=kegiatan,
        berkas=stored,
        jenis=jenis,
        keterangan=keterangan.strip(),
        publik=publik,
    )
    audit.record(
        actor=actor,
        obj=kegiatan,
        action="arsip.kegiatan.lampiran",
        note=f"{lampiran.get_jenis_display()}: {stored.original_name} "
        f"({stored.size} bita, SHA-256 {stored.sha256})",
    )
    return lampiran


@transaction.atomic
def kegiatan_link(
    *, kegiatan: Kegiatan, actor, jenis: str, object_id: str, keterangan: str = ""
) -> TautanKegiatan:
    """Link a record to a DIP entry or a request (Desk or PPID)."""
    require(actor, "arsip.kegiatan.manage")
    kegiatan = Kegiatan.objects.select_for_update().get(pk=kegiatan.pk)
    return tautan_create(
        model=TautanKegiatan,
        owner_field="kegiatan",
        owner=kegiatan,
        actor=actor,
        jenis=jenis,
        object_id=object_id,
        keterangan=keterangan,
    )


@transaction.atomic
def kegiatan_unlink(*, tautan: TautanKegiatan, actor) -> None:
    tautan_delete(tautan=tautan, owner=tautan.kegiatan, actor=actor, action="arsip.kegiatan.manage")
