"""The letters of the request workflow, rendered through `ppid_portal.documents`.

Receipts are rendered on demand (the one printed right after submission may carry the tracking
code). The written notice and the Atasan's answer are official letters: rendered once when
issued and kept as a StoredFile with its digest, so every later copy is the same document.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from ppid_portal.calendar import holidays_around
from ppid_portal.documents import render_pdf
from ppid_portal.files import store_upload
from ppid_portal.models import StoredFile

from . import deadlines
from .models import Keberatan, Keputusan, Permohonan


def keberatan_last_day_for(keputusan: Keputusan) -> date:
    """The last day to object to this notice, as the letter states it (the ground is the
    deadline rules' `decision_ground`)."""
    ground = deadlines.decision_ground(keputusan.tanggal, keputusan.disampaikan_pada)
    return deadlines.keberatan_last_day(ground, keputusan.permohonan.rules, holidays_around(ground))


def tanda_bukti_pdf(permohonan: Permohonan, *, code: str = "") -> bytes:
    from .tracking import tracking_link

    return render_pdf(
        "permohonan/pdf/tanda_bukti.html",
        {
            "p": permohonan,
            "kode": code,
            "tautan": tracking_link(code) if code else "",
            "rules": permohonan.rules,
        },
    )


def pemberitahuan_context(keputusan: Keputusan) -> dict[str, Any]:
    permohonan = keputusan.permohonan
    return {
        "k": keputusan,
        "p": permohonan,
        "rules": permohonan.rules,
        "batas_keberatan": keberatan_last_day_for(keputusan),
        "dokumen": list(keputusan.dokumen.select_related("berkas")),
    }


def pemberitahuan_pdf(keputusan: Keputusan) -> bytes:
    return render_pdf("permohonan/pdf/pemberitahuan.html", pemberitahuan_context(keputusan))


def tanda_bukti_keberatan_pdf(keberatan: Keberatan) -> bytes:
    return render_pdf(
        "permohonan/pdf/tanda_bukti_keberatan.html",
        {"kb": keberatan, "p": keberatan.permohonan, "rules": keberatan.permohonan.rules},
    )


def tanggapan_pdf(keberatan: Keberatan) -> bytes:
    return render_pdf(
        "permohonan/pdf/tanggapan_keberatan.html",
        {"kb": keberatan, "p": keberatan.permohonan, "rules": keberatan.permohonan.rules},
    )


def store_pdf(content: bytes, stem: str, *, actor=None) -> StoredFile:
    upload = SimpleUploadedFile(f"{slugify(stem) or 'surat'}.pdf", content, "application/pdf")
    return store_upload(upload, purpose=StoredFile.Purpose.JAWABAN, actor=actor)


def read_stored(stored: StoredFile) -> bytes:
    with stored.file.open("rb") as handle:
        return handle.read()
