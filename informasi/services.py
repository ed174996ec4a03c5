"""Writes of the DIP that are not state changes: documents of an entry, download counting, and
import from a spreadsheet. State changes live in `informasi.workflow`."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid_portal import audit
from ppid_portal.access import require
from ppid_portal.files import UploadValidator, discard_on_rollback, store_upload
from ppid_portal.models import StoredFile, UnitKerja

from . import extract, spreadsheet, workflow
from .models import DokumenInformasi, ImporDIP, InformasiPublik

IMPORT_KINDS = ("xlsx", "csv")


def _lock(entry: InformasiPublik) -> InformasiPublik:
    return InformasiPublik.objects.select_for_update().get(pk=entry.pk)


@discard_on_rollback()
@transaction.atomic
def document_add_file(
    *, actor, entry: InformasiPublik, upload: UploadedFile, judul: str = ""
) -> DokumenInformasi:
    """Attach an uploaded file to an entry. The unit's Penyedia while it is a draft or
    returned; the Desk while it is submitted. Its text is read for the search."""
    locked = _lock(entry)
    require(actor, "informasi.dokumen.kelola", locked)
    # Forms validate too; a service never stores an unchecked file.
    UploadValidator()(upload)
    stored = store_upload(
        upload,
        purpose=StoredFile.Purpose.DOKUMEN_DIP,
        actor=actor,
        sensitive=locked.dikecualikan,
    )
    with stored.file.open("rb") as handle:
        teks = extract.extract_text(handle, stored.content_type)
    judul = " ".join((judul or "").split()) or PurePosixPath(stored.original_name).stem
    dokumen = DokumenInformasi.objects.create(
        informasi=locked,
        jenis=DokumenInformasi.Jenis.BERKAS,
        judul=judul[:300],
        berkas=stored,
        teks=teks,
        ditambahkan_oleh=actor,
    )
    audit.record(
        actor=actor,
        obj=locked,
        action="informasi.dokumen.tambah",
        from_state=locked.status,
        to_state=locked.status,
        note=_("%(judul)s (%(nama)s, SHA-256 %(sha)s)")
        % {"judul": dokumen.judul, "nama": stored.original_name, "sha": stored.sha256},
    )
    return dokumen


@transaction.atomic
def document_add_link(
    *, actor, entry: InformasiPublik, tautan: str, judul: str = ""
) -> DokumenInformasi:
    """Attach a link to where the document is already published (same rule as files)."""
    locked = _lock(entry)
    require(actor, "informasi.dokumen.kelola", locked)
    from django.core.validators import URLValidator

    tautan = (tautan or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(tautan)
    except ValidationError:
        raise ValidationError(
            {"tautan": _("Tulis alamat tautan lengkap yang diawali https:// atau http://.")}
        ) from None
    judul = " ".join((judul or "").split()) or tautan
    dokumen = DokumenInformasi.objects.create(
        informasi=locked,
        jenis=DokumenInformasi.Jenis.TAUTAN,
        judul=judul[:300],
        tautan=tautan,
        ditambahkan_oleh=actor,
    )
    audit.record(
        actor=actor,
        obj=locked,
        action="informasi.dokumen.tambah",
        from_state=locked.status,
        to_state=locked.status,
        note=f"{dokumen.judul}: {tautan}",
    )
    return dokumen


@transaction.atomic
def document_remove(*, actor, dokumen: DokumenInformasi) -> DokumenInformasi:
    """Take a document off an entry. The row stays: a version set with it still serves it."""
    locked_entry = _lock(dokumen.informasi)
    require(actor, "informasi.dokumen.kelola", locked_entry)
    dokumen = DokumenInformasi.objects.select_for_update().get(pk=dokumen.pk)
    if dokumen.dihapus_pada is not None:
        raise ValidationError(_("Dokumen ini sudah dihapus."))
    dokumen.dihapus_pada = timezone.now()
    dokumen.dihapus_oleh = actor
    dokumen.save(update_fields=["dihapus_pada", "dihapus_oleh"])
    audit.record(
        actor=actor,
        obj=locked_entry,
        action="informasi.dokumen.hapus",
        from_state=locked_entry.status,
        to_state=locked_entry.status,
        note=dokumen.judul,
    )
    return dokumen


def count_download(informasi_id: int) -> None:
    """One public download of an entry's document (for the annual report)."""
    InformasiPublik.objects.filter(pk=informasi_id).update(jumlah_unduhan=F("jumlah_unduhan") + 1)


# ----------------------------------------------------------------------------- import


@discard_on_rollback()
@transaction.atomic
def import_upload(*, actor, unit: UnitKerja, upload: UploadedFile) -> ImporDIP:
    """Keep an uploaded spreadsheet for a dry run; nothing is created yet. PPID."""
    require(actor, "informasi.impor")
    UploadValidator(kinds=IMPORT_KINDS)(upload)
    stored = store_upload(upload, purpose=StoredFile.Purpose.LAINNYA, actor=actor)
    impor = ImporDIP.objects.create(berkas=stored, unit=unit, dibuat_oleh=actor)
    audit.record(
        actor=actor,
        obj=impor,
        action="informasi.impor.unggah",
        note=_("%(nama)s untuk %(unit)s") % {"nama": stored.original_name, "unit": unit},
    )
    return impor


def import_check(impor: ImporDIP) -> spreadsheet.ParseResult:
    """The dry run: every row that would be created and every error, without writing."""
    with impor.berkas.file.open("rb") as handle:
        content = handle.read()
    is_xlsx = impor.berkas.content_type == spreadsheet.XLSX_MIME
    return spreadsheet.parse_file(content, is_xlsx=is_xlsx)


@transaction.atomic
def import_run(*, actor, impor: ImporDIP) -> list[InformasiPublik]:
    """Create every row as a draft of the chosen unit, or nothing: the file is checked again and
    any invalid row (or any failure while writing) leaves the database unchanged. PPID."""
    require(actor, "informasi.impor")
    impor = ImporDIP.objects.select_for_update().select_related("berkas", "unit").get(pk=impor.pk)
    if impor.diimpor_pada is not None:
        raise ValidationError(_("Berkas ini sudah diimpor."))
    result = import_check(impor)
    if not result.valid:
        raise ValidationError(
            _("Tidak ada yang diimpor: %(n)s kesalahan harus diperbaiki dahulu.")
            % {"n": len(result.errors)}
        )
    created = []
    retensi_known: dict = {}
    for parsed in result.rows:
        entry = workflow.entry_create_imported(
            actor=actor,
            unit=impor.unit,
            values=parsed.values,
            impor=impor,
            row=parsed.row,
            retensi_known=retensi_known,
        )
        for index, tautan in enumerate(parsed.links, start=1):
            DokumenInformasi.objects.create(
                informasi=entry,
                jenis=DokumenInformasi.Jenis.TAUTAN,
                judul=_("Tautan dokumen %(n)s") % {"n": index},
                tautan=tautan,
                ditambahkan_oleh=actor,
            )
        created.append(entry)
    impor.diimpor_pada = timezone.now()
    impor.diimpor_oleh = actor
    impor.jumlah_entri = len(created)
    impor.save(update_fields=["diimpor_pada", "diimpor_oleh", "jumlah_entri"])
    audit.record(
        actor=actor,
        obj=impor,
        action="informasi.impor.jalankan",
        note=_("%(n)s entri draf dibuat untuk %(unit)s") % {"n": len(created), "unit": impor.unit},
    )
    return created
