"""Documents of excepted information, rendered through `ppid_portal.documents`: the consequence
test sheet, the decree with the sheet attached, and the public register of excepted information.

The decree and the sheet carry the harm analysis: they are staff documents, stored sensitive
(every read audited). The register carries metadata only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from ppid_portal.documents import render_pdf
from ppid_portal.files import store_upload
from ppid_portal.models import StoredFile

from . import selectors
from .models import PenetapanPengecualian, UjiKonsekuensi


def uji_context(uji: UjiKonsekuensi) -> dict[str, Any]:
    return {
        "uji": uji,
        "peserta": list(uji.peserta.select_related("pengguna")),
        "digest": uji.content_digest(),
    }


def uji_pdf(uji: UjiKonsekuensi) -> bytes:
    return render_pdf("informasi/pdf/uji.html", uji_context(uji))


def penetapan_pdf(penetapan: PenetapanPengecualian) -> bytes:
    """The decree, with the signed test sheet as its attachment (lampiran)."""
    return render_pdf(
        "informasi/pdf/penetapan.html",
        {"penetapan": penetapan, **uji_context(penetapan.uji)},
    )


def store_penetapan_pdf(penetapan: PenetapanPengecualian, *, actor=None) -> StoredFile:
    """Kept when the Atasan approves, so every later copy is the same document; sensitive
    because the attached sheet holds the harm analysis."""
    content = penetapan_pdf(penetapan)
    name = f"{slugify(f'penetapan-{penetapan.nomor}') or 'penetapan'}.pdf"
    upload = SimpleUploadedFile(name, content, "application/pdf")
    return store_upload(upload, purpose=StoredFile.Purpose.LAINNYA, actor=actor, sensitive=True)


def register_pdf(day: date | None = None) -> bytes:
    day = day or timezone.localdate()
    return render_pdf(
        "informasi/pdf/daftar_dikecualikan.html",
        {"rows": list(selectors.register_rows(day)), "tanggal": day},
    )
