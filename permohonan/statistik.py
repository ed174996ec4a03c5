"""Figures of requests, objections, disputes and the satisfaction survey, for the statistics
pages (registered with `ppid_portal.statistik`), the annual report and the monthly and
quarterly rekap. Reads only; every figure is aggregated in the database except the working
days, which need the office calendar (one row of dates per request, two queries in all).

Definitions (see docs/laporan.md):
- A request belongs to the period in which it was received (`tanggal_diterima`); a keberatan
  and a sengketa to the period in which they were filed; a survey answer to the day it was
  given.
- Working days to the written notice: from the day of receipt to the first written notice,
  counted as the law counts (the first working day after receipt is day 1; UU 14/2008
  Ps 22(7)) over the office calendar (weekends, national holidays, cuti bersama and office
  holidays are not working days).
- Answered on time: the first written notice is dated on or before the due date in force when
  it was issued (10 working days, plus an extension if one was given). A request still without
  a notice after its due date counts as late; one not yet due, withdrawn, lapsed or waiting for
  the applicant is not counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ppid_portal.calendar import load_holidays
from ppid_portal.statistik import (
    Periode,
    Sorotan,
    Tabel,
    fmt,
    mean,
    median,
    month_name,
    percentile,
    register_bagian,
    share,
)
from ppid_portal.workdays import working_days_between

from . import deadlines
from .models import Disposisi, Keberatan, Keputusan, Permohonan, Sengketa, SurveiKepuasan

PS = Permohonan.Status
H = Keputusan.Hasil

# Outcome groups besides the five decisions of a written notice.
DALAM_PROSES = "dalam_proses"
DITARIK = "ditarik"
GUGUR = "gugur"


def cohort(periode: Periode) -> QuerySet[Permohonan]:
    """The requests received in the period."""
    return Permohonan.objects.filter(tanggal_diterima__range=(periode.awal, periode.akhir))


def per_bulan(periode: Periode) -> list[tuple[str, int]]:
    counts = dict(
        cohort(periode)
        .annotate(bulan=ExtractMonth("tanggal_diterima"))
        .values("bulan")
        .annotate(n=Count("id"))
        .values_list("bulan", "n")
        .order_by()
    )
    return [(month_name(m), counts.get(m, 0)) for m in periode.bulan_list]


def per_kanal(periode: Periode) -> list[tuple[str, int]]:
    counts = dict(
        cohort(periode).values("kanal").annotate(n=Count("id")).values_list("kanal", "n").order_by()
    )
    return [(str(label), counts.get(value, 0)) for value, label in Permohonan.Kanal.choices]


def hasil_counts(periode: Periode) -> dict[str, int]:
    """Requests of the period by where they ended: the decision of their latest written notice,
    or still in process (a request reopened by a keberatan is in process again), withdrawn,
    lapsed."""
    counts = dict.fromkeys([*H.values, DALAM_PROSES, DITARIK, GUGUR], 0)
    for status, hasil, n in (
        cohort(periode)
        .values("status", "keputusan_aktif__hasil")
        .annotate(n=Count("id"))
        .values_list("status", "keputusan_aktif__hasil", "n")
        .order_by()
    ):
        if status == PS.SELESAI and hasil:
            counts[hasil] += n
        elif status == PS.DITARIK:
            counts[DITARIK] += n
        elif status == PS.GUGUR:
            counts[GUGUR] += n
        else:
            counts[DALAM_PROSES] += n
    return counts


def hasil_label(key: str) -> str:
    labels = {
        **dict(H.choices),
        DALAM_PROSES: _("Masih diproses"),
        DITARIK: _("Ditarik pemohon"),
        GUGUR: _("Gugur (tidak dilengkapi)"),
    }
    return str(labels[key])


def per_hasil(periode: Periode) -> list[tuple[str, int]]:
    return [(hasil_label(key), n) for key, n in hasil_counts(periode).items()]


@dataclass(frozen=True)
class BarisWaktu:
    """One request of the period: when it was received and first answered."""

    nomor: str
    tanggal_diterima: date
    kanal: str
    status: str
    hasil: str
    tanggal_pemberitahuan: date | None
    hari_kerja: int | None
    tenggat: date | None
    tepat_waktu: bool | None


def rincian_waktu(periode: Periode, *, today: date | None = None) -> list[BarisWaktu]:
    """Every request of the period with the working days to its first written notice and
    whether that notice was on time (see the module's definitions). Two or three queries."""
    today = today or timezone.localdate()
    first = Keputusan.objects.filter(permohonan=OuterRef("pk")).order_by("tanggal", "id")
    rows = list(
        cohort(periode)
        .annotate(
            pertama=Subquery(first.values("tanggal")[:1]),
            pertama_tenggat=Subquery(first.values("tenggat")[:1]),
            lewat=ExpressionWrapper(
                deadlines.overdue_q(deadlines.PEMBERITAHUAN, today), output_field=BooleanField()
            ),
        )
        .values_list(
            "nomor",
            "tanggal_diterima",
            "kanal",
            "status",
            "keputusan_aktif__hasil",
            "tenggat_pemberitahuan",
            "dibuka_kembali_pada",
            "pertama",
            "pertama_tenggat",
            "lewat",
        )
        .order_by("tanggal_diterima", "tahun", "urut")
    )
    years = {r[1].year for r in rows} | {r[7].year for r in rows if r[7]}
    holidays = load_holidays(range(min(years), max(years) + 1)) if years else frozenset()
    result = []
    for nomor, diterima, kanal, status, hasil, tenggat, dibuka, pertama, p_tenggat, lewat in rows:
        tepat: bool | None = None
        if pertama is not None:
            if dibuka is not None and pertama >= dibuka:
                # Reopened by a keberatan before any notice: it was not answered in time
                # (Ps 35(1) huruf c).
                tepat = False
            elif p_tenggat is not None:
                tepat = pertama <= p_tenggat
        elif lewat:
            # Still unanswered after the notice period (deadlines.overdue_q).
            tepat = False
        result.append(
            BarisWaktu(
                nomor=nomor,
                tanggal_diterima=diterima,
                kanal=kanal,
                status=status,
                hasil=hasil or "",
                tanggal_pemberitahuan=pertama,
                hari_kerja=working_days_between(diterima, pertama, holidays) if pertama else None,
                tenggat=p_tenggat if pertama else tenggat,
                tepat_waktu=tepat,
            )
        )
    return result


@dataclass(frozen=True)
class RingkasanWaktu:
    jumlah: int
    dijawab: int
    median: float | None
    p90: float | None
    rata_rata: float | None
    terlama: int | None
    tepat: int
    terlambat: int

    @property
    def dinilai(self) -> int:
        return self.tepat + self.terlambat

    @property
    def tidak_dinilai(self) -> int:
        return self.jumlah - self.dinilai

    @property
    def persen_tepat(self) -> float | None:
        return share(self.tepat, self.dinilai)


def ringkasan_waktu(rows: list[BarisWaktu]) -> RingkasanWaktu:
    days = [r.hari_kerja for r in rows if r.hari_kerja is not None]
    avg = mean(days)
    return RingkasanWaktu(
        jumlah=len(rows),
        dijawab=len(days),
        median=median(days),
        p90=percentile(days, 90),
        rata_rata=round(avg, 1) if avg is not None else None,
        terlama=max(days) if days else None,
        tepat=sum(1 for r in rows if r.tepat_waktu is True),
        terlambat=sum(1 for r in rows if r.tepat_waktu is False),
    )


def sebaran_waktu(rows: list[BarisWaktu]) -> list[tuple[str, int]]:
    """How many first notices took how long, in the bands of the law: within 5 days, within
    the 10 of Ps 22(7), within the extension of Ps 22(8), and later."""
    bands = [
        (_("0–5 hari kerja"), 0, 5),
        (_("6–10 hari kerja"), 6, 10),
        (_("11–17 hari kerja (dengan perpanjangan)"), 11, 17),
        (_("Lebih dari 17 hari kerja"), 18, None),
    ]
    counts = Counter()
    for r in rows:
        if r.hari_kerja is None:
            continue
        for label, low, high in bands:
            if r.hari_kerja >= low and (high is None or r.hari_kerja <= high):
                counts[label] += 1
                break
    return [(label, counts[label]) for label, _low, _high in bands]


def alasan_penolakan(periode: Periode) -> list[tuple[str, int]]:
    """Ps 17 grounds of the latest notices that refused or gave in part (one per request)."""
    counts = dict(
        cohort(periode)
        .filter(
            status=PS.SELESAI,
            keputusan_aktif__hasil__in=[H.DITOLAK_DIKECUALIKAN, H.DIBERIKAN_SEBAGIAN],
        )
        .exclude(keputusan_aktif__dasar_pengecualian="")
        .values("keputusan_aktif__dasar_pengecualian")
        .annotate(n=Count("id"))
        .values_list("keputusan_aktif__dasar_pengecualian", "n")
        .order_by()
    )
    return [
        (str(label), counts[value])
        for value, label in Keputusan.DasarPengecualian.choices
        if counts.get(value)
    ]


def per_unit(periode: Periode) -> list[tuple[str, int]]:
    """Requests of the period assigned to each unit (a request may go to several)."""
    return list(
        Disposisi.objects.filter(permohonan__tanggal_diterima__range=(periode.awal, periode.akhir))
        .values("unit__nama")
        .annotate(n=Count("permohonan", distinct=True))
        .values_list("unit__nama", "n")
        .order_by("-n", "unit__nama")
    )


# ----------------------------------------------------------------------------- keberatan


def keberatan_cohort(periode: Periode) -> QuerySet[Keberatan]:
    return Keberatan.objects.filter(tanggal_diajukan__range=(periode.awal, periode.akhir))


def keberatan_per_alasan(periode: Periode) -> list[tuple[str, int]]:
    """Each ground a–g of UU 14/2008 Ps 35(1) cited; a keberatan may cite several."""
    counts: Counter[str] = Counter()
    for alasan, n in (
        keberatan_cohort(periode)
        .values("alasan")
        .annotate(n=Count("id"))
        .values_list("alasan", "n")
        .order_by()
    ):
        for letter in alasan:
            counts[letter] += n
    return [(str(label), counts.get(value, 0)) for value, label in Keberatan.Alasan.choices]


@dataclass(frozen=True)
class RingkasanKeberatan:
    jumlah: int
    menguatkan: int
    mengabulkan: int
    ditarik: int
    menunggu: int
    tepat_waktu: int
    dilaksanakan: int
    dilaksanakan_tepat: int

    @property
    def diputus(self) -> int:
        return self.menguatkan + self.mengabulkan


def ringkasan_keberatan(periode: Periode) -> RingkasanKeberatan:
    """Outcomes of the keberatan filed in the period; the Atasan's answers on time
    (UU 14/2008 Ps 36(2)); and for granted ones, whether the PPID carried them out (a new
    written notice after the Atasan's answer) and within the set period. One query."""
    later_notice = Keputusan.objects.filter(
        permohonan=OuterRef("permohonan_id"), tanggal__gte=OuterRef("tanggal_tanggapan")
    ).order_by("tanggal", "id")
    KS, P = Keberatan.Status, Keberatan.Putusan
    row = (
        keberatan_cohort(periode)
        .annotate(pelaksanaan=Subquery(later_notice.values("tanggal")[:1]))
        .aggregate(
            jumlah=Count("id"),
            menguatkan=Count("id", filter=Q(status=KS.DIPUTUS, putusan=P.MENGUATKAN)),
            mengabulkan=Count("id", filter=Q(status=KS.DIPUTUS, putusan=P.MENGABULKAN)),
            ditarik=Count("id", filter=Q(status=KS.DITARIK)),
            menunggu=Count("id", filter=Q(status=KS.DIAJUKAN)),
            tepat_waktu=Count(
                "id",
                filter=Q(status=KS.DIPUTUS, tanggal_tanggapan__lte=F("tenggat_tanggapan")),
            ),
            dilaksanakan=Count("id", filter=Q(putusan=P.MENGABULKAN, pelaksanaan__isnull=False)),
            dilaksanakan_tepat=Count(
                "id",
                filter=Q(putusan=P.MENGABULKAN, pelaksanaan__lte=F("tenggat_pelaksanaan")),
            ),
        )
    )
    return RingkasanKeberatan(**row)


def keberatan_per_hasil(ringkasan: RingkasanKeberatan) -> list[tuple[str, int]]:
    return [
        (str(Keberatan.Putusan.MENGUATKAN.label), ringkasan.menguatkan),
        (str(Keberatan.Putusan.MENGABULKAN.label), ringkasan.mengabulkan),
        (_("Ditarik / selesai dengan musyawarah"), ringkasan.ditarik),
        (_("Menunggu tanggapan Atasan PPID"), ringkasan.menunggu),
    ]


def sengketa_per_tahap(periode: Periode) -> list[tuple[str, str, int]]:
    """Disputes filed in the period by their latest stage and result (UU 14/2008 Ps 37–50)."""
    tahap = dict(Sengketa.Tahap.choices)
    hasil = dict(Sengketa.Hasil.choices)
    rows = (
        Sengketa.objects.filter(tanggal_diajukan__range=(periode.awal, periode.akhir))
        .values("tahap", "hasil")
        .annotate(n=Count("id"))
        .values_list("tahap", "hasil", "n")
        .order_by("tahap", "hasil")
    )
    return [(str(tahap[t]), str(hasil[h]) if h else _("Belum ada hasil"), n) for t, h, n in rows]


# ----------------------------------------------------------------------------- survey


def mutu(ikm: float | None) -> str:
    """The service grade of PermenPANRB 14/2017 for an index on the 25–100 scale."""
    if ikm is None:
        return "—"
    if ikm >= 88.31:
        return _("A (sangat baik)")
    if ikm >= 76.61:
        return _("B (baik)")
    if ikm >= 65.0:
        return _("C (kurang baik)")
    return _("D (tidak baik)")


@dataclass(frozen=True)
class RingkasanSurvei:
    jumlah: int
    unsur: list[tuple[str, float | None]]

    @property
    def ikm(self) -> float | None:
        """The index: the mean of the elements' mean scores (equal weights) times 25."""
        values = [v for _label, v in self.unsur if v is not None]
        return round(mean(values) * 25, 2) if values else None

    @property
    def mutu(self) -> str:
        return mutu(self.ikm)


def survei_cohort(periode: Periode) -> QuerySet[SurveiKepuasan]:
    return SurveiKepuasan.objects.filter(tanggal__range=(periode.awal, periode.akhir))


def ringkasan_survei(periode: Periode) -> RingkasanSurvei:
    fields = SurveiKepuasan.FIELDS
    row = survei_cohort(periode).aggregate(
        jumlah=Count("id"), **{name: Avg(name) for name in fields}
    )
    labels = {
        name: str(SurveiKepuasan._meta.get_field(name).verbose_name).capitalize() for name in fields
    }
    return RingkasanSurvei(
        jumlah=row["jumlah"],
        unsur=[
            (labels[name], round(row[name], 2) if row[name] is not None else None)
            for name in fields
        ],
    )


def survei_komentar(periode: Periode) -> list[tuple[date, str, float, str]]:
    """Comments of the period, newest first (staff only: they may name people)."""
    return [
        (s.tanggal, s.permohonan.nomor, round(s.rata_rata, 2), s.komentar)
        for s in survei_cohort(periode)
        .exclude(komentar="")
        .select_related("permohonan")
        .only("tanggal", "komentar", "permohonan__nomor", *SurveiKepuasan.FIELDS)
        .order_by("-diisi_pada", "-id")
    ]


# ----------------------------------------------------------------------------- registry


def _definisi_waktu() -> str:
    return _(
        "Hari kerja dari tanggal permohonan diterima sampai pemberitahuan tertulis pertama, "
        "dihitung seperti undang-undang menghitung (hari kerja pertama setelah diterima adalah "
        "hari ke-1) menurut kalender kantor: Sabtu, Minggu, libur nasional, cuti bersama, dan "
        "libur kantor tidak dihitung."
    )


def _permohonan_tables(periode: Periode, staf: bool) -> list[Tabel]:
    rows = rincian_waktu(periode)
    waktu = ringkasan_waktu(rows)
    jumlah = _("Jumlah permohonan")
    tables = [
        Tabel(
            key="permohonan-bulanan",
            judul=_("Permohonan per bulan"),
            header=[_("Bulan"), jumlah],
            rows=per_bulan(periode),
            keterangan=_("Permohonan dihitung menurut tanggal diterima."),
            grafik="kolom",
        ),
        Tabel(
            key="permohonan-kanal",
            judul=_("Permohonan menurut cara pengajuan"),
            header=[_("Cara pengajuan"), jumlah],
            rows=per_kanal(periode),
        ),
        Tabel(
            key="permohonan-hasil",
            judul=_("Permohonan menurut hasil"),
            header=[_("Hasil"), jumlah],
            rows=per_hasil(periode),
            keterangan=_(
                "Keputusan pada pemberitahuan tertulis terakhir; permohonan yang dibuka kembali "
                "karena keberatan dihitung sebagai masih diproses."
            ),
        ),
        Tabel(
            key="permohonan-waktu",
            judul=_("Waktu sampai pemberitahuan tertulis"),
            header=[_("Ukuran"), _("Nilai")],
            rows=[
                (_("Permohonan yang sudah diberi pemberitahuan tertulis"), waktu.dijawab),
                (_("Median (hari kerja)"), waktu.median),
                (_("Persentil ke-90 (hari kerja)"), waktu.p90),
                (_("Rata-rata (hari kerja)"), waktu.rata_rata),
                (_("Paling lama (hari kerja)"), waktu.terlama),
            ],
            keterangan=_definisi_waktu()
            + " "
            + _("Persentil ke-90: 90% permohonan dijawab dalam jumlah hari kerja ini atau kurang."),
            grafik="",
        ),
        Tabel(
            key="permohonan-sebaran-waktu",
            judul=_("Sebaran waktu sampai pemberitahuan tertulis"),
            header=[_("Lama"), jumlah],
            rows=sebaran_waktu(rows),
            keterangan=_definisi_waktu(),
        ),
        Tabel(
            key="permohonan-tepat-waktu",
            judul=_("Permohonan dijawab tepat waktu"),
            header=[_("Keterangan"), jumlah, _("Persentase (%)")],
            rows=[
                (_("Tepat waktu"), waktu.tepat, share(waktu.tepat, waktu.dinilai)),
                (_("Terlambat"), waktu.terlambat, share(waktu.terlambat, waktu.dinilai)),
            ],
            keterangan=_(
                "Tepat waktu: pemberitahuan tertulis pertama terbit paling lambat pada batas "
                "waktu yang berlaku (10 hari kerja, ditambah perpanjangan bila ada; UU 14/2008 "
                "Pasal 22 ayat 7 dan 8). Permohonan yang belum dijawab setelah batas waktunya "
                "dihitung terlambat."
            ),
            catatan=_(
                "Tidak dihitung: %(n)s permohonan yang belum jatuh tempo, ditarik, gugur, atau "
                "menunggu dilengkapi."
            )
            % {"n": waktu.tidak_dinilai},
        ),
        Tabel(
            key="permohonan-alasan-penolakan",
            judul=_("Alasan penolakan (Pasal 17 UU 14/2008)"),
            header=[_("Dasar pengecualian"), jumlah],
            rows=alasan_penolakan(periode),
            keterangan=_("Dasar pengecualian pada keputusan ditolak atau diberikan sebagian."),
        ),
    ]
    if staf:
        tables.append(
            Tabel(
                key="permohonan-unit",
                judul=_("Permohonan per unit kerja (disposisi)"),
                header=[_("Unit kerja"), jumlah],
                rows=per_unit(periode),
                keterangan=_("Satu permohonan dapat didisposisikan ke beberapa unit."),
                staf_saja=True,
            )
        )
    return tables


def _permohonan_sorotan(periode: Periode) -> list[Sorotan]:
    waktu = ringkasan_waktu(rincian_waktu(periode))
    items = [
        Sorotan(
            "permohonan",
            _("Permohonan informasi"),
            fmt(waktu.jumlah),
            _("diterima pada tahun %(tahun)s") % {"tahun": periode.tahun}
            if periode.bulan is None and periode.triwulan is None
            else _("diterima pada %(p)s") % {"p": periode.label},
        )
    ]
    if waktu.dinilai:
        items.append(
            Sorotan(
                "tepat-waktu",
                _("Dijawab tepat waktu"),
                f"{fmt(waktu.persen_tepat)}%",
                _("dari %(n)s permohonan yang sudah dijawab atau lewat batas waktu")
                % {"n": fmt(waktu.dinilai)},
            )
        )
    if waktu.median is not None:
        items.append(
            Sorotan(
                "median",
                _("Median waktu menjawab"),
                _("%(n)s hari kerja") % {"n": fmt(waktu.median)},
                _("sampai pemberitahuan tertulis"),
            )
        )
    return items


def _keberatan_tables(periode: Periode, staf: bool) -> list[Tabel]:
    ringkasan = ringkasan_keberatan(periode)
    jumlah = _("Jumlah keberatan")
    return [
        Tabel(
            key="keberatan-alasan",
            judul=_("Keberatan menurut alasan (Pasal 35 ayat 1)"),
            header=[_("Alasan"), jumlah],
            rows=keberatan_per_alasan(periode),
            keterangan=_(
                "Keberatan dihitung menurut tanggal diajukan; satu keberatan dapat memuat "
                "beberapa alasan."
            ),
        ),
        Tabel(
            key="keberatan-hasil",
            judul=_("Keberatan menurut hasil"),
            header=[_("Hasil"), jumlah],
            rows=keberatan_per_hasil(ringkasan),
        ),
        Tabel(
            key="keberatan-tanggapan",
            judul=_("Tanggapan Atasan PPID dan pelaksanaannya"),
            header=[_("Ukuran"), _("Jumlah")],
            rows=[
                (_("Keberatan diterima"), ringkasan.jumlah),
                (_("Ditanggapi Atasan PPID"), ringkasan.diputus),
                (
                    _("Ditanggapi dalam batas waktu (Pasal 36 ayat 2)"),
                    ringkasan.tepat_waktu,
                ),
                (_("Dikabulkan"), ringkasan.mengabulkan),
                (_("Dikabulkan dan sudah dilaksanakan PPID"), ringkasan.dilaksanakan),
                (
                    _("Dilaksanakan dalam batas waktu pelaksanaan"),
                    ringkasan.dilaksanakan_tepat,
                ),
            ],
            grafik="",
        ),
        Tabel(
            key="sengketa",
            judul=_("Sengketa informasi di Komisi Informasi dan pengadilan"),
            header=[_("Tahap"), _("Hasil"), _("Jumlah sengketa")],
            rows=sengketa_per_tahap(periode),
            keterangan=_(
                "Sengketa dihitung menurut tanggal diajukan, dengan tahap dan hasil terakhir "
                "yang dicatat."
            ),
            grafik="",
            nilai=2,
        ),
    ]


def _survei_tables(periode: Periode, staf: bool) -> list[Tabel]:
    ringkasan = ringkasan_survei(periode)
    tables = [
        Tabel(
            key="survei-unsur",
            judul=_("Survei kepuasan: nilai rata-rata per unsur"),
            header=[_("Unsur pelayanan"), _("Nilai rata-rata (1–4)"), _("Nilai konversi (25–100)")],
            rows=[
                (label, value, round(value * 25, 2) if value is not None else None)
                for label, value in ringkasan.unsur
            ]
            if ringkasan.jumlah
            else [],
            keterangan=_(
                "Pemohon menilai layanan setelah permohonannya selesai, melalui tautan "
                "pelacakan (satu kali per permohonan). Skala 1–4 seperti Indeks Kepuasan "
                "Masyarakat (PermenPANRB 14/2017)."
            ),
        ),
        Tabel(
            key="survei-indeks",
            judul=_("Indeks kepuasan"),
            header=[_("Ukuran"), _("Nilai")],
            rows=[
                (_("Jumlah responden"), ringkasan.jumlah),
                (_("Indeks kepuasan (25–100)"), ringkasan.ikm),
                (_("Mutu pelayanan"), ringkasan.mutu),
            ],
            keterangan=_(
                "Indeks: rata-rata nilai semua unsur (bobot sama) dikali 25. Mutu: A 88,31–100; "
                "B 76,61–88,30; C 65,00–76,60; D 25,00–64,99."
            ),
            grafik="",
        ),
    ]
    if staf:
        tables.append(
            Tabel(
                key="survei-komentar",
                judul=_("Komentar dan saran pemohon"),
                header=[
                    _("Tanggal"),
                    _("Nomor permohonan"),
                    _("Rata-rata nilai"),
                    _("Komentar"),
                ],
                rows=survei_komentar(periode),
                keterangan=_("Hanya untuk staf: komentar dapat memuat nama orang."),
                grafik="",
                nilai=2,
                staf_saja=True,
            )
        )
    return tables


def _survei_sorotan(periode: Periode) -> list[Sorotan]:
    ringkasan = ringkasan_survei(periode)
    if not ringkasan.jumlah:
        return []
    return [
        Sorotan(
            "ikm",
            _("Indeks kepuasan pemohon"),
            fmt(ringkasan.ikm, 1),
            _("mutu %(m)s, %(n)s responden") % {"m": ringkasan.mutu, "n": ringkasan.jumlah},
        )
    ]


register_bagian(
    "permohonan",
    judul=gettext_lazy("Permohonan informasi"),
    tables=_permohonan_tables,
    sorotan=_permohonan_sorotan,
    order=10,
)
register_bagian(
    "keberatan",
    judul=gettext_lazy("Keberatan dan sengketa informasi"),
    tables=_keberatan_tables,
    order=20,
)
register_bagian(
    "survei",
    judul=gettext_lazy("Survei kepuasan layanan"),
    tables=_survei_tables,
    sorotan=_survei_sorotan,
    order=40,
)
