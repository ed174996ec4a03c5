"""Full-text search over the rows of a DIP version. The one place that knows the database.

- PostgreSQL: `EntriVersi.search_vector` holds `to_tsvector('indonesian', search_text)`, with a GIN
  index (migration 0002, PostgreSQL only); a query is `to_tsquery('indonesian', 'a:* & b:*')`.
- SQLite: an FTS5 table `informasi_entriversi_fts` over `search_text` (external content, rowid =
  EntriVersi.id), created by migration 0002 only on SQLite and filled by `index_entries()`.

Both match every term of the query as a word prefix (PostgreSQL also stems Indonesian words, so it
finds "keuangan" for "uang"; SQLite does not). Matching only filters: nothing ranks, so a caller
orders the candidates by date or by DIP number and paginates, and a later change may bound the
candidate set here without touching the views.

Rows are written once (a version is frozen), so indexing happens only when a version is set;
`rebuild()` re-creates the index from the table, e.g. after restoring a backup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from . import conf

FTS_TABLE = "informasi_entriversi_fts"
PG_CONFIG = "indonesian"

_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def terms(query: str) -> list[str]:
    """The words of a visitor's query, lower-cased, without operators, at most a few."""
    seen: list[str] = []
    for word in _TERM.findall((query or "").lower()):
        word = word[:64]
        if word not in seen:
            seen.append(word)
        if len(seen) >= conf.search_max_terms():
            break
    return seen


def build_text(entry, *, unit_name: str, documents: Iterable = ()) -> str:
    """What one row is found by. Excepted entries (UU 14/2008 Ps 17) are found only by their
    metadata: the titles and text of their documents never enter the index."""
    parts = [
        entry.ringkasan,
        entry.subjek,
        entry.pejabat_penguasa,
        entry.penanggung_jawab,
        entry.waktu_tempat,
        unit_name,
        entry.kode_klasifikasi,
        str(entry.tahun),
        entry.get_kategori_display(),
    ]
    if not entry.dikecualikan:
        for document in documents:
            berkas = getattr(document, "berkas", None)
            # A file kept sensitive (an excepted original) is never searchable.
            if berkas is not None and berkas.sensitive:
                continue
            parts.append(document.judul)
            parts.append(document.teks)
    return "\n".join(p for p in parts if p).replace("\x00", "")


def index_entries(ids: Iterable[int]) -> None:
    """Index rows whose `search_text` is already saved (called when a version is set)."""
    ids = list(ids)
    if not ids:
        return
    from .models import EntriVersi

    if is_postgresql():
        from django.contrib.postgres.search import SearchVector

        for chunk in _chunks(ids, 2000):
            EntriVersi.objects.filter(pk__in=chunk).update(
                search_vector=SearchVector("search_text", config=PG_CONFIG)
            )
        return
    with connection.cursor() as cursor:
        for chunk in _chunks(ids, 500):
            marks = ",".join(["%s"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}(rowid, search_text) "  # noqa: S608 - fixed names
                f"SELECT id, search_text FROM informasi_entriversi WHERE id IN ({marks})",
                chunk,
            )


def reindex_entry(informasi_id: int) -> int:
    """Rebuild the search text of every version row of one entry, after its exception changed:
    rows of an entry excepted now, and files kept sensitive, stop being found by their text at
    once, even in a version already published. Returns the rows updated."""
    from .models import EntriVersi, InformasiPublik

    living = InformasiPublik.objects.filter(pk=informasi_id).values_list("kategori", flat=True)
    excepted_now = bool(living) and living[0] == "dikecualikan"
    rows = list(
        EntriVersi.objects.filter(informasi_id=informasi_id)
        .select_related("unit")
        .prefetch_related("dokumen__berkas")
    )
    changed: list[tuple[int, str, str]] = []
    for row in rows:
        documents = [] if excepted_now else list(row.dokumen.all())
        text = build_text(row, unit_name=row.unit.nama, documents=documents)
        if text != row.search_text:
            changed.append((row.pk, row.search_text, text))
    if not changed:
        return 0
    if is_postgresql():
        from django.contrib.postgres.search import SearchVector

        for pk, _old, text in changed:
            EntriVersi.objects.filter(pk=pk).update(search_text=text)
        EntriVersi.objects.filter(pk__in=[pk for pk, _o, _t in changed]).update(
            search_vector=SearchVector("search_text", config=PG_CONFIG)
        )
        return len(changed)
    with connection.cursor() as cursor:
        for pk, old, text in changed:
            # An external-content FTS5 row is removed with the text it was indexed with.
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "  # noqa: S608
                "VALUES ('delete', %s, %s)",
                [pk, old],
            )
            EntriVersi.objects.filter(pk=pk).update(search_text=text)
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (%s, %s)",  # noqa: S608
                [pk, text],
            )
    return len(changed)


def rebuild() -> None:
    """Re-create the whole index from the stored `search_text`."""
    from .models import EntriVersi

    if is_postgresql():
        from django.contrib.postgres.search import SearchVector

        EntriVersi.objects.update(search_vector=SearchVector("search_text", config=PG_CONFIG))
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608


def filter_queryset(queryset: QuerySet, query: str) -> QuerySet:
    """`queryset` (of EntriVersi) narrowed to rows matching every term of `query`.

    An empty query leaves the queryset unchanged. No ranking is added: order the result as the
    page wants (newest first, DIP number), which keeps large registers cheap.
    """
    words = terms(query)
    if not words:
        return queryset
    if is_postgresql():
        from django.contrib.postgres.search import SearchQuery

        raw = " & ".join(f"{word}:*" for word in words)
        return queryset.filter(search_vector=SearchQuery(raw, config=PG_CONFIG, search_type="raw"))
    match = " AND ".join(f'"{word}"*' for word in words)
    return queryset.filter(
        # The table name is a constant; the user's words go in as a parameter.
        pk__in=RawSQL(  # noqa: S611
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            (match,),
        )
    )


def _chunks(items: list[int], size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]
