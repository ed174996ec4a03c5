"""Text of attached documents for the full-text search: PDF (pypdf), DOCX (python-docx) and
XLSX (openpyxl). Anything else, or a file that cannot be read, simply has no text."""

from __future__ import annotations

import logging
import re
from typing import BinaryIO

from . import conf

logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _clean(parts: list[str], limit: int) -> str:
    text = re.sub(r"\s+", " ", " ".join(parts)).strip()
    # NUL bytes are refused by PostgreSQL text columns.
    return text.replace("\x00", "")[:limit]


def _pdf(handle: BinaryIO, limit: int) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(handle)
    parts: list[str] = []
    size = 0
    for index, page in enumerate(reader.pages):
        if index >= conf.extract_max_pages() or size >= limit:
            break
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
    return parts


def _docx(handle: BinaryIO, limit: int) -> list[str]:
    from docx import Document

    document = Document(handle)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return parts


def _xlsx(handle: BinaryIO, limit: int) -> list[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(handle, read_only=True, data_only=True)
    parts: list[str] = []
    size = 0
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if value is not None:
                        text = str(value)
                        parts.append(text)
                        size += len(text)
                if size >= limit:
                    return parts
    finally:
        workbook.close()
    return parts


_READERS = {PDF: _pdf, DOCX: _docx, XLSX: _xlsx}


def extract_text(handle: BinaryIO, content_type: str) -> str:
    """The searchable text of a document, capped in length; empty when none can be read."""
    reader = _READERS.get(content_type)
    if reader is None:
        return ""
    limit = conf.extract_max_chars()
    try:
        handle.seek(0)
        return _clean(reader(handle, limit), limit)
    except Exception as exc:  # noqa: BLE001 - each parser raises its own error classes
        # A damaged or encrypted document is still stored; it just cannot be searched.
        logger.warning("Teks dokumen tidak dapat dibaca (%s): %s", type(exc).__name__, exc)
        return ""
    finally:
        handle.seek(0)
