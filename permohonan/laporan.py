"""The laporan layanan informasi publik of a year and the monthly and quarterly rekap of
requests for the Atasan PPID: their figures, their tables and their PDF and XLSX files.

Figures (`hitung`) are computed from the registers by `permohonan.statistik` and kept as plain
JSON with codes rather than labels (a channel, an outcome, a ground), so an approved report
keeps its numbers forever and shows its labels in the reader's language. The documents are
official letters and are always written in Indonesian.

Contents follow Perki 1/2021 (laporan layanan informasi publik): the number of requests, the
time taken for each, requests granted in full or in part and refused, the reasons for refusal;
keberatan received, the Atasan's answers and how the PPID carried them out; disputes at the
Komisi Informasi (mediation, adjudication) and in court and their results; plus the narrative
the PPID writes (policy, facilities and staff, budget, constraints, recommendations).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ppid_portal import dates
from ppid_portal.documents import XLSX_MIME, build_xlsx, render_pdf
from ppid_portal.files import store_upload
from ppid_portal.models import StoredFile
from ppid_portal.statistik import Periode, month_name, share

from . import statistik
from .models import (
    Keberatan,
    Keputusan,
    LaporanTahunan,
    Permohonan,
    Sengketa,
    SurveiKepuasan,
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def hitung(periode: Periode, *, today: date | None = None) -> dict[str, Any]:
    """Every figure of the period, as JSON-safe codes and numbers."""
    rows = statistik.rincian_waktu(periode, today=today)
    waktu = statistik.ringkasan_waktu(rows)
    per_bulan = dict(
        zip(periode.bulan_list, [n for _l, n in statistik.per_bulan(periode)], strict=True)
    )
    kanal = dict(
        zip(Permohonan.Kanal.values, [n for _l, n in statistik.per_kanal(periode)], strict=True)
    )
    kb = statistik.ringkasan_keberatan(periode)
    alasan_kb = dict(
        zip(
            Keberatan.Alasan.values,
            [n for _l, n in statistik.keberatan_per_alasan(periode)],
            strict=True,
        )
    )
    labels_dasar = {str(label): value for value, label in Keputusan.DasarPengecualian.choices}
    survei = statistik.ringkasan_survei(periode)
    return {
        "periode": {"tahun": periode.tahun, "bulan": periode.bulan, "triwulan": periode.triwulan},
        "dihitung_pada": timezone.now().isoformat(timespec="seconds"),
        "permohonan": {
            "jumlah": waktu.jumlah,
            "per_bulan": {str(m): per_bulan.get(m, 0) for m in periode.bulan_list},
            "per_kanal": kanal,
            "per_hasil": statistik.hasil_counts(periode),
            "alasan_penolakan": {
                labels_dasar[label]: n for label, n in statistik.alasan_penolakan(periode)
            },
        },
        "waktu": {
            "dijawab": waktu.dijawab,
            "median": waktu.median,
            "p90": waktu.p90,
            "rata_rata": waktu.rata_rata,
            "terlama": waktu.terlama,
            "tepat": waktu.tepat,
            "terlambat": waktu.terlambat,
            "tidak_dinilai": waktu.tidak_dinilai,
            "persen_tepat": waktu.persen_tepat,
        },
        "rincian": [
            [
                r.nomor,
                _iso(r.tanggal_diterima),
                r.kanal,
                r.hasil if r.status == Permohonan.Status.SELESAI else r.status,
                _iso(r.tanggal_pemberitahuan),
                r.hari_kerja,
                r.tepat_waktu,
            ]
            for r in rows
        ],
        "keberatan": {
            "jumlah": kb.jumlah,
            "per_alasan": alasan_kb,
            "menguatkan": kb.menguatkan,
            "mengabulkan": kb.mengabulkan,
            "ditarik": kb.ditarik,
            "menunggu": kb.menunggu,
            "tepat_waktu": kb.tepat_waktu,
            "dilaksanakan": kb.dilaksanakan,
            "dilaksanakan_tepat": kb.dilaksanakan_tepat,
        },
        "sengketa": _sengketa(periode),
        "survei": {
            "jumlah": survei.jumlah,
            "ikm": survei.ikm,
            "unsur": dict(zip(SurveiKepuasan.FIELDS, [v for _l, v in survei.unsur], strict=True)),
        },
    }


def _sengketa(periode: Periode) -> dict[str, Any]:
    from django.db.models import Count

    rows = list(
        Sengketa.objects.filter(tanggal_diajukan__range=(periode.awal, periode.akhir))
        .values("tahap", "hasil")
        .annotate(n=Count("id"))
        .values_list("tahap", "hasil", "n")
        .order_by("tahap", "hasil")
    )
    per_tahap = dict.fromkeys(Sengketa.Tahap.values, 0)
    for tahap, _hasil, n in rows:
        per_tahap[tahap] += n
    return {
        "jumlah": sum(n for _t, _h, n in rows),
        "per_tahap": per_tahap,
        "rincian": [[t, h, n] for t, h, n in rows],
    }


# ----------------------------------------------------------------------------- tables


@dataclass
class TabelLaporan:
    kode: str
    judul: str
    header: list[str]
    rows: list[list[Any]]
    keterangan: str = ""
    # In a PDF: the rows are not printed, only a pointer to the XLSX sheet that holds them.
    di_lampiran: bool = False


# A PDF prints the table of every request's time only up to this many rows
# (PERMOHONAN_RINCIAN_PDF_MAKS); a longer one (a busy office's year: thousands of rows, hundreds
# of pages that take minutes to lay out) is in the XLSX kept and published with the PDF.
RINCIAN_PDF_MAKS = 300


def tabel_pdf(
    angka: dict[str, Any], tables: list[TabelLaporan] | None = None
) -> list[TabelLaporan]:
    """The tables of a report or rekap for its PDF (from `tables` when already made)."""
    result = []
    for t in tables if tables is not None else tabel(angka):
        limit = getattr(settings, "PERMOHONAN_RINCIAN_PDF_MAKS", RINCIAN_PDF_MAKS)
        if t.kode == "rincian" and len(t.rows) > limit:
            t = TabelLaporan(
                t.kode,
                t.judul,
                t.header,
                [],
                _(
                    "Rincian waktu %(n)s permohonan terdapat pada lampiran XLSX laporan ini, "
                    "lembar “%(lembar)s”."
                )
                % {"n": len(t.rows), "lembar": _sheet_names()["rincian"]},
                di_lampiran=True,
            )
        result.append(t)
    return result


def _hasil_label(code: str) -> str:
    if code in Keputusan.Hasil.values:
        return str(Keputusan.Hasil(code).label)
    if code in Permohonan.Status.values:
        status = Permohonan.Status(code)
        if status in Permohonan.OPEN_STATES:
            return _("Masih diproses")
        return str(status.label)
    return statistik.hasil_label(code)


def _rincian_rows(rincian: list[list[Any]]) -> list[list[Any]]:
    """One row per request; its few distinct labels are translated once, not per row (a busy
    year has thousands of rows)."""
    kanal: dict[str, str] = {}
    hasil: dict[str, str] = {}
    tepat: dict[bool | None, str] = {}
    rows = []
    for nomor, diterima, k, h, pemberitahuan, hari, t in rincian:
        if k not in kanal:
            kanal[k] = str(Permohonan.Kanal(k).label)
        if h and h not in hasil:
            hasil[h] = _hasil_label(h)
        if t not in tepat:
            tepat[t] = _ya_tidak(t)
        rows.append(
            [
                nomor,
                _day(diterima),
                kanal[k],
                hasil[h] if h else "",
                _day(pemberitahuan),
                hari,
                tepat[t],
            ]
        )
    return rows


def _ya_tidak(value: bool | None) -> str:
    if value is None:
        return _("Tidak dihitung")
    return _("Ya") if value else _("Tidak")


def tabel(angka: dict[str, Any]) -> list[TabelLaporan]:
    """The tables of a report or rekap, labelled in the active language."""
    p, w, kb, sg = angka["permohonan"], angka["waktu"], angka["keberatan"], angka["sengketa"]
    jumlah = _("Jumlah")
    tahap_label = dict(Sengketa.Tahap.choices)
    hasil_sg = dict(Sengketa.Hasil.choices)
    tables = [
        TabelLaporan(
            "permohonan-kanal",
            _("Jumlah permohonan informasi publik menurut cara pengajuan"),
            [_("Cara pengajuan"), jumlah],
            [[str(Permohonan.Kanal(k).label), n] for k, n in p["per_kanal"].items()]
            + [[_("Jumlah seluruhnya"), p["jumlah"]]],
        ),
        TabelLaporan(
            "permohonan-bulan",
            _("Jumlah permohonan per bulan"),
            [_("Bulan"), jumlah],
            [[month_name(int(m)), n] for m, n in p["per_bulan"].items()],
        ),
        TabelLaporan(
            "waktu",
            _("Waktu yang diperlukan untuk memenuhi permohonan"),
            [_("Ukuran"), _("Nilai")],
            [
                [_("Permohonan yang sudah diberi pemberitahuan tertulis"), w["dijawab"]],
                [_("Median (hari kerja)"), w["median"]],
                [_("Persentil ke-90 (hari kerja)"), w["p90"]],
                [_("Rata-rata (hari kerja)"), w["rata_rata"]],
                [_("Paling lama (hari kerja)"), w["terlama"]],
                [_("Dijawab tepat waktu"), w["tepat"]],
                [_("Dijawab terlambat atau belum dijawab melewati batas"), w["terlambat"]],
                [_("Persentase tepat waktu (%)"), w["persen_tepat"]],
            ],
            _(
                "Hari kerja dari tanggal diterima sampai pemberitahuan tertulis pertama, menurut "
                "kalender kantor. Tepat waktu: paling lambat pada batas waktu yang berlaku "
                "(UU 14/2008 Pasal 22 ayat 7 dan 8)."
            ),
        ),
        TabelLaporan(
            "hasil",
            _("Permohonan yang dikabulkan seluruhnya atau sebagian, dan yang ditolak"),
            [_("Keputusan"), jumlah, _("Persentase (%)")],
            [[_hasil_label(k), n, share(n, p["jumlah"])] for k, n in p["per_hasil"].items()],
        ),
        TabelLaporan(
            "penolakan",
            _("Alasan penolakan (Pasal 17 UU 14/2008)"),
            [_("Dasar pengecualian"), jumlah],
            [
                [str(Keputusan.DasarPengecualian(k).label), n]
                for k, n in p["alasan_penolakan"].items()
            ]
            or [[_("Tidak ada penolakan"), 0]],
            _("Dasar pengecualian pada keputusan ditolak atau diberikan sebagian."),
        ),
        TabelLaporan(
            "rincian",
            _("Rincian waktu setiap permohonan"),
            [
                _("Nomor pendaftaran"),
                _("Tanggal diterima"),
                _("Cara pengajuan"),
                _("Keputusan / status"),
                _("Tanggal pemberitahuan tertulis"),
                _("Hari kerja"),
                _("Tepat waktu"),
            ],
            _rincian_rows(angka["rincian"]),
        ),
        TabelLaporan(
            "keberatan-alasan",
            _("Jumlah keberatan menurut alasan (Pasal 35 ayat 1)"),
            [_("Alasan"), jumlah],
            [[str(Keberatan.Alasan(k).label), n] for k, n in kb["per_alasan"].items()]
            + [[_("Jumlah keberatan"), kb["jumlah"]]],
            _("Satu keberatan dapat memuat beberapa alasan."),
        ),
        TabelLaporan(
            "keberatan-tanggapan",
            _("Tanggapan atas keberatan dan pelaksanaannya oleh PPID"),
            [_("Ukuran"), jumlah],
            [
                [_("Keberatan diterima"), kb["jumlah"]],
                [str(Keberatan.Putusan.MENGUATKAN.label), kb["menguatkan"]],
                [str(Keberatan.Putusan.MENGABULKAN.label), kb["mengabulkan"]],
                [_("Ditarik / selesai dengan musyawarah"), kb["ditarik"]],
                [_("Menunggu tanggapan Atasan PPID"), kb["menunggu"]],
                [_("Ditanggapi dalam batas waktu (Pasal 36 ayat 2)"), kb["tepat_waktu"]],
                [_("Dikabulkan dan sudah dilaksanakan PPID"), kb["dilaksanakan"]],
                [_("Dilaksanakan dalam batas waktu pelaksanaan"), kb["dilaksanakan_tepat"]],
            ],
        ),
        TabelLaporan(
            "sengketa",
            _("Sengketa informasi: Komisi Informasi dan pengadilan"),
            [_("Tahap"), _("Hasil"), jumlah],
            [
                [
                    str(tahap_label.get(t, t)),
                    str(hasil_sg.get(h, h)) if h else _("Belum ada hasil"),
                    n,
                ]
                for t, h, n in sg["rincian"]
            ]
            or [[_("Tidak ada sengketa"), "", 0]],
            _(
                "Permohonan penyelesaian sengketa ke Komisi Informasi: %(ki)s (mediasi "
                "%(m)s, ajudikasi %(a)s); gugatan ke pengadilan: %(g)s."
            )
            % {
                "ki": sg["per_tahap"]["mediasi"] + sg["per_tahap"]["ajudikasi"],
                "m": sg["per_tahap"]["mediasi"],
                "a": sg["per_tahap"]["ajudikasi"],
                "g": sg["per_tahap"]["pengadilan"],
            },
        ),
    ]
    survei = angka.get("survei") or {}
    if survei.get("jumlah"):
        tables.append(
            TabelLaporan(
                "survei",
                _("Survei kepuasan pemohon"),
                [_("Unsur"), _("Nilai rata-rata (1–4)")],
                [
                    [str(SurveiKepuasan._meta.get_field(name).verbose_name).capitalize(), value]
                    for name, value in survei["unsur"].items()
                ]
                + [
                    [_("Jumlah responden"), survei["jumlah"]],
                    [_("Indeks kepuasan (25–100)"), survei["ikm"]],
                    [_("Mutu pelayanan"), statistik.mutu(survei["ikm"])],
                ],
            )
        )
    return tables


# ----------------------------------------------------------------------------- documents


def _periode(angka: dict[str, Any]) -> Periode:
    p = angka["periode"]
    return Periode(p["tahun"], bulan=p.get("bulan"), triwulan=p.get("triwulan"))


def laporan_context(
    laporan: LaporanTahunan, angka: dict[str, Any], tables: list[TabelLaporan] | None = None
) -> dict[str, Any]:
    return {
        "laporan": laporan,
        "angka": angka,
        "periode": _periode(angka),
        "tabel_list": tables if tables is not None else tabel(angka),
        "narasi": laporan.narasi,
        "dihitung_pada": angka["dihitung_pada"],
    }


def laporan_pdf(
    laporan: LaporanTahunan, angka: dict[str, Any], tables: list[TabelLaporan] | None = None
) -> bytes:
    with translation.override("id"):
        context = laporan_context(laporan, angka, tabel_pdf(angka, tables))
        return render_pdf("permohonan/pdf/laporan_tahunan.html", context)


def _sheet_names() -> dict[str, str]:
    # Sheet names of the XLSX: at most 31 characters each.
    return {
        "permohonan-kanal": _("Permohonan per cara"),
        "permohonan-bulan": _("Permohonan per bulan"),
        "waktu": _("Waktu layanan"),
        "hasil": _("Keputusan"),
        "penolakan": _("Alasan penolakan"),
        "rincian": _("Rincian waktu"),
        "keberatan-alasan": _("Keberatan per alasan"),
        "keberatan-tanggapan": _("Tanggapan keberatan"),
        "sengketa": _("Sengketa"),
        "survei": _("Survei kepuasan"),
    }


def _sheets(tables: list[TabelLaporan]):
    names = _sheet_names()
    return [(names.get(t.kode, t.judul[:31]), t.header, t.rows) for t in tables]


def laporan_xlsx(
    laporan: LaporanTahunan, angka: dict[str, Any], tables: list[TabelLaporan] | None = None
) -> bytes:
    with translation.override("id"):
        tables = tables if tables is not None else tabel(angka)
        narasi = [(title.capitalize(), text) for _name, title, text in laporan.narasi]
        return build_xlsx(
            [(_("Narasi"), [_("Bagian"), _("Uraian")], narasi), *_sheets(tables)],
            title_lines=[
                settings.PPID_OFFICE_NAME,
                _("Laporan Layanan Informasi Publik Tahun %(t)s") % {"t": laporan.tahun},
                _("Angka dihitung pada %(d)s") % {"d": dates.waktu(angka["dihitung_pada"])},
            ],
        )


def rekap_pdf(angka: dict[str, Any]) -> bytes:
    with translation.override("id"):
        return render_pdf(
            "permohonan/pdf/rekap.html",
            {"angka": angka, "periode": _periode(angka), "tabel_list": tabel_pdf(angka)},
        )


def rekap_xlsx(angka: dict[str, Any]) -> bytes:
    with translation.override("id"):
        return build_xlsx(
            _sheets(tabel(angka)),
            title_lines=[
                settings.PPID_OFFICE_NAME,
                _("Rekap Permohonan Informasi Publik: %(p)s") % {"p": _periode(angka).label},
                _("Angka dihitung pada %(d)s") % {"d": dates.waktu(angka["dihitung_pada"])},
            ],
        )


def store(content: bytes, stem: str, extension: str, mime: str, *, actor=None) -> StoredFile:
    upload = SimpleUploadedFile(f"{slugify(stem) or 'laporan'}.{extension}", content, mime)
    return store_upload(upload, purpose=StoredFile.Purpose.DOKUMEN_DIP, actor=actor)


def store_documents(laporan: LaporanTahunan, angka: dict[str, Any], *, actor=None):
    stem = f"laporan-layanan-informasi-publik-{laporan.tahun}"
    with translation.override("id"):
        tables = tabel(angka)
    pdf = store(laporan_pdf(laporan, angka, tables), stem, "pdf", "application/pdf", actor=actor)
    xlsx = store(laporan_xlsx(laporan, angka, tables), stem, "xlsx", XLSX_MIME, actor=actor)
    return pdf, xlsx


def nilai_dip(laporan: LaporanTahunan, unit, today: date) -> dict[str, Any]:
    """The values of the DIP entry (setiap saat, UU 14/2008 Ps 11) that publishes the report."""
    with translation.override("id"):
        return {
            "kategori": "setiap_saat",
            "ringkasan": _(
                "Laporan Layanan Informasi Publik Tahun %(t)s: jumlah permohonan, waktu "
                "layanan, keputusan dan alasan penolakan, keberatan, sengketa informasi, "
                "kendala, dan rekomendasi."
            )
            % {"t": laporan.tahun},
            "pejabat_penguasa": unit.kepala or unit.nama,
            "penanggung_jawab": "PPID",
            "waktu_tempat": f"{today:%d-%m-%Y}, {settings.PPID_OFFICE_CITY}",
            "softcopy": True,
            "online": True,
            "tahun": laporan.tahun,
            "subjek": _("laporan tahunan, layanan informasi publik, statistik"),
        }
