"""Uploads and downloads: type checked by content, size capped, digest recorded, served only
through views that have already checked who may see the file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from .models import StoredFile


@dataclass(frozen=True)
class FileKind:
    label: str
    mimes: frozenset[str]
    extensions: frozenset[str]


# What the portal accepts, by the type libmagic reads from the content; the name's extension
# must agree with it, so "laporan.pdf.exe" and an HTML page renamed ".pdf" are both refused.
KINDS: dict[str, FileKind] = {
    "pdf": FileKind("PDF", frozenset({"application/pdf"}), frozenset({".pdf"})),
    "docx": FileKind(
        "DOCX",
        frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
        frozenset({".docx"}),
    ),
    "xlsx": FileKind(
        "XLSX",
        frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
        frozenset({".xlsx"}),
    ),
    "odt": FileKind(
        "ODT", frozenset({"application/vnd.oasis.opendocument.text"}), frozenset({".odt"})
    ),
    "ods": FileKind(
        "ODS",
        frozenset({"application/vnd.oasis.opendocument.spreadsheet"}),
        frozenset({".ods"}),
    ),
    "jpg": FileKind("JPG", frozenset({"image/jpeg"}), frozenset({".jpg", ".jpeg"})),
    "png": FileKind("PNG", frozenset({"image/png"}), frozenset({".png"})),
    "mp3": FileKind("MP3", frozenset({"audio/mpeg", "audio/mp3"}), frozenset({".mp3"})),
    "mp4": FileKind("MP4", frozenset({"video/mp4"}), frozenset({".mp4"})),
    # Spreadsheet imports only (libmagic reads a CSV as plain text); not a document kind.
    "csv": FileKind(
        "CSV", frozenset({"text/csv", "text/plain", "application/csv"}), frozenset({".csv"})
    ),
}
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "odt", "ods", "jpg", "png", "mp3", "mp4")
SCAN_KINDS = ("pdf", "jpg", "png")


def sniff(upload: UploadedFile) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    return magic.from_buffer(head, mime=True)


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@deconstructible
class UploadValidator:
    """Form-field validator: allowed kinds by content and name, and a size cap."""

    def __init__(self, kinds: tuple[str, ...] = DOCUMENT_KINDS, max_bytes: int | None = None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )

    def allowed_labels(self) -> str:
        return ", ".join(KINDS[k].label for k in self.kinds)

    def __call__(self, upload: UploadedFile) -> None:
        limit = self.max_bytes or settings.UPLOAD_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise ValidationError(
                _("Berkas terlalu besar (%(size)s). Ukuran maksimum %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        if not upload.size:
            raise ValidationError(_("Berkas kosong (0 bita)."), code="empty")
        suffix = PurePosixPath(upload.name or "").suffix.lower()
        detected = sniff(upload)
        for key in self.kinds:
            kind = KINDS[key]
            if detected in kind.mimes:
                if suffix not in kind.extensions:
                    raise ValidationError(
                        _(
                            "Nama berkas berakhiran “%(suffix)s”, tetapi isinya %(kind)s. "
                            "Simpan berkas dengan akhiran yang benar (%(ext)s)."
                        )
                        % {
                            "suffix": suffix or _("(tanpa akhiran)"),
                            "kind": kind.label,
                            "ext": ", ".join(sorted(kind.extensions)),
                        },
                        code="bad_extension",
                    )
                return
        raise ValidationError(
            _(
                "Jenis berkas tidak diterima (terbaca sebagai %(detected)s). "
                "Jenis yang diterima: %(allowed)s."
            )
            % {"detected": detected, "allowed": self.allowed_labels()},
            code="bad_type",
        )


def store_upload(
    upload: UploadedFile,
    *,
    purpose: str,
    actor=None,
    sensitive: bool = False,
) -> StoredFile:
    """Save an already validated upload under a random name and record its digest and size.

    Call it inside the transaction that creates the referring object; if that transaction rolls
    back, the file left on disk is an orphan that `periksa_arsip` reports.
    """
    original = PurePosixPath((upload.name or "berkas").replace("\\", "/")).name[:255]
    stored = StoredFile(
        original_name=original,
        content_type=sniff(upload),
        size=upload.size,
        sha256=sha256_of(upload),
        purpose=purpose,
        sensitive=sensitive,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    stored.file.save(original, upload, save=False)
    stored.save()
    return stored


def file_response(
    stored: StoredFile, *, actor=None, inline: bool = False, reason: str = ""
) -> FileResponse:
    """Serve a file whose access the caller has already checked.

    Attachment by default, never sniffed, and sandboxed so that even a file that slipped through
    cannot run script in the portal's origin. Every read of a sensitive file (identity scans,
    excepted originals) is written to the audit trail with `actor` and `reason`.
    """
    if stored.sensitive:
        from . import audit

        audit.record(actor=actor, obj=stored, action="berkas.unduh", note=reason)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=not inline,
        filename=stored.original_name,
        content_type=stored.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
