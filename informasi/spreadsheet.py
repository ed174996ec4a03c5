"""The DIP as a spreadsheet in the Perki 1/2021 column layout: export of a version (XLSX, CSV)
and the parser that reads such a file back for import.

An export re-imports to the same entries: the seven Perki columns, then category, year, subject,
archive code, the Ps 17 ground and end date of an exception, and external document links (never
for an excepted entry). Headers are matched tolerantly (case, spaces and punctuation ignored) and
title lines above the header row are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from ppid_portal.documents import build_xlsx, escape_cell

from . import conf, pengecualian
from .models import BENTUK_FIELDS, DokumenInformasi, EntriVersi, Kategori, VersiDIP
from .validation import clean_values

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Kolom:
    key: str
    header: Any
    required: bool = False
    # Normalised header prefixes that identify the column (after the exact header).
    prefixes: tuple[str, ...] = ()


COLUMNS: tuple[Kolom, ...] = (
    Kolom("nomor", pgettext_lazy("kolom DIP", "No"), prefixes=("no", "nomor", "nourut")),
    Kolom(
        "ringkasan",
        gettext_lazy("Ringkasan Isi Informasi"),
        True,
        ("ringkasan",),
    ),
    Kolom(
        "pejabat_penguasa",
        gettext_lazy("Pejabat/Unit/Satuan Kerja yang Menguasai Informasi"),
        True,
        ("pejabat", "unityangmenguasai", "satuankerjayangmenguasai"),
    ),
    Kolom(
        "penanggung_jawab",
        gettext_lazy("Penanggung Jawab Pembuatan atau Penerbitan Informasi"),
        True,
        ("penanggungjawab",),
    ),
    Kolom(
        "waktu_tempat",
        gettext_lazy("Waktu dan Tempat Pembuatan Informasi"),
        True,
        ("waktudantempat", "waktutempat", "tempatdanwaktu"),
    ),
    Kolom(
        "bentuk",
        gettext_lazy("Bentuk Informasi yang Tersedia"),
        True,
        ("bentuk", "formatinformasi", "format"),
    ),
    Kolom(
        "retensi",
        gettext_lazy("Jangka Waktu Penyimpanan atau Retensi Arsip"),
        True,
        ("jangkawaktupenyimpanan", "retensi", "jangkawaktu"),
    ),
    Kolom("kategori", gettext_lazy("Kategori Informasi"), True, ("kategori", "jenisinformasi")),
    Kolom("tahun", gettext_lazy("Tahun"), True, ("tahun",)),
    Kolom("subjek", gettext_lazy("Subjek"), prefixes=("subjek", "katakunci", "tag")),
    Kolom(
        "kode_klasifikasi",
        gettext_lazy("Kode Klasifikasi Arsip"),
        prefixes=("kodeklasifikasi", "kodearsip"),
    ),
    Kolom(
        "alasan_pengecualian",
        gettext_lazy("Dasar Pengecualian"),
        prefixes=("dasarpengecualian", "alasanpengecualian", "pasalpengecualian"),
    ),
    Kolom(
        "pengecualian_berakhir",
        gettext_lazy("Pengecualian Berlaku Sampai"),
        prefixes=("pengecualianberlaku", "pengecualianberakhir", "jangkawaktupengecualian"),
    ),
    Kolom("tautan", gettext_lazy("Tautan Dokumen"), prefixes=("tautan", "link", "url")),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
# Which column a value field's error belongs to.
FIELD_COLUMN = {name: "bentuk" for name, _label in BENTUK_FIELDS}
HEADER_SCAN_ROWS = 15

BENTUK_WORDS = {
    "softcopy": "softcopy",
    "soft": "softcopy",
    "hardcopy": "hardcopy",
    "hard": "hardcopy",
    "cetak": "cetak",
    "tercetak": "cetak",
    "rekam": "rekam",
    "rekaman": "rekam",
    "terekam": "rekam",
    "online": "online",
    "daring": "online",
}
KATEGORI_WORDS = (
    ("sertamerta", Kategori.SERTA_MERTA),
    ("setiapsaat", Kategori.SETIAP_SAAT),
    ("dikecualikan", Kategori.DIKECUALIKAN),
    ("berkala", Kategori.BERKALA),
)
_FORMULA_ESCAPED = re.compile(r"^'[=+\-@\t\r]")


def normalize(text: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").lower())


def match_header(text: Any) -> str | None:
    """The column key a header cell names, or None for a column the import ignores."""
    norm = normalize(text)
    if not norm:
        return None
    for column in COLUMNS:
        if norm == normalize(column.header):
            return column.key
    # Exceptions before retention: "Jangka waktu pengecualian" is not the retention column.
    ordered = sorted(COLUMNS, key=lambda c: c.key != "pengecualian_berakhir")
    for column in ordered:
        if column.key == "nomor":
            if norm in column.prefixes:
                return column.key
            continue
        if any(norm.startswith(prefix) for prefix in column.prefixes):
            return column.key
    return None


# ----------------------------------------------------------------------------- export


def row_values(row, *, links: Sequence[str] = ()) -> list[Any]:
    """One spreadsheet row of a version's entry, in COLUMNS order."""
    excepted = row.kategori == Kategori.DIKECUALIKAN
    return [
        row.nomor_urut,
        row.ringkasan,
        row.pejabat_penguasa,
        row.penanggung_jawab,
        row.waktu_tempat,
        row.bentuk_display,
        row.retensi,
        row.get_kategori_display(),
        row.tahun,
        row.subjek,
        row.kode_klasifikasi,
        pengecualian.short_label(row.alasan_pengecualian) if excepted else "",
        row.pengecualian_berakhir if excepted else None,
        # UU 14/2008 Ps 17: an excepted entry's documents never leave the portal.
        "" if excepted else "\n".join(links),
    ]


def version_export_rows(versi: VersiDIP, *, page_links: bool = False) -> list[list[Any]]:
    """Rows of a version for export; three queries whatever its size."""
    rows = list(
        EntriVersi.objects.filter(versi=versi)
        .defer("search_text", "search_vector")
        .order_by("nomor_urut")
    )
    links: dict[int, list[str]] = {}
    through = EntriVersi.dokumen.through
    for entri_id, tautan in (
        through.objects.filter(
            entriversi__versi=versi,
            dokumeninformasi__jenis=DokumenInformasi.Jenis.TAUTAN,
        )
        # The same rule as the public pages: nothing of an entry excepted since, nor an original
        # excepted in part by a decree in force.
        .exclude(dokumeninformasi__informasi__kategori=Kategori.DIKECUALIKAN)
        .exclude(dokumeninformasi__penetapan_pengecualian__status="berlaku")
        .order_by("dokumeninformasi__ditambahkan_pada", "dokumeninformasi_id")
        .values_list("entriversi_id", "dokumeninformasi__tautan")
    ):
        links.setdefault(entri_id, []).append(tautan)
    result = []
    for row in rows:
        values = row_values(row, links=links.get(row.pk, ()))
        if page_links:
            values.append(settings.PPID_SITE_URL + row.get_absolute_url())
        result.append(values)
    return result


def headers(*, page_links: bool = False) -> list[str]:
    names = [str(c.header) for c in COLUMNS]
    if page_links:
        names.append(_("Halaman Informasi"))
    return names


def title_lines(versi: VersiDIP) -> list[str]:
    return [
        settings.PPID_OFFICE_NAME,
        _("Daftar Informasi Publik"),
        _("Versi %(nomor)s, ditetapkan dengan SK Nomor %(sk)s tanggal %(tanggal)s")
        % {
            "nomor": versi.nomor,
            "sk": versi.nomor_sk,
            "tanggal": formats.date_format(versi.tanggal_sk, "j F Y"),
        },
    ]


def export_xlsx(versi: VersiDIP, *, page_links: bool = False, with_register: bool = False) -> bytes:
    """The version in the Perki layout; always in Indonesian, so it re-imports whatever the
    language of the person who exported it. The public download adds the register of excepted
    information as a second sheet (the import reads the first)."""
    with translation.override("id"):
        return _export_xlsx(versi, page_links=page_links, with_register=with_register)


def _export_xlsx(versi: VersiDIP, *, page_links: bool, with_register: bool = False) -> bytes:
    sheets = [
        (
            _("DIP"),
            headers(page_links=page_links),
            version_export_rows(versi, page_links=page_links),
        )
    ]
    if with_register:
        from django.utils import timezone

        from . import register_pengecualian, selectors

        sheets.append(
            register_pengecualian.register_sheet(selectors.register_rows(timezone.localdate()))
        )
    return build_xlsx(sheets, title_lines=title_lines(versi))


def export_csv(versi: VersiDIP) -> bytes:
    """UTF-8 with BOM so spreadsheet programs read the Indonesian text correctly; cells that
    look like formulas are escaped as in the XLSX export."""
    out = io.StringIO()
    writer = csv.writer(out)
    with translation.override("id"):
        writer.writerow(headers())
        rows = version_export_rows(versi)
    for values in rows:
        writer.writerow(
            [
                value.isoformat() if isinstance(value, date) else escape_cell(value)
                for value in values
            ]
        )
    return out.getvalue().encode("utf-8-sig")


# ----------------------------------------------------------------------------- import


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]
    links: list[str] = field(default_factory=list)

    @property
    def ringkasan(self) -> str:
        return self.values.get("ringkasan", "")


@dataclass
class ParseResult:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return bool(self.rows) and not self.errors


class UnreadableFile(ValueError):
    pass


def _read_csv(content: bytes) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly every byte string
        raise UnreadableFile(_("Berkas CSV tidak dapat dibaca (pengodean tidak dikenal)."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise UnreadableFile(_("Berkas CSV rusak: %(error)s") % {"error": exc}) from exc


def _read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many error types for bad files
        raise UnreadableFile(_("Berkas XLSX tidak dapat dibaca.")) from exc
    try:
        for sheet in workbook.worksheets:
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            if _find_header(rows) is not None:
                return rows
        return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _find_header(rows: list[list[Any]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        keys = {match_header(cell) for cell in row} - {None}
        if "ringkasan" in keys and len(keys) >= 3:
            return index
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _FORMULA_ESCAPED.match(text):
        # Our own export escaped a formula-like text with an apostrophe.
        text = text[1:]
    return text


def _kategori(value: Any) -> str:
    norm = normalize(value)
    for word, kategori in KATEGORI_WORDS:
        if word in norm:
            return kategori
    raise ValueError(
        _(
            "Kategori “%(value)s” tidak dikenal. Gunakan Berkala, Serta merta, Setiap saat, "
            "atau Dikecualikan."
        )
        % {"value": _text(value)}
    )


def _tahun(value: Any) -> int:
    if isinstance(value, (datetime, date)):
        return value.year
    text = _text(value)
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(
            _("Tahun “%(value)s” tidak valid; tulis empat angka, misalnya 2024.") % {"value": text}
        )
    return int(text)


def _bentuk(value: Any) -> dict[str, bool]:
    flags = {name: False for name, _label in BENTUK_FIELDS}
    unknown = []
    for token in re.split(r"[,;/\n]+|\bdan\b|\batau\b", _text(value), flags=re.IGNORECASE):
        norm = normalize(token)
        if not norm:
            continue
        name = BENTUK_WORDS.get(norm)
        if name is None:
            unknown.append(token.strip())
        else:
            flags[name] = True
    if unknown:
        raise ValueError(
            _(
                "Bentuk “%(value)s” tidak dikenal. Gunakan Softcopy, Hardcopy, Cetak, Rekam, "
                "atau Online (pisahkan dengan koma)."
            )
            % {"value": ", ".join(unknown)}
        )
    return flags


def _alasan(value: Any) -> str:
    text = _text(value)
    if not text:
        return ""
    match = re.search(r"huruf\s*([a-j])\b", text, re.IGNORECASE) or re.fullmatch(
        r"\s*([a-j])\b.*", text, re.IGNORECASE | re.DOTALL
    )
    if match is None:
        raise ValueError(
            _(
                "Dasar pengecualian “%(value)s” tidak dikenal. Tulis huruf Pasal 17 (a–j), "
                "misalnya “Pasal 17 huruf h”."
            )
            % {"value": text}
        )
    return match.group(1).lower()


def _tanggal(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        _("Tanggal “%(value)s” tidak valid; tulis seperti 31-12-2027.") % {"value": text}
    )


def _links(value: Any) -> list[str]:
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for token in re.split(r"\s+", _text(value)):
        if not token:
            continue
        if len(token) > 1000:
            raise ValueError(_("Tautan lebih dari 1000 karakter; pakai alamat yang lebih pendek."))
        try:
            validate(token)
        except ValidationError:
            raise ValueError(
                _("Tautan “%(value)s” tidak valid; tulis alamat lengkap yang diawali https://.")
                % {"value": token}
            ) from None
        links.append(token)
    return links


_CELL_PARSERS = {
    "kategori": _kategori,
    "tahun": _tahun,
    "alasan_pengecualian": _alasan,
    "pengecualian_berakhir": _tanggal,
}


def parse_table(rows: list[list[Any]], *, today: date | None = None) -> ParseResult:
    """Check every data row; collect the rows to create and every error (row, column,
    reason). Rows are numbered as the spreadsheet program shows them."""
    result = ParseResult()
    header_index = _find_header(rows)
    if header_index is None:
        result.errors.append(
            RowError(
                0,
                "",
                _(
                    "Baris judul kolom tidak ditemukan. Baris judul harus memuat kolom "
                    "“Ringkasan Isi Informasi” dan kolom lain format DIP Perki 1/2021."
                ),
            )
        )
        return result
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    for position, cell in enumerate(rows[header_index]):
        key = match_header(cell)
        if key is None:
            if _text(cell):
                result.ignored_columns.append(_text(cell))
            continue
        if key in positions:
            result.errors.append(
                RowError(
                    header_index + 1,
                    _text(cell),
                    _("Kolom “%(col)s” muncul lebih dari sekali.") % {"col": _text(cell)},
                )
            )
            continue
        positions[key] = position
        labels[key] = _text(cell)
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        result.errors.append(
            RowError(
                header_index + 1,
                ", ".join(missing),
                _("Kolom wajib tidak ada: %(cols)s.") % {"cols": ", ".join(missing)},
            )
        )
    if result.errors:
        return result

    def label(key: str) -> str:
        return labels.get(key) or str(COLUMN_BY_KEY[key].header)

    data_rows = [
        (index + 1, row)
        for index, row in enumerate(rows[header_index + 1 :], start=header_index + 1)
        if any(_text(cell) for cell in row)
    ]
    if len(data_rows) > conf.import_max_rows():
        result.errors.append(
            RowError(
                0,
                "",
                _("Berkas memuat %(n)s baris; paling banyak %(max)s baris sekali impor.")
                % {"n": len(data_rows), "max": conf.import_max_rows()},
            )
        )
        return result
    if not data_rows:
        result.errors.append(RowError(0, "", _("Berkas tidak memuat baris data.")))
        return result
    for number, row in data_rows:

        def cell(key: str, row=row) -> Any:
            position = positions.get(key)
            return row[position] if position is not None and position < len(row) else None

        values: dict[str, Any] = {}
        row_errors: list[RowError] = []
        for key in (
            "ringkasan",
            "pejabat_penguasa",
            "penanggung_jawab",
            "waktu_tempat",
            "retensi",
            "subjek",
            "kode_klasifikasi",
        ):
            values[key] = _text(cell(key))
        for key, parser in _CELL_PARSERS.items():
            raw = cell(key)
            if key in ("kategori", "tahun") and not _text(raw):
                row_errors.append(RowError(number, label(key), _("Kolom ini wajib diisi.")))
                continue
            try:
                values[key] = parser(raw)
            except ValueError as exc:
                row_errors.append(RowError(number, label(key), str(exc)))
        try:
            values.update(_bentuk(cell("bentuk")))
        except ValueError as exc:
            row_errors.append(RowError(number, label("bentuk"), str(exc)))
        links: list[str] = []
        try:
            links = _links(cell("tautan"))
        except ValueError as exc:
            row_errors.append(RowError(number, label("tautan"), str(exc)))
        if links and values.get("kategori") == Kategori.DIKECUALIKAN:
            row_errors.append(
                RowError(
                    number,
                    label("tautan"),
                    _("Informasi yang dikecualikan tidak boleh memuat tautan dokumen."),
                )
            )
        if not row_errors:
            try:
                values = clean_values(values, today=today)
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    column = FIELD_COLUMN.get(name, name)
                    for message in messages:
                        row_errors.append(RowError(number, label(column), message))
        if row_errors:
            result.errors.extend(row_errors)
        else:
            result.rows.append(ParsedRow(number, values, links))
    return result


def parse_file(content: bytes, *, is_xlsx: bool, today: date | None = None) -> ParseResult:
    try:
        rows = _read_xlsx(content) if is_xlsx else _read_csv(content)
    except UnreadableFile as exc:
        return ParseResult(errors=[RowError(0, "", str(exc))])
    return parse_table(rows, today=today)
