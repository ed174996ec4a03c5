"""QR codes for printed labels: each points at the staff page of the box, shelf or item."""

from __future__ import annotations

import base64
import io

import qrcode
from django.conf import settings


def absolute_url(path: str) -> str:
    return f"{settings.PPID_SITE_URL}{path}"


def qr_data_uri(url: str) -> str:
    """A PNG QR code as a data: URI, embedded in the label PDF (nothing is fetched)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    qr.add_data(url)
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")
