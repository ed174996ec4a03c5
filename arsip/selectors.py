"""Reads of the arsip app: retention lookups, the location tree, lists, reports."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal.models import AuditLog

from . import conf
from .models import (
    BerkasArsip,
    ItemArsip,
    JadwalRetensi,
    Kegiatan,
    LampiranKegiatan,
    LaporanCadangan,
    Lokasi,
    PemeriksaanArsip,
    TautanItem,
    TautanKegiatan,
    UsulPemusnahan,
    UsulPemusnahanItem,
)

LOGIN_ACTION = "akun.masuk"
# Reads written to the audit trail; they are not "entries added or updated".
READ_ACTIONS = frozenset({LOGIN_ACTION, "berkas.unduh", "audit.ekspor"})
TANPA_PERAN = "Pemohon"


# --- Retention ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Retensi:
    """The retention of a classification code, as the DIP's "jangka waktu penyimpanan" column
    and the daftar arsip show it."""

    kode_klasifikasi: str
    jenis_arsip: str
    aktif_tahun: int
    inaktif_tahun: int
    nasib_akhir: str
    nasib_akhir_label: str
    teks: str
    jadwal_id: int


def normalisasi_kode(kode: str) -> str:
    return (kode or "").strip().upper()


def _kode_induk(kode: str) -> list[str]:
    parts = normalisasi_kode(kode).split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts)) if parts[i]]


def jadwal_untuk_kode(kode: str) -> JadwalRetensi | None:
    """The schedule row of `kode`, or of its nearest parent code ("KU.01" covers "KU.01.02")."""
    candidates = _kode_induk(kode)
    if not candidates:
        return None
    rows = JadwalRetensi.objects.filter(kode_klasifikasi__in=candidates)
    return max(rows, key=lambda j: len(j.kode_klasifikasi), default=None)


def retensi_dari_jadwal(jadwal: JadwalRetensi) -> Retensi:
    return Retensi(
        kode_klasifikasi=jadwal.kode_klasifikasi,
        jenis_arsip=jadwal.jenis_arsip,
        aktif_tahun=jadwal.retensi_aktif,
        inaktif_tahun=jadwal.retensi_inaktif,
        nasib_akhir=jadwal.nasib_akhir,
        nasib_akhir_label=str(jadwal.get_nasib_akhir_display()),
        teks=jadwal.teks_retensi,
        jadwal_id=jadwal.pk,
    )


def retensi_untuk_kode(kode: str) -> Retensi | None:
    """Retention (active and inactive years, final disposition, Indonesian text) of a
    classification code from the Jadwal Retensi Arsip; None when the schedule has no row for
    the code or any of its parents."""
    jadwal = jadwal_untuk_kode(kode)
    return retensi_dari_jadwal(jadwal) if jadwal else None


def teks_retensi_untuk_kode(kode: str) -> str | None:
    """The retention text of a code, as other apps read it through `ppid_portal.retention`
    (registered in `ArsipConfig.ready()`)."""
    jadwal = jadwal_untuk_kode(kode)
    return jadwal.teks_retensi if jadwal else None


# --- Generic links ------------------------------------------------------------------------------


def tautan_models() -> dict[str, Any]:
    """The linkable models that are installed, keyed "app_label.modelname" (lower case)."""
    found = {}
    for label in conf.tautan_models():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        found[model._meta.label_lower] = model
    return found


def tautan_pilihan() -> list[tuple[str, str]]:
    return [
        (label, str(model._meta.verbose_name).capitalize())
        for label, model in tautan_models().items()
    ]


def _tautan_untuk(model, obj) -> QuerySet:
    return model.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def item_terkait(obj) -> QuerySet[ItemArsip]:
    """Archive items linked to `obj` (a DIP entry or a request)."""
    ids = _tautan_untuk(TautanItem, obj).values("item_id")
    return ItemArsip.objects.filter(pk__in=ids).select_related("lokasi")


def kegiatan_publik_terkait(obj) -> QuerySet[Kegiatan]:
    """Public activity records linked to `obj`, for a DIP entry's page."""
    ids = _tautan_untuk(TautanKegiatan, obj).values("kegiatan_id")
    return Kegiatan.objects.filter(pk__in=ids, publik=True)


# --- Locations and items ------------------------------------------------------------------------


def lokasi_dengan_jalur() -> QuerySet[Lokasi]:
    return Lokasi.objects.select_related(Lokasi.SELECT_JALUR)


def pohon_lokasi() -> list[tuple[Lokasi, int]]:
    """Every location in tree order with its depth, and `jumlah_item` (items directly in it)."""
    nodes = list(
        Lokasi.objects.select_related("unit").annotate(
            jumlah_item=Count("item", filter=~Q(item__status=ItemArsip.Status.DIMUSNAHKAN))
        )
    )
    children: dict[int | None, list[Lokasi]] = defaultdict(list)
    for node in nodes:
        children[node.induk_id].append(node)
    ordered: list[tuple[Lokasi, int]] = []

    def walk(parent_id, depth):
        for node in sorted(children.get(parent_id, []), key=lambda n: n.kode):
            ordered.append((node, depth))
            walk(node.pk, depth + 1)

    walk(None, 0)
    return ordered


def q_di_dalam(lokasi: Lokasi, prefix: str = "lokasi") -> Q:
    """Items (or places) at `lokasi` or anywhere below it; the tree has four levels."""
    q = Q(**{prefix: lokasi})
    path = prefix
    for _level in range(3):
        path += "__induk"
        q |= Q(**{path: lokasi})
    return q


def item_list() -> QuerySet[ItemArsip]:
    return ItemArsip.objects.select_related(
        "unit", "jadwal", "lokasi__induk__induk__induk"
    ).order_by("kode_klasifikasi", "tanggal_mulai", "id")


def item_filter(
    qs: QuerySet[ItemArsip],
    *,
    q: str = "",
    unit=None,
    lokasi: Lokasi | None = None,
    status: str = "",
    kode: str = "",
    medium: str = "",
) -> QuerySet[ItemArsip]:
    if q:
        qs = qs.filter(Q(judul__icontains=q) | Q(uraian__icontains=q))
    if unit:
        qs = qs.filter(unit=unit)
    if lokasi:
        qs = qs.filter(q_di_dalam(lokasi))
    if status:
        qs = qs.filter(status=status)
    if kode:
        kode = normalisasi_kode(kode)
        qs = qs.filter(Q(kode_klasifikasi=kode) | Q(kode_klasifikasi__startswith=kode + "."))
    if medium:
        qs = qs.filter(medium=medium)
    return qs


def item_detail_qs() -> QuerySet[ItemArsip]:
    return ItemArsip.objects.select_related(
        "unit", "jadwal", "dibuat_oleh", "lokasi__induk__induk__induk"
    ).prefetch_related(
        Prefetch("berkas", queryset=BerkasArsip.objects.select_related("berkas")),
        Prefetch("tautan", queryset=TautanItem.objects.select_related("content_type")),
        "pemindahan__oleh",
        Prefetch(
            "usul_pemusnahan",
            queryset=UsulPemusnahanItem.objects.select_related("usul__diputus_oleh"),
        ),
    )


def isi_lokasi(lokasi: Lokasi) -> QuerySet[ItemArsip]:
    return item_list().filter(q_di_dalam(lokasi)).exclude(status=ItemArsip.Status.DIMUSNAHKAN)


# --- Retention report ---------------------------------------------------------------------------


@dataclass
class LaporanRetensi:
    hari_ini: date
    batas: date
    jatuh_tempo_inaktif: list[ItemArsip]
    segera_inaktif: list[ItemArsip]
    jatuh_tempo_musnah: list[ItemArsip]
    jatuh_tempo_permanen: list[ItemArsip]
    jatuh_tempo_dinilai: list[ItemArsip]
    segera_nasib: list[ItemArsip]


def item_dalam_usul_terbuka() -> Exists:
    return Exists(UsulPemusnahanItem.objects.filter(item=OuterRef("pk"), terbuka=True))


def item_jatuh_tempo_nasib(hari_ini: date | None = None) -> QuerySet[ItemArsip]:
    """Items whose inactive period has ended and that still wait for their final disposition."""
    hari_ini = hari_ini or timezone.localdate()
    return item_list().filter(
        status__in=[ItemArsip.Status.AKTIF, ItemArsip.Status.INAKTIF],
        tanggal_nasib__lte=hari_ini,
    )


def item_boleh_diusulkan_musnah(hari_ini: date | None = None) -> QuerySet[ItemArsip]:
    """Due items whose schedule says destroy (or re-evaluate), not already in an open
    proposal."""
    return (
        item_jatuh_tempo_nasib(hari_ini)
        .exclude(jadwal__nasib_akhir=JadwalRetensi.NasibAkhir.PERMANEN)
        .annotate(dalam_usul=item_dalam_usul_terbuka())
        .filter(dalam_usul=False)
    )


def item_jatuh_tempo_inaktif(hari_ini: date | None = None) -> QuerySet[ItemArsip]:
    hari_ini = hari_ini or timezone.localdate()
    return item_list().filter(status=ItemArsip.Status.AKTIF, tanggal_inaktif__lte=hari_ini)


def laporan_retensi(
    hari_ini: date | None = None, horizon_hari: int | None = None
) -> LaporanRetensi:
    hari_ini = hari_ini or timezone.localdate()
    horizon = conf.retensi_horizon_hari() if horizon_hari is None else horizon_hari
    batas = hari_ini + timedelta(days=horizon)
    due = list(item_jatuh_tempo_nasib(hari_ini).annotate(dalam_usul=item_dalam_usul_terbuka()))
    nasib = JadwalRetensi.NasibAkhir
    return LaporanRetensi(
        hari_ini=hari_ini,
        batas=batas,
        jatuh_tempo_inaktif=list(
            item_jatuh_tempo_inaktif(hari_ini).filter(tanggal_nasib__gt=hari_ini)
        ),
        segera_inaktif=list(
            item_list().filter(
                status=ItemArsip.Status.AKTIF,
                tanggal_inaktif__gt=hari_ini,
                tanggal_inaktif__lte=batas,
            )
        ),
        jatuh_tempo_musnah=[i for i in due if i.jadwal.nasib_akhir == nasib.MUSNAH],
        jatuh_tempo_permanen=[i for i in due if i.jadwal.nasib_akhir == nasib.PERMANEN],
        jatuh_tempo_dinilai=[i for i in due if i.jadwal.nasib_akhir == nasib.DINILAI_KEMBALI],
        segera_nasib=list(
            item_list().filter(
                status__in=[ItemArsip.Status.AKTIF, ItemArsip.Status.INAKTIF],
                tanggal_nasib__gt=hari_ini,
                tanggal_nasib__lte=batas,
            )
        ),
    )


def usul_list() -> QuerySet[UsulPemusnahan]:
    return (
        UsulPemusnahan.objects.select_related("diusulkan_oleh", "diputus_oleh")
        .annotate(jumlah_item=Count("baris"))
        .order_by("-diusulkan_pada", "-id")
    )


def usul_detail_qs() -> QuerySet[UsulPemusnahan]:
    return UsulPemusnahan.objects.select_related("diusulkan_oleh", "diputus_oleh").prefetch_related(
        Prefetch("baris", queryset=UsulPemusnahanItem.objects.select_related("item"))
    )


# --- Activities ---------------------------------------------------------------------------------


def kegiatan_list() -> QuerySet[Kegiatan]:
    return (
        Kegiatan.objects.select_related("unit")
        .annotate(jumlah_lampiran=Count("lampiran"))
        .order_by("-tanggal", "-id")
    )


def kegiatan_filter(
    qs: QuerySet[Kegiatan],
    *,
    q: str = "",
    jenis: str = "",
    unit=None,
    publik: str = "",
    dari: date | None = None,
    sampai: date | None = None,
) -> QuerySet[Kegiatan]:
    if q:
        qs = qs.filter(
            Q(judul__icontains=q)
            | Q(ringkasan__icontains=q)
            | Q(keputusan__icontains=q)
            | Q(tempat__icontains=q)
        )
    if jenis:
        qs = qs.filter(jenis=jenis)
    if unit:
        qs = qs.filter(unit=unit)
    if publik == "ya":
        qs = qs.filter(publik=True)
    elif publik == "tidak":
        qs = qs.filter(publik=False)
    if dari:
        qs = qs.filter(tanggal__gte=dari)
    if sampai:
        qs = qs.filter(tanggal__lte=sampai)
    return qs


def kegiatan_publik() -> QuerySet[Kegiatan]:
    """Only what is marked public, with only its public attachments."""
    return (
        Kegiatan.objects.filter(publik=True)
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "lampiran",
                queryset=LampiranKegiatan.objects.filter(publik=True).select_related("berkas"),
                to_attr="lampiran_publik",
            )
        )
    )


def kegiatan_staf_detail_qs() -> QuerySet[Kegiatan]:
    return Kegiatan.objects.select_related("unit", "dibuat_oleh").prefetch_related(
        Prefetch("lampiran", queryset=LampiranKegiatan.objects.select_related("berkas")),
        Prefetch("tautan", queryset=TautanKegiatan.objects.select_related("content_type")),
    )


# --- Fixity and backups -------------------------------------------------------------------------


def pemeriksaan_terakhir() -> PemeriksaanArsip | None:
    return PemeriksaanArsip.objects.first()


def cadangan_terakhir(jenis: str = LaporanCadangan.Jenis.CADANGAN) -> LaporanCadangan | None:
    return LaporanCadangan.objects.filter(jenis=jenis).first()


# --- Monthly system-use report ------------------------------------------------------------------


@dataclass
class RingkasanObjek:
    content_type: ContentType
    label: str
    catatan: int = 0
    baru: int = 0
    diperbarui: int = 0
    selesai: int | None = None


@dataclass
class LaporanBulanan:
    tahun: int
    bulan: int
    mulai: datetime
    akhir: datetime
    per_objek: list[RingkasanObjek]
    entri_dip: RingkasanObjek | None
    permohonan: RingkasanObjek | None
    login_per_peran: list[tuple[str, int]]
    jumlah_login: int
    cadangan: list[LaporanCadangan]
    pemeriksaan: list[PemeriksaanArsip]
    # [(jenis, [(hasil, n), ...]), ...] and [(hasil, n), ...]: lists, not dicts, so templates
    # iterate them without key lookups.
    ringkasan_cadangan: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)
    ringkasan_pemeriksaan: list[tuple[str, int]] = field(default_factory=list)

    @property
    def judul_periode(self) -> str:
        return f"{NAMA_BULAN[self.bulan - 1]} {self.tahun}"


NAMA_BULAN = [
    gettext_lazy("Januari"),
    gettext_lazy("Februari"),
    gettext_lazy("Maret"),
    gettext_lazy("April"),
    gettext_lazy("Mei"),
    gettext_lazy("Juni"),
    gettext_lazy("Juli"),
    gettext_lazy("Agustus"),
    gettext_lazy("September"),
    gettext_lazy("Oktober"),
    gettext_lazy("November"),
    gettext_lazy("Desember"),
]


def batas_bulan(tahun: int, bulan: int) -> tuple[datetime, datetime]:
    """[start, end) of a calendar month in the office's time zone."""
    tz = timezone.get_current_timezone()
    mulai = datetime(tahun, bulan, 1, tzinfo=tz)
    akhir = datetime(tahun + (bulan == 12), bulan % 12 + 1, 1, tzinfo=tz)
    return mulai, akhir


def _model_label_lower(label: str) -> str | None:
    try:
        return apps.get_model(label)._meta.label_lower
    except (LookupError, ValueError):
        return None


def laporan_bulanan(tahun: int, bulan: int) -> LaporanBulanan:
    """The monthly system-use report, counted generically from the audit trail so that every
    app's objects appear without this app knowing them: per object type the records written,
    the objects first recorded in the month ("baru") and those changed again ("diperbarui"),
    and for models with known final states the objects that reached one ("selesai")."""
    mulai, akhir = batas_bulan(tahun, bulan)
    in_month = Q(created_at__gte=mulai, created_at__lt=akhir)
    writes = AuditLog.objects.exclude(action__in=READ_ACTIONS)

    catatan = dict(
        writes.filter(in_month)
        .order_by()
        .values("content_type")
        .annotate(n=Count("id"))
        .values_list("content_type", "n")
    )
    per_object = (
        writes.order_by()
        .values("content_type", "object_id")
        .annotate(pertama=Min("created_at"), di_bulan=Count("id", filter=in_month))
        .filter(di_bulan__gt=0)
        .values_list("content_type", "pertama")
    )
    baru: Counter = Counter()
    diperbarui: Counter = Counter()
    for ct_id, pertama in per_object:
        if pertama >= mulai:
            baru[ct_id] += 1
        else:
            diperbarui[ct_id] += 1

    selesai_map = conf.status_selesai()
    selesai: dict[int, int] = {}
    content_types = ContentType.objects.in_bulk(list(catatan))
    for ct in content_types.values():
        states = selesai_map.get(f"{ct.app_label}.{ct.model}")
        if states:
            selesai[ct.pk] = (
                writes.filter(in_month, content_type=ct, to_state__in=states)
                .values("object_id")
                .distinct()
                .count()
            )

    per_objek = []
    for ct_id, n in catatan.items():
        ct = content_types[ct_id]
        model = ct.model_class()
        label = str(model._meta.verbose_name_plural).capitalize() if model else ct.model
        per_objek.append(
            RingkasanObjek(
                content_type=ct,
                label=label,
                catatan=n,
                baru=baru[ct_id],
                diperbarui=diperbarui[ct_id],
                selesai=selesai.get(ct_id),
            )
        )
    per_objek.sort(key=lambda r: r.label)

    def ringkasan_untuk(label: str) -> RingkasanObjek | None:
        lower = _model_label_lower(label)
        if lower is None:
            return None
        for row in per_objek:
            if f"{row.content_type.app_label}.{row.content_type.model}" == lower:
                return row
        app_label, model_name = lower.split(".")
        ct = ContentType.objects.get_by_natural_key(app_label, model_name)
        return RingkasanObjek(
            content_type=ct,
            label=str(ct.model_class()._meta.verbose_name_plural).capitalize(),
            selesai=0 if lower in selesai_map else None,
        )

    logins: Counter = Counter()
    jumlah_login = 0
    for note in AuditLog.objects.filter(in_month, action=LOGIN_ACTION).values_list(
        "note", flat=True
    ):
        jumlah_login += 1
        for role in [r.strip() for r in note.split(";") if r.strip()] or [TANPA_PERAN]:
            logins[role] += 1

    cadangan = list(LaporanCadangan.objects.filter(mulai__gte=mulai, mulai__lt=akhir))
    pemeriksaan = list(PemeriksaanArsip.objects.filter(mulai__gte=mulai, mulai__lt=akhir))
    ringkasan_cadangan: dict[str, Counter] = defaultdict(Counter)
    for row in cadangan:
        ringkasan_cadangan[row.get_jenis_display()][row.get_hasil_display()] += 1
    return LaporanBulanan(
        tahun=tahun,
        bulan=bulan,
        mulai=mulai,
        akhir=akhir,
        per_objek=per_objek,
        entri_dip=ringkasan_untuk("informasi.InformasiPublik"),
        permohonan=ringkasan_untuk("permohonan.Permohonan"),
        login_per_peran=sorted(logins.items()),
        jumlah_login=jumlah_login,
        cadangan=cadangan,
        pemeriksaan=pemeriksaan,
        ringkasan_cadangan=[
            (jenis, sorted(hasil.items())) for jenis, hasil in sorted(ringkasan_cadangan.items())
        ],
        ringkasan_pemeriksaan=sorted(Counter(p.get_hasil_display() for p in pemeriksaan).items()),
    )


def bulan_tersedia(jumlah: int = 12) -> list[tuple[int, int]]:
    today = timezone.localdate()
    result = []
    year, month = today.year, today.month
    for _i in range(jumlah):
        result.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return result


def label_bulan(tahun: int, bulan: int) -> str:
    return _("%(bulan)s %(tahun)s") % {"bulan": NAMA_BULAN[bulan - 1], "tahun": tahun}
