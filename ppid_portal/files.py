"""Uploads and downloads: type checked by content, size capped, digest recorded, served only
through views that have already checked who may see the file.

Beyond the type, the content is checked where it can carry something active:
- PDFs that are encrypted, or carry JavaScript, launch actions or embedded files are refused
  (read with pypdf, and a raw scan of the bytes as a second line of defence);
- JPG and PNG images are decoded and re-encoded when stored, which drops everything but the
  pixels and the colour profile: EXIF (GPS position, camera serial), comments, text chunks, and
  anything appended to the file. The digest and size recorded are those of the stored bytes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from .models import StoredFile

logger = logging.getLogger(__name__)


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

PDF_MIME = "application/pdf"
IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}
# Decoding an image takes width x height x 4 bytes of memory; a few kilobytes of PNG can claim
# gigapixels ("decompression bomb"). 64 megapixels covers the cameras of today's phones.
DEFAULT_IMAGE_MAX_PIXELS = 64_000_000


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
        # A field may lower the portal-wide cap, never raise it.
        limit = min(self.max_bytes or settings.UPLOAD_MAX_BYTES, settings.UPLOAD_MAX_BYTES)
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
                if detected == PDF_MIME:
                    check_pdf(_read_all(upload))
                elif detected in IMAGE_FORMATS:
                    check_image(_read_all(upload))
                return
        raise ValidationError(
            _(
                "Jenis berkas tidak diterima (terbaca sebagai %(detected)s). "
                "Jenis yang diterima: %(allowed)s."
            )
            % {"detected": detected, "allowed": self.allowed_labels()},
            code="bad_type",
        )


def _read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


# --- PDF -----------------------------------------------------------------------------------

# PDF names (after #xx escapes are decoded) that make a PDF active: scripts (/JS, /JavaScript),
# running a program (/Launch), files carried inside (/EmbeddedFiles, /EmbeddedFile, /EF), and
# encryption, which hides all the rest from inspection.
_PDF_REFUSED_NAMES = {
    "Encrypt": "encrypted",
    "JS": "javascript",
    "JavaScript": "javascript",
    "Launch": "launch",
    "EmbeddedFiles": "embedded",
    "EmbeddedFile": "embedded",
    "EF": "embedded",
}
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n.*?endstream", re.DOTALL)
_PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _pdf_reason(problem: str) -> ValidationError:
    messages = {
        "encrypted": _(
            "PDF ini dienkripsi atau dilindungi kata sandi, sehingga isinya tidak dapat "
            "diperiksa. Simpan ulang PDF tanpa kata sandi atau enkripsi, lalu unggah kembali."
        ),
        "javascript": _(
            "PDF ini memuat JavaScript. Demi keamanan, portal hanya menerima PDF tanpa skrip. "
            "Cetak ulang dokumen ke PDF (Print to PDF), lalu unggah kembali."
        ),
        "launch": _(
            "PDF ini memuat perintah untuk menjalankan program lain. Demi keamanan, PDF seperti "
            "ini tidak diterima. Cetak ulang dokumen ke PDF (Print to PDF), lalu unggah kembali."
        ),
        "embedded": _(
            "PDF ini memuat berkas lain di dalamnya (lampiran tersemat). Demi keamanan, unggah "
            "setiap berkas secara terpisah dan simpan ulang PDF tanpa lampiran."
        ),
        "unreadable": _(
            "PDF ini rusak atau tidak dapat dibaca. Simpan ulang atau cetak ulang dokumen ke "
            "PDF, lalu unggah kembali."
        ),
    }
    return ValidationError(messages[problem], code=f"pdf_{problem}")


def _pdf_problem_in_raw_bytes(data: bytes) -> str | None:
    """Second line of defence: names in the bytes outside stream data, however escaped. A broken
    cross-reference table can hide objects from a parser that a viewer would still find."""
    outside_streams = _PDF_STREAM.sub(b" ", data)
    for match in _PDF_NAME.finditer(outside_streams):
        raw = match.group(1)
        name = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
        problem = _PDF_REFUSED_NAMES.get(name.decode("latin-1"))
        if problem:
            return problem
    return None


def _pdf_problem_in_objects(data: bytes) -> str | None:
    """Every object reachable from the trailer, as pypdf reads it (compressed object streams
    included)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        return "encrypted"
    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for key, value in dict.items(obj):
                problem = _PDF_REFUSED_NAMES.get(str(key).lstrip("/"))
                if problem:
                    return problem
                if key in ("/S", "/Type", "/Subtype"):
                    named = value.get_object() if isinstance(value, IndirectObject) else value
                    problem = _PDF_REFUSED_NAMES.get(str(named).lstrip("/"))
                    if problem:
                        return problem
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(list.__iter__(obj))
    return None


def check_pdf(data: bytes) -> None:
    """Refuse, with a clear reason, a PDF that is encrypted, unreadable, or carries JavaScript,
    a launch action or embedded files."""
    problem = _pdf_problem_in_raw_bytes(data)
    if problem is None:
        try:
            problem = _pdf_problem_in_objects(data)
        except Exception:  # noqa: BLE001 - any parser failure means: not a PDF we can vouch for
            problem = "unreadable"
    if problem:
        raise _pdf_reason(problem)


# --- Images --------------------------------------------------------------------------------


def _image_max_pixels() -> int:
    return getattr(settings, "PPID_IMAGE_MAX_PIXELS", DEFAULT_IMAGE_MAX_PIXELS)


def _open_image(data: bytes):
    """Open an image without decoding it, refusing unreadable ones and decompression bombs."""
    from PIL import Image, UnidentifiedImageError

    limit = _image_max_pixels()
    unreadable = ValidationError(
        _("Gambar ini rusak atau tidak dapat dibaca. Simpan ulang gambar, lalu unggah kembali."),
        code="image_unreadable",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        image = None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise unreadable from exc
    if image is None or image.width * image.height > limit:
        raise ValidationError(
            _(
                "Ukuran gambar terlalu besar (lebih dari %(mp)d megapiksel). Perkecil resolusi "
                "gambar, lalu unggah kembali."
            )
            % {"mp": limit // 1_000_000},
            code="image_too_many_pixels",
        )
    return image, unreadable


def check_image(data: bytes) -> None:
    """Refuse an image that cannot be read or that is too large to decode safely."""
    image, unreadable = _open_image(data)
    try:
        image.verify()
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise unreadable from exc


def reencode_image(data: bytes, image_format: str) -> bytes:
    """Decode and re-encode a JPG or PNG, keeping only the pixels (turned upright by the EXIF
    orientation, which is then dropped with the rest of the metadata) and the colour profile."""
    from PIL import ImageOps

    image, unreadable = _open_image(data)
    try:
        image.load()
        icc_profile = image.info.get("icc_profile")
        transparency = image.info.get("transparency")
        image = ImageOps.exif_transpose(image)
        image.info = {}
        options: dict = {}
        if icc_profile:
            options["icc_profile"] = icc_profile
        if image_format == "JPEG":
            if image.mode not in ("L", "RGB", "CMYK"):
                image = image.convert("RGB")
            options.update(quality=90)
        else:
            if image.mode not in ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            if transparency is not None and image.mode in ("1", "L", "I", "I;16", "P", "RGB"):
                options["transparency"] = transparency
        out = io.BytesIO()
        image.save(out, format=image_format, **options)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise unreadable from exc
    return out.getvalue()


def store_upload(
    upload: UploadedFile,
    *,
    purpose: str,
    actor=None,
    sensitive: bool = False,
) -> StoredFile:
    """Save an already validated upload under a random name and record its digest and size.

    JPG and PNG images are re-encoded first (see the module docstring); a broken image raises
    ValidationError. Call it inside the transaction that creates the referring object; if that
    transaction rolls back, the file left on disk is an orphan that `periksa_arsip` reports —
    unless the caller runs inside `discard_on_rollback()`, which deletes it.
    """
    original = PurePosixPath((upload.name or "berkas").replace("\\", "/")).name[:255]
    content_type = sniff(upload)
    content = upload
    if content_type in IMAGE_FORMATS:
        # Only the re-encoded pixels are kept; the original bytes never reach the disk.
        content = ContentFile(reencode_image(_read_all(upload), IMAGE_FORMATS[content_type]))
    stored = StoredFile(
        original_name=original,
        content_type=content_type,
        size=content.size,
        sha256=sha256_of(content),
        purpose=purpose,
        sensitive=sensitive,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        stored.file.save(original, content, save=False)
    except OSError as error:
        # A full or unwritable disk is the office's fault, not the visitor's: a clear message
        # and a log line; the caller's transaction rolls the record back.
        logger.exception("Berkas %r (%s) tidak dapat disimpan ke MEDIA_ROOT", original, purpose)
        raise ValidationError(
            _(
                "Berkas tidak dapat disimpan saat ini karena gangguan pada server. Tidak ada "
                "data yang tersimpan; silakan coba lagi nanti atau hubungi PPID."
            ),
            code="storage_failed",
        ) from error
    try:
        stored.save()
    except BaseException:
        # The row is not written (the database went away, ...): the file has no owner.
        _delete_files([(stored.file.storage, stored.file.name)])
        raise
    for pending in _pending_stack():
        pending.append((stored.file.storage, stored.file.name, stored.pk))
    return stored


_pending = threading.local()


def _pending_stack() -> list[list]:
    if not hasattr(_pending, "stack"):
        _pending.stack = []
    return _pending.stack


def _delete_files(files) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Berkas %s dari langkah yang dibatalkan tidak dapat dihapus", name)


def _not_committed(stored: list) -> list:
    """The files whose StoredFile row is not in the database: an exception raised after the
    step committed (by an on-commit callback) must not take the files of committed rows."""
    if not stored:
        return []
    try:
        kept = set(
            StoredFile.objects.filter(pk__in=[pk for _s, _n, pk in stored]).values_list(
                "pk", flat=True
            )
        )
    except Exception:  # noqa: BLE001 - the database is gone: the step cannot have committed
        kept = set()
    return [(storage, name) for storage, name, pk in stored if pk not in kept]


@contextmanager
def discard_on_rollback() -> Iterator[None]:
    """Files stored by `store_upload()` inside this block are deleted again when the block ends
    with an exception. Put it around (outside) the transaction that refers to them, so that a
    step the database rolls back — the database gone away mid-submission, a failed check after
    the upload — leaves no file behind. Usable as a decorator above `@transaction.atomic`."""
    stored: list = []
    stack = _pending_stack()
    stack.append(stored)
    try:
        yield
    except BaseException:
        _delete_files(_not_committed(stored))
        raise
    finally:
        stack.pop()


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
