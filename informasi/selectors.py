"""Reads of the DIP: the published register, staff views filtered by the access rules, the plan
of a new version and the comparison of two versions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ppid_portal import cache as public_cache
from ppid_portal.access import user_roles
from ppid_portal.models import UnitKerja
from ppid_portal.roles import Role

from . import conf, pengecualian, search
from .models import (
    BENTUK_FIELDS,
    KATEGORI_ORDER,
    VALUE_FIELDS,
    DokumenInformasi,
    EntriVersi,
    InformasiPublik,
    Kategori,
    PenetapanPengecualian,
    UjiKonsekuensi,
    VersiDIP,
)
from .rules import reads_whole_register

# ----------------------------------------------------------------------------- public register

SORTS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor_urut",),
    "terbaru": ("-tanggal", "-id"),
    "terlama": ("tanggal", "id"),
    "tahun_baru": ("-tahun", "nomor_urut"),
    "tahun_lama": ("tahun", "nomor_urut"),
    "ringkasan": ("ringkasan", "nomor_urut"),
}
DEFAULT_SORT = "nomor"
BENTUK_NAMES = tuple(name for name, _label in BENTUK_FIELDS)


# Cache groups of what the public register shows. "dip" is renewed by the workflow when a version
# is published or a published document stops being public; "unit" whenever a unit is renamed.
# A published version is frozen, so anything computed from it stays right until then.
PUBLIC_GROUPS = ("dip", "unit")


def invalidate_public() -> None:
    """Drop every cached public page and value of the DIP (the workflow calls this when a
    version is published or a document of the published version stops being public)."""
    public_cache.invalidate("dip")


def published_version() -> VersiDIP | None:
    """The one version on the website, or None before the first publication."""
    return public_cache.memo(
        "informasi:versi-publik",
        ("dip",),
        lambda: VersiDIP.objects.filter(status=VersiDIP.Status.DIPUBLIKASIKAN).first(),
    )


def version_rows(versi: VersiDIP) -> QuerySet[EntriVersi]:
    """Rows of a version for lists: unit joined, the large search columns left out."""
    return (
        EntriVersi.objects.filter(versi=versi)
        .select_related("unit")
        .defer("search_text", "search_vector")
    )


def filter_rows(
    queryset: QuerySet[EntriVersi],
    *,
    q: str = "",
    kategori: str = "",
    unit: str = "",
    tahun: int | None = None,
    bentuk: str = "",
    urut: str = "",
) -> QuerySet[EntriVersi]:
    """The public filters (also used by the API): category, unit code, year, format, words."""
    if kategori:
        queryset = queryset.filter(kategori=kategori)
    if unit:
        queryset = queryset.filter(unit__kode=unit)
    if tahun:
        queryset = queryset.filter(tahun=tahun)
    if bentuk in BENTUK_NAMES:
        queryset = queryset.filter(**{bentuk: True})
    queryset = search.filter_queryset(queryset, q)
    return queryset.order_by(*SORTS[effective_sort(q=q, urut=urut)])


def effective_sort(*, q: str = "", urut: str = "") -> str:
    """The sort a list uses: the visitor's choice, else newest first for a search and DIP
    order otherwise."""
    key = urut or ("terbaru" if search.terms(q) else DEFAULT_SORT)
    return key if key in SORTS else DEFAULT_SORT


@dataclass(frozen=True)
class Hitungan:
    """How many rows a public filter matches; for a search at most `limit` are counted."""

    jumlah: int
    terbatas: bool = False


def count_rows(versi: VersiDIP, queryset: QuerySet[EntriVersi], filters: dict) -> Hitungan:
    """The number of rows of `queryset` (a filtered `version_rows(versi)`), kept per version and
    filter. A search counts at most `INFORMASI_SEARCH_COUNT_LIMIT` matches: a common word
    matches half the register, and counting 50,000 rows to print one number is not worth it."""
    words = search.terms(filters.get("q", ""))
    limit = conf.search_count_limit() if words else None
    ident = "|".join(
        [
            str(versi.pk),
            " ".join(words),
            *(str(filters.get(k) or "") for k in ("kategori", "unit", "tahun", "bentuk")),
            str(limit),
        ]
    )

    def compute() -> Hitungan:
        plain = queryset.order_by()
        if limit is None:
            return Hitungan(plain.count())
        found = plain[: limit + 1].count()
        return Hitungan(min(found, limit), terbatas=found > limit)

    return public_cache.memo(f"informasi:jumlah:{ident}", PUBLIC_GROUPS, compute)


def uses_keyset(filters: dict) -> bool:
    """True for the whole register in DIP order: its rows are numbered 1..n without gaps, so any
    page is found by its first number instead of skipping thousands of rows."""
    return not any(filters.get(k) for k in ("q", "kategori", "unit", "tahun", "bentuk")) and (
        effective_sort(urut=filters.get("urut", "")) == DEFAULT_SORT
    )


class RegisterPaginator(Paginator):
    """Pages of the public register with a count known beforehand (`count_rows`) and, for the
    unfiltered register in DIP order, pages found by DIP number (`uses_keyset`)."""

    def __init__(self, object_list, per_page, *, hitungan: Hitungan, keyset: bool = False):
        super().__init__(object_list, per_page, allow_empty_first_page=True)
        self.hitungan = hitungan
        self.keyset = keyset

    @cached_property
    def count(self) -> int:
        return self.hitungan.jumlah

    def page(self, number):
        number = self.validate_number(number)
        if not self.keyset:
            return super().page(number)
        first = (number - 1) * self.per_page
        rows = self.object_list.filter(nomor_urut__gt=first)[: self.per_page]
        return self._get_page(rows, number, self)


def filter_form_key(versi: VersiDIP | None, query_string: str) -> str:
    """Key of the rendered filter form of the public list for one filter state and language."""
    ident = "|".join(
        (
            str(versi.pk if versi else 0),
            public_cache.generations(PUBLIC_GROUPS),
            get_language() or "",
            query_string,
        )
    )
    return hashlib.sha256(ident.encode()).hexdigest()


def facets(versi: VersiDIP | None) -> tuple[list[tuple[str, str]], list[int]]:
    """Units (code, name) and years present in a version, for the filter choices; one query,
    kept until the next publication."""
    if versi is None:
        return [], []

    def compute():
        units: dict[str, str] = {}
        years: set[int] = set()
        for kode, nama, tahun in (
            EntriVersi.objects.filter(versi=versi)
            .values_list("unit__kode", "unit__nama", "tahun")
            .distinct()
            .order_by()
        ):
            units[kode] = nama
            years.add(tahun)
        return sorted(units.items(), key=lambda u: u[1].lower()), sorted(years, reverse=True)

    return public_cache.memo(f"informasi:facets:{versi.pk}", PUBLIC_GROUPS, compute)


def public_documents_queryset() -> QuerySet[DokumenInformasi]:
    # A file made sensitive (its entry was since classified as excepted) is never served
    # publicly, even by an older published version.
    # Likewise nothing of an entry excepted now, and no original that a decree in force
    # excepts in part (its redacted copy is served instead).
    return (
        DokumenInformasi.objects.select_related("berkas")
        .filter(Q(berkas__isnull=True) | Q(berkas__sensitive=False))
        .exclude(informasi__kategori=Kategori.DIKECUALIKAN)
        .exclude(penetapan_pengecualian__status=PenetapanPengecualian.Status.BERLAKU)
        .defer("teks")
        .order_by("ditambahkan_pada", "id")
    )


def public_entry(versi: VersiDIP | None, informasi_id: int) -> EntriVersi | None:
    """One row of the published version with the documents the public may download (none for
    an excepted entry). One query for a row without documents, two with."""
    if versi is None:
        return None
    through = EntriVersi.dokumen.through
    # (versi, informasi) is unique: no ORDER BY, which would join the version table to sort.
    rows = list(
        version_rows(versi)
        .filter(informasi_id=informasi_id)
        .annotate(punya_dokumen=Exists(through.objects.filter(entriversi_id=OuterRef("pk"))))
        .order_by()[:1]
    )
    if not rows:
        return None
    row = rows[0]
    if row.dikecualikan or not row.punya_dokumen:
        # UU 14/2008 Ps 17: only the metadata of excepted information is public.
        row.dokumen_publik = []
    else:
        row.dokumen_publik = list(public_documents_queryset().filter(entri_versi=row))
    return row


def public_document(versi: VersiDIP | None, informasi_id: int, dokumen_id: int):
    """(row, document) when the document may be downloaded from the published version."""
    if versi is None:
        return None, None
    row = (
        EntriVersi.objects.filter(versi=versi, informasi_id=informasi_id)
        .exclude(kategori=Kategori.DIKECUALIKAN)
        .only("id", "informasi_id", "kategori", "ringkasan")
        .order_by("pk")
        .first()
    )
    if row is None:
        return None, None
    document = public_documents_queryset().filter(pk=dokumen_id, entri_versi=row).first()
    return row, document


def category_counts(versi: VersiDIP | None) -> dict[str, int]:
    """Rows per category of a version (home page), kept until the next publication."""
    counts = dict.fromkeys(KATEGORI_ORDER, 0)
    if versi is None:
        return counts

    def compute() -> dict[str, int]:
        for row in (
            EntriVersi.objects.filter(versi=versi)
            .values("kategori")
            .annotate(n=Count("id"))
            .order_by()
        ):
            counts[row["kategori"]] = row["n"]
        return counts

    return public_cache.memo(f"informasi:kategori:{versi.pk}", ("dip",), compute)


def latest_rows(versi: VersiDIP | None, *, limit: int = 5, kategori: str = "") -> list:
    """The newest rows of a version (optionally of one category), kept until the next
    publication."""
    if versi is None:
        return []

    def compute() -> list:
        queryset = version_rows(versi)
        if kategori:
            queryset = queryset.filter(kategori=kategori)
        return list(queryset.order_by("-tanggal", "-id")[:limit])

    return public_cache.memo(
        f"informasi:terbaru:{versi.pk}:{limit}:{kategori}", PUBLIC_GROUPS, compute
    )


# ----------------------------------------------------------------------------- staff register


def entries_visible_to(user) -> QuerySet[InformasiPublik]:
    """The same rule as `informasi.entri.view`: the whole register for Desk, PPID, Atasan, Tim
    Pertimbangan and Pembina; a Penyedia only their unit's entries; nobody else anything."""
    queryset = InformasiPublik.objects.select_related("unit")
    if reads_whole_register(user):
        return queryset
    if Role.PENYEDIA in user_roles(user) and user.unit_id:
        return queryset.filter(unit_id=user.unit_id)
    return queryset.none()


def staff_filter(
    queryset: QuerySet[InformasiPublik],
    *,
    status: str = "",
    kategori: str = "",
    unit: int | None = None,
    q: str = "",
) -> QuerySet[InformasiPublik]:
    if status:
        queryset = queryset.filter(status=status)
    if kategori:
        queryset = queryset.filter(kategori=kategori)
    if unit:
        queryset = queryset.filter(unit_id=unit)
    for word in search.terms(q):
        queryset = queryset.filter(
            Q(ringkasan__icontains=word) | Q(subjek__icontains=word) | Q(kode_klasifikasi=word)
        )
    return queryset


def active_documents(entry: InformasiPublik) -> QuerySet[DokumenInformasi]:
    return entry.dokumen.filter(dihapus_pada__isnull=True).select_related("berkas").defer("teks")


def last_version() -> VersiDIP | None:
    """The version a new penetapan builds on: the newest one not cancelled."""
    return VersiDIP.objects.exclude(status=VersiDIP.Status.DIBATALKAN).order_by("-nomor").first()


def pending_version() -> VersiDIP | None:
    return (
        VersiDIP.objects.filter(
            status__in=[VersiDIP.Status.DITETAPKAN, VersiDIP.Status.DIPERINTAHKAN]
        )
        .order_by("-nomor")
        .first()
    )


def entries_awaiting_penetapan() -> QuerySet[InformasiPublik]:
    """Documented entries whose values are newer than the last version (or never set)."""
    queryset = InformasiPublik.objects.filter(
        status=InformasiPublik.Status.DIDOKUMENTASIKAN
    ).select_related("unit")
    latest = last_version()
    if latest is not None:
        queryset = queryset.filter(didokumentasikan_pada__gt=latest.dibuat_pada)
    return queryset.order_by("didokumentasikan_pada", "id")


# ----------------------------------------------------------------------------- versions


@dataclass
class Baris:
    """One register row for planning and comparison: the values and the document ids."""

    informasi_id: int
    values: dict[str, Any]
    dokumen: frozenset[int]
    tanggal: datetime | None = None
    search_text: str = ""
    documents: list = field(default_factory=list)
    source: str = ""

    @property
    def label(self) -> str:
        return Truncator(self.values.get("ringkasan", "")).chars(120)

    @property
    def kategori(self) -> str:
        return self.values.get("kategori", "")

    @property
    def kategori_label(self) -> str:
        return str(Kategori(self.kategori).label) if self.kategori in Kategori.values else ""

    def sort_key(self, unit_names: dict[int, str]):
        return (
            KATEGORI_ORDER.index(self.values["kategori"]),
            unit_names.get(self.values["unit"], "").lower(),
            -int(self.values["tahun"]),
            self.values["ringkasan"].lower(),
            self.informasi_id,
        )


def _values_of(obj) -> dict[str, Any]:
    values = {name: getattr(obj, name) for name in VALUE_FIELDS if name != "unit"}
    values["unit"] = obj.unit_id
    return values


def version_baris(versi: VersiDIP) -> dict[int, Baris]:
    """The rows of a set version keyed by entry id; two queries."""
    rows = {
        row.informasi_id: Baris(row.informasi_id, _values_of(row), frozenset(), tanggal=row.tanggal)
        for row in EntriVersi.objects.filter(versi=versi).defer("search_text", "search_vector")
    }
    documents: dict[int, set[int]] = {}
    through = EntriVersi.dokumen.through
    for informasi_id, dokumen_id in through.objects.filter(entriversi__versi=versi).values_list(
        "entriversi__informasi_id", "dokumeninformasi_id"
    ):
        documents.setdefault(informasi_id, set()).add(dokumen_id)
    for informasi_id, ids in documents.items():
        rows[informasi_id].dokumen = frozenset(ids)
    return rows


def version_plan() -> tuple[VersiDIP | None, list[Baris]]:
    """What a new penetapan would freeze: the previous version plus the changes.

    - a documented entry enters with its current values and active documents;
    - an entry of the previous version that is being corrected or updated (back in draft,
      submitted or returned) keeps the values it had in that version until it is documented
      again;
    - a withdrawn entry (dicabut) leaves the register.
    """
    previous = last_version()
    planned: list[Baris] = []
    current = InformasiPublik.objects.filter(
        status=InformasiPublik.Status.DIDOKUMENTASIKAN
    ).prefetch_related(
        Prefetch(
            "dokumen",
            queryset=DokumenInformasi.objects.filter(dihapus_pada__isnull=True)
            .select_related("berkas")
            .order_by("ditambahkan_pada", "id"),
            to_attr="dokumen_aktif",
        )
    )
    unit_names = dict(UnitKerja.objects.values_list("id", "nama"))
    for entry in current:
        planned.append(
            Baris(
                entry.pk,
                _values_of(entry),
                frozenset(d.pk for d in entry.dokumen_aktif),
                tanggal=entry.didokumentasikan_pada,
                search_text=search.build_text(
                    entry,
                    unit_name=unit_names.get(entry.unit_id, ""),
                    documents=entry.dokumen_aktif,
                ),
                source="current",
            )
        )
    if previous is not None:
        carried = (
            EntriVersi.objects.filter(
                versi=previous,
                informasi__status__in=[
                    InformasiPublik.Status.DRAF,
                    InformasiPublik.Status.DIAJUKAN,
                    InformasiPublik.Status.DIKEMBALIKAN,
                ],
            )
            .select_related("informasi")
            .prefetch_related(
                Prefetch("dokumen", queryset=DokumenInformasi.objects.select_related("berkas"))
            )
        )
        for row in carried:
            values = _values_of(row)
            documents = list(row.dokumen.all())
            search_text = row.search_text
            living = row.informasi
            # An entry excepted since (UU 14/2008 Ps 17) is carried as excepted, without its
            # documents; files kept sensitive (excepted originals) are never carried.
            excepted_now = living.dikecualikan and not row.dikecualikan
            public = [d for d in documents if d.berkas is None or not d.berkas.sensitive]
            if excepted_now or len(public) != len(documents):
                if excepted_now:
                    values.update(
                        kategori=living.kategori,
                        alasan_pengecualian=living.alasan_pengecualian,
                        pengecualian_berakhir=living.pengecualian_berakhir,
                    )
                    row.kategori = living.kategori
                    public = []
                documents = public
                search_text = search.build_text(
                    row, unit_name=unit_names.get(row.unit_id, ""), documents=documents
                )
            planned.append(
                Baris(
                    row.informasi_id,
                    values,
                    frozenset(d.pk for d in documents),
                    tanggal=row.tanggal,
                    search_text=search_text,
                    source="carry",
                )
            )
    planned.sort(key=lambda b: b.sort_key(unit_names))
    return previous, planned


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Perubahan:
    old: Baris
    new: Baris
    diffs: tuple[FieldDiff, ...]


@dataclass
class Perbandingan:
    added: list[Baris]
    removed: list[Baris]
    changed: list[Perubahan]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _display(name: str, value: Any, units: dict[int, str]) -> str:
    if name == "unit":
        return units.get(value, str(value))
    if name == "kategori":
        return str(Kategori(value).label) if value in Kategori.values else str(value)
    if name == "alasan_pengecualian":
        return pengecualian.short_label(value) or "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if value in (None, ""):
        return "—"
    return str(value)


def compare(
    old: dict[int, Baris],
    new: dict[int, Baris],
    *,
    units: dict[int, str] | None = None,
    document_titles: dict[int, str] | None = None,
) -> Perbandingan:
    """Entries added, removed and changed (with each changed value) from `old` to `new`."""
    from .validation import field_label

    units = units if units is not None else dict(UnitKerja.objects.values_list("id", "nama"))
    if document_titles is None:
        ids = set().union(*(b.dokumen for b in [*old.values(), *new.values()]))
        document_titles = dict(
            DokumenInformasi.objects.filter(pk__in=ids).values_list("id", "judul")
        )
    added = [new[i] for i in new if i not in old]
    removed = [old[i] for i in old if i not in new]
    changed: list[Perubahan] = []
    for informasi_id in new:
        if informasi_id not in old:
            continue
        before, after = old[informasi_id], new[informasi_id]
        diffs = [
            FieldDiff(
                name,
                field_label(name).capitalize(),
                _display(name, before.values.get(name), units),
                _display(name, after.values.get(name), units),
            )
            for name in VALUE_FIELDS
            if before.values.get(name) != after.values.get(name)
        ]
        if before.dokumen != after.dokumen:

            def titles(ids: Iterable[int]) -> str:
                return ", ".join(sorted(document_titles.get(i, f"#{i}") for i in ids)) or "—"

            diffs.append(
                FieldDiff(
                    "dokumen",
                    _("Dokumen"),
                    titles(before.dokumen - after.dokumen),
                    titles(after.dokumen - before.dokumen),
                )
            )
        if diffs:
            changed.append(Perubahan(before, after, tuple(diffs)))
    key = lambda b: (KATEGORI_ORDER.index(b.kategori), b.label.lower())  # noqa: E731
    added.sort(key=key)
    removed.sort(key=key)
    changed.sort(key=lambda p: key(p.new))
    return Perbandingan(added, removed, changed)


def compare_versions(old: VersiDIP, new: VersiDIP) -> Perbandingan:
    return compare(version_baris(old), version_baris(new))


# ----------------------------------------------------------------------------- excepted information


def penetapan_in_force(day: date) -> QuerySet[PenetapanPengecualian]:
    """Decrees in force on `day`: approved, decreed on or before it, period not yet over."""
    return PenetapanPengecualian.objects.filter(
        Q(berakhir_pada__isnull=True) | Q(berakhir_pada__gte=day),
        status=PenetapanPengecualian.Status.BERLAKU,
        tanggal__lte=day,
    )


def register_rows(day: date, *, alasan: str = "") -> QuerySet[PenetapanPengecualian]:
    """The public register of excepted information: metadata of each decree in force (number,
    date, a description that reveals nothing excepted, the ground, the period). Only the
    columns the public may see are read."""
    queryset = (
        penetapan_in_force(day)
        .select_related("unit")
        .only(
            "id",
            "nomor",
            "tanggal",
            "uraian_publik",
            "alasan",
            "dasar_hukum_lain",
            "cakupan",
            "permanen",
            "berakhir_pada",
            "status",
            "informasi_id",
            "unit__nama",
            "unit__kode",
        )
        .order_by("-tanggal", "-urut")
    )
    if alasan:
        queryset = queryset.filter(alasan=alasan)
    return queryset


def register_stamp() -> str:
    """Changes whenever the register can change (a decree approved, ended, replaced, or a day
    passing), for caching documents that include it."""
    from django.db.models import Count
    from django.db.models import Max as _Max
    from django.utils import timezone

    data = PenetapanPengecualian.objects.aggregate(n=Count("id"), last=_Max("diubah_pada"))
    last = data["last"].timestamp() if data["last"] else 0
    return f"{data['n']}:{last}:{timezone.localdate().isoformat()}"


@dataclass(frozen=True)
class PenetapanPublik:
    """What the public pages say of a decree in force: number, date, scope and period."""

    id: int
    informasi_id: int
    nomor: str
    tanggal: date
    cakupan: str
    permanen: bool
    berakhir_pada: date | None


def _decrees_in_force(day: date) -> dict[int, PenetapanPublik]:
    """Every decree in force on `day` that excepts a DIP entry, by entry: a few thousand small
    tuples at most, kept until an exception begins or ends (the workflow renews "dip" then) or
    the day changes (a period running out needs no service to end it on the public pages)."""

    def compute() -> dict[int, PenetapanPublik]:
        return {
            row[1]: PenetapanPublik(*row)
            for row in penetapan_in_force(day)
            .filter(informasi_id__isnull=False)
            .order_by("tanggal", "id")
            .values_list(
                "id", "informasi_id", "nomor", "tanggal", "cakupan", "permanen", "berakhir_pada"
            )
        }

    return public_cache.memo(f"informasi:penetapan-berlaku:{day.isoformat()}", ("dip",), compute)


def penetapan_by_informasi(ids: Iterable[int], day: date) -> dict[int, PenetapanPublik]:
    """The decree in force for each of these entries (no query once the day's decrees are
    kept)."""
    ids = list(ids)
    if not ids:
        return {}
    in_force = _decrees_in_force(day)
    return {pk: in_force[pk] for pk in ids if pk in in_force}


def uji_visible_to(user) -> QuerySet[UjiKonsekuensi]:
    """The same rule as `informasi.uji.view`."""
    from .rules import SHEET_READERS

    queryset = UjiKonsekuensi.objects.select_related("unit", "informasi", "diusulkan_oleh")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    if user_roles(user) & SHEET_READERS:
        return queryset
    own = Q(peserta__pengguna=user)
    if Role.PENYEDIA in user_roles(user) and user.unit_id:
        own |= Q(unit_id=user.unit_id)
    return queryset.filter(own).distinct()


def penetapan_visible_to(user) -> QuerySet[PenetapanPengecualian]:
    """The same rule as `informasi.penetapan.view`."""
    from .rules import SHEET_READERS

    queryset = PenetapanPengecualian.objects.select_related("unit", "uji", "informasi")
    roles = user_roles(user)
    if roles & SHEET_READERS:
        return queryset
    if Role.PENYEDIA in roles and user.unit_id:
        return queryset.filter(unit_id=user.unit_id)
    return queryset.none()


def expiry_queue() -> QuerySet[PenetapanPengecualian]:
    """Seed 004: decrees in force whose period ends within 30 working days (queued by
    `periksa_pengecualian`), by priority, then by end date."""
    return (
        PenetapanPengecualian.objects.filter(
            status=PenetapanPengecualian.Status.BERLAKU, antrean_pada__isnull=False
        )
        .select_related("unit")
        .order_by("prioritas", "berakhir_pada", "id")
    )


def sheets_awaiting_signature(user) -> QuerySet[UjiKonsekuensi]:
    return (
        UjiKonsekuensi.objects.filter(
            status=UjiKonsekuensi.Status.DIEDARKAN,
            peserta__pengguna=user,
            peserta__ditandatangani_pada__isnull=True,
        )
        .select_related("unit")
        .order_by("diedarkan_pada", "id")
    )


def draft_sheets(user) -> QuerySet[UjiKonsekuensi]:
    from .rules import SHEET_EDITORS

    queryset = UjiKonsekuensi.objects.filter(status=UjiKonsekuensi.Status.DRAF).select_related(
        "unit"
    )
    if user_roles(user) & SHEET_EDITORS:
        return queryset.order_by("diusulkan_pada", "id")
    if Role.PENYEDIA in user_roles(user) and user.unit_id:
        return queryset.filter(unit_id=user.unit_id).order_by("diusulkan_pada", "id")
    return queryset.none()


def sheets_to_decree() -> QuerySet[UjiKonsekuensi]:
    """Completed tests that conclude *dikecualikan* and have no decree yet (or only a refused
    one)."""
    return (
        UjiKonsekuensi.objects.filter(
            status=UjiKonsekuensi.Status.SELESAI,
            kesimpulan=UjiKonsekuensi.Kesimpulan.DIKECUALIKAN,
        )
        .exclude(
            penetapan_set__status__in=[
                s for s in PenetapanPengecualian.Status.values if s != "ditolak"
            ]
        )
        .select_related("unit")
        .order_by("selesai_pada", "id")
    )


def penetapan_awaiting_approval() -> QuerySet[PenetapanPengecualian]:
    return (
        PenetapanPengecualian.objects.filter(status=PenetapanPengecualian.Status.MENUNGGU)
        .select_related("unit")
        .order_by("diterbitkan_pada", "id")
    )


def penetapan_for_refusal(day: date) -> QuerySet[PenetapanPengecualian]:
    """What a written notice refusing a request may cite: decrees in force that day."""
    return penetapan_in_force(day).select_related("unit").order_by("-tanggal", "-urut")
