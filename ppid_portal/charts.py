"""Charts drawn on the server as inline SVG: no JavaScript, nothing fetched, and nothing the
Content-Security-Policy forbids (SVG presentation attributes such as `fill` are not inline
styles). Every label is escaped. The same numbers are always printed as a table next to the
chart, so the chart itself is a picture with a short text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from . import dates
from .statistik import Tabel, fmt

BAR = "#0b4f8a"
TEXT = "#212529"
GRID = "#adb5bd"
FONT = 'font-family="system-ui, sans-serif"'


def _number(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def _frame(key: str, title: str, width: int, height: int, body: list[str]) -> SafeString:
    ident = f"grafik-{escape(key)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="img-fluid grafik" role="img" '
        f'aria-labelledby="{ident}-judul {ident}-ket" {FONT}>',
        f'<title id="{ident}-judul">{escape(_("Grafik: %(judul)s") % {"judul": title})}</title>',
        f'<desc id="{ident}-ket">'
        f"{escape(_('Angka yang sama tercantum pada tabel di bawah grafik.'))}</desc>",
        *body,
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def bar_chart(
    key: str, title: str, labels: Sequence[str], values: Sequence[float], unit: str = ""
) -> SafeString:
    """Horizontal bars, one per category, longest labels shortened (full text on hover)."""
    width, left, right, row, top = 560, 220, 70, 26, 6
    height = top * 2 + row * len(values)
    top_value = max((_number(v) for v in values), default=0) or 1
    span = width - left - right
    body = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row
        size = span * _number(value) / top_value
        full = escape(str(label))
        short = escape(Truncator(str(label)).chars(26))
        shown = escape(f"{fmt(value)}{unit}")
        body.append(
            f'<text x="{left - 8}" y="{y + row / 2:.1f}" text-anchor="end" '
            f'dominant-baseline="middle" font-size="13" fill="{TEXT}">{short}'
            f"<title>{full}</title></text>"
            f'<rect x="{left}" y="{y + 4}" width="{size:.1f}" height="{row - 8}" fill="{BAR}">'
            f"<title>{full}: {shown}</title></rect>"
            f'<text x="{left + size + 6:.1f}" y="{y + row / 2:.1f}" dominant-baseline="middle" '
            f'font-size="13" fill="{TEXT}">{shown}</text>'
        )
    return _frame(key, title, width, height, body)


def column_chart(
    key: str, title: str, labels: Sequence[str], values: Sequence[float], unit: str = ""
) -> SafeString:
    """Vertical bars over a short sequence (the months of a year)."""
    width, height, left, bottom, top = 560, 220, 10, 28, 22
    count = max(len(values), 1)
    slot = (width - 2 * left) / count
    top_value = max((_number(v) for v in values), default=0) or 1
    span = height - top - bottom
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" '
        f'stroke="{GRID}" stroke-width="1"/>'
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        size = span * _number(value) / top_value
        # Twelve months leave room for three letters each ("Jan", "Feb", ...).
        short = str(label)[:3] if count > 6 else Truncator(str(label)).chars(9)
        x = left + i * slot
        centre = x + slot / 2
        shown = escape(f"{fmt(value)}{unit}")
        body.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{height - bottom - size:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{size:.1f}" fill="{BAR}">'
            f"<title>{escape(str(label))}: {shown}</title></rect>"
            f'<text x="{centre:.1f}" y="{height - bottom - size - 5:.1f}" text-anchor="middle" '
            f'font-size="12" fill="{TEXT}">{shown}</text>'
            f'<text x="{centre:.1f}" y="{height - 9}" text-anchor="middle" font-size="12" '
            f'fill="{TEXT}">{escape(short)}</text>'
        )
    return _frame(key, title, width, height, body)


def line_chart(
    key: str, title: str, labels: Sequence[str], values: Sequence[float], unit: str = ""
) -> SafeString:
    """A line over many points (the days of a month or a year), with the first, middle and
    last labels on the axis and the highest value marked."""
    width, height, left, right, bottom, top = 560, 220, 44, 16, 28, 14
    count = len(values)
    top_value = max((_number(v) for v in values), default=0) or 1
    span_x = width - left - right
    span_y = height - top - bottom

    def point(i: int, value) -> tuple[float, float]:
        x = left + (span_x * i / (count - 1) if count > 1 else span_x / 2)
        y = height - bottom - span_y * _number(value) / top_value
        return x, y

    points = [point(i, v) for i, v in enumerate(values)]
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" '
        f'stroke="{GRID}" stroke-width="1"/>',
        f'<line x1="{left}" y1="{top}" x2="{width - right}" y2="{top}" stroke="{GRID}" '
        f'stroke-width="1" stroke-dasharray="4 4"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="12" fill="{TEXT}">'
        f"{escape(fmt(top_value) + unit)}</text>",
        f'<text x="{left - 6}" y="{height - bottom + 4}" text-anchor="end" font-size="12" '
        f'fill="{TEXT}">0</text>',
    ]
    if count > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2"/>')
    if count <= 31:
        for (x, y), label, value in zip(points, labels, values, strict=True):
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{BAR}">'
                f"<title>{escape(str(label))}: {escape(fmt(value) + unit)}</title></circle>"
            )
    for i in sorted({0, count // 2, count - 1}) if count else []:
        x, _y = points[i]
        anchor = "start" if i == 0 else "end" if i == count - 1 else "middle"
        body.append(
            f'<text x="{x:.1f}" y="{height - 9}" text-anchor="{anchor}" font-size="12" '
            f'fill="{TEXT}">{escape(str(labels[i]))}</text>'
        )
    return _frame(key, title, width, height, body)


def _label(value) -> str:
    if isinstance(value, date):
        return f"{dates.local_date(value):%d-%m}"
    return str(value)


def render(tabel: Tabel) -> SafeString:
    """The chart of a table, or an empty string when it has none or nothing to draw."""
    if not tabel.grafik or tabel.kosong:
        return mark_safe("")
    labels = [_label(row[0]) for row in tabel.rows]
    values = [row[tabel.nilai] for row in tabel.rows]
    draw = {"batang": bar_chart, "kolom": column_chart, "garis": line_chart}[tabel.grafik]
    return draw(tabel.key, tabel.judul, labels, values, tabel.satuan)
