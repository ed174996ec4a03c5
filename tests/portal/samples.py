"""Small real files made on the fly for upload tests."""

import io

from docx import Document
from PIL import Image
from reportlab.pdfgen import canvas


def pdf_bytes(text: str = "Dokumen uji PPID") -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def docx_bytes(text: str = "Dokumen uji PPID") -> bytes:
    out = io.BytesIO()
    document = Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (11, 79, 138)).save(out, format="PNG")
    return out.getvalue()
