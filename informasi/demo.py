"""Demo data of the DIP: a realistic published register of a KPU Kabupaten office, built through
the real workflow (Penyedia → Desk → PPID → Atasan → Desk), with small PDF/DOCX files made on
the fly; then a pemutakhiran (version 2) and a few entries left in each staff queue. Demo only.
Safe to run twice: it does nothing when the demo SK already exists."""

from __future__ import annotations

import io
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ppid_portal.demo import DEMO_PASSWORD
from ppid_portal.models import UnitKerja, User
from ppid_portal.roles import Role

from . import services, workflow
from .models import InformasiPublik, Kategori, VersiDIP

DEMO_SK_1 = "001/PPID/SK/I/2026"
DEMO_SK_2 = "002/PPID/SK/II/2026"

B, SM, SS, DK = Kategori.BERKALA, Kategori.SERTA_MERTA, Kategori.SETIAP_SAAT, Kategori.DIKECUALIKAN

# Extra Penyedia accounts so that every demo unit can propose its own entries.
UNIT_PENYEDIA = {
    "umum": "penyedia",
    "keuangan": "penyedia2",
    "hukum": "penyedia-hukum",
    "teknis": "penyedia-teknis",
    "perencanaan": "penyedia-perencanaan",
}
EXTRA_PENYEDIA = [
    ("penyedia-hukum", "Lina", "Marlina", "hukum"),
    ("penyedia-teknis", "Yusuf", "Hidayat", "teknis"),
    ("penyedia-perencanaan", "Fitri", "Handayani", "perencanaan"),
]

RETENSI_5 = "5 tahun aktif, 5 tahun inaktif, kemudian permanen"
RETENSI_2 = "2 tahun aktif, 3 tahun inaktif, kemudian dimusnahkan"
RETENSI_10 = "10 tahun aktif, kemudian dinilai kembali"

# unit, kategori, ringkasan, penanggung jawab, waktu dan tempat, bentuk, retensi, kode,
# tahun, subjek, dokumen ("pdf" | "docx" | "tautan:<url>" | ""), Ps 17 letter, years excepted
ENTRIES: list[tuple] = [
    (
        "umum",
        B,
        "Daftar inventaris Barang Milik Negara (BMN) KPU Kabupaten Contoh per 31 Desember 2025",
        "Kepala Sub-bagian Umum dan Logistik",
        "Januari 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak",
        RETENSI_5,
        "000.3",
        2025,
        "aset, BMN, inventaris",
        "pdf",
        "",
        0,
    ),
    (
        "umum",
        B,
        "Laporan pengadaan dan distribusi logistik Pemilihan Bupati dan Wakil Bupati Tahun 2024",
        "Kepala Sub-bagian Umum dan Logistik",
        "Desember 2024, Gudang Logistik KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak",
        RETENSI_10,
        "PL.02",
        2024,
        "logistik, pemilihan, surat suara",
        "pdf",
        "",
        0,
    ),
    (
        "umum",
        SS,
        "Rencana Umum Pengadaan (RUP) barang/jasa Tahun Anggaran 2025",
        "Pejabat Pembuat Komitmen",
        "Februari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "000.3.2",
        2025,
        "pengadaan, RUP",
        "tautan:https://sirup.lkpp.go.id/",
        "",
        0,
    ),
    (
        "umum",
        SS,
        "Surat keputusan pembentukan panitia pengadaan logistik pemilihan",
        "Sekretaris KPU Kabupaten Contoh",
        "Maret 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak",
        RETENSI_5,
        "PL.01",
        2024,
        "pengadaan, keputusan",
        "docx",
        "",
        0,
    ),
    (
        "umum",
        SM,
        "Pengumuman penutupan sementara kantor akibat banjir dan lokasi "
        "layanan pengganti di Aula Kecamatan Sukamaju",
        "Sekretaris KPU Kabupaten Contoh",
        "November 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "",
        2025,
        "banjir, layanan, pengumuman",
        "pdf",
        "",
        0,
    ),
    (
        "umum",
        DK,
        "Dokumen pengamanan gudang logistik surat suara (denah gudang dan jadwal penjagaan)",
        "Kepala Sub-bagian Umum dan Logistik",
        "Oktober 2024, Gudang Logistik KPU Kabupaten Contoh",
        "hardcopy,cetak",
        RETENSI_5,
        "PL.03",
        2024,
        "keamanan, logistik",
        "pdf",
        "c",
        4,
    ),
    (
        "umum",
        B,
        "Laporan pengelolaan arsip inaktif dan pemindahan arsip ke record center",
        "Kepala Sub-bagian Umum dan Logistik",
        "Desember 2025, Ruang Arsip KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_5,
        "000.5",
        2025,
        "arsip",
        "docx",
        "",
        0,
    ),
    (
        "umum",
        SS,
        "Daftar kendaraan dinas dan pejabat pemakainya",
        "Kepala Sub-bagian Umum dan Logistik",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak",
        RETENSI_2,
        "000.3.3",
        2025,
        "aset, kendaraan",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        B,
        "Laporan Realisasi Anggaran (LRA) Semester I Tahun 2025",
        "Kepala Sub-bagian Keuangan",
        "Juli 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,online",
        RETENSI_10,
        "KU.01",
        2025,
        "anggaran, keuangan, realisasi",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        B,
        "Laporan Keuangan KPU Kabupaten Contoh Tahun 2024 (telah diaudit BPK)",
        "Kepala Sub-bagian Keuangan",
        "Mei 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak,online",
        RETENSI_10,
        "KU.02",
        2024,
        "keuangan, laporan keuangan, audit",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        B,
        "Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun 2025",
        "Kuasa Pengguna Anggaran",
        "Desember 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_10,
        "KU.01.1",
        2025,
        "anggaran, DIPA",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        B,
        "Rencana Kerja dan Anggaran (RKA) Tahun 2026",
        "Kepala Sub-bagian Keuangan",
        "Agustus 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak",
        RETENSI_5,
        "KU.01.2",
        2026,
        "anggaran, perencanaan",
        "docx",
        "",
        0,
    ),
    (
        "keuangan",
        SS,
        "Laporan pertanggungjawaban penggunaan dana hibah Pemilihan 2024",
        "Bendahara Pengeluaran",
        "Maret 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_10,
        "KU.03",
        2024,
        "hibah, pemilihan, pertanggungjawaban",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        SS,
        "Rekapitulasi belanja pegawai per golongan Tahun 2025",
        "Kepala Sub-bagian Keuangan",
        "Desember 2025, Kantor KPU Kabupaten Contoh",
        "softcopy",
        RETENSI_5,
        "KU.04",
        2025,
        "belanja pegawai",
        "docx",
        "",
        0,
    ),
    (
        "keuangan",
        DK,
        "Rincian rekening pribadi dan slip gaji masing-masing pegawai",
        "Bendahara Pengeluaran",
        "Setiap bulan, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_5,
        "KU.04.1",
        2025,
        "gaji, data pribadi",
        "pdf",
        "h",
        0,
    ),
    (
        "keuangan",
        B,
        "Laporan Barang Milik Negara semesteran Tahun 2025",
        "Kepala Sub-bagian Keuangan",
        "Juli 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_5,
        "KU.05",
        2025,
        "BMN, aset",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        SM,
        "Peringatan penipuan yang mengatasnamakan KPU Kabupaten Contoh dengan "
        "meminta transfer uang",
        "Sekretaris KPU Kabupaten Contoh",
        "September 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "",
        2025,
        "penipuan, peringatan",
        "pdf",
        "",
        0,
    ),
    (
        "hukum",
        B,
        "Daftar produk hukum (Keputusan KPU Kabupaten Contoh) Tahun 2025",
        "Kepala Sub-bagian Hukum dan SDM",
        "Desember 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_10,
        "HK.01",
        2025,
        "produk hukum, keputusan, JDIH",
        "tautan:https://jdih.kpu.go.id/",
        "",
        0,
    ),
    (
        "hukum",
        SS,
        "Putusan penyelesaian sengketa proses Pemilihan 2024 di Bawaslu Kabupaten Contoh",
        "Kepala Sub-bagian Hukum dan SDM",
        "Oktober 2024, Bawaslu Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_10,
        "HK.02",
        2024,
        "sengketa, pemilihan, putusan",
        "pdf",
        "",
        0,
    ),
    (
        "hukum",
        B,
        "Data pegawai menurut jabatan, golongan, dan tingkat pendidikan",
        "Kepala Sub-bagian Hukum dan SDM",
        "Januari 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak",
        RETENSI_2,
        "KP.01",
        2025,
        "kepegawaian, SDM",
        "docx",
        "",
        0,
    ),
    (
        "hukum",
        SS,
        "Standar Operasional Prosedur (SOP) pelayanan informasi publik",
        "PPID KPU Kabupaten Contoh",
        "Februari 2022, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,online",
        RETENSI_10,
        "HM.02",
        2022,
        "SOP, layanan informasi",
        "pdf",
        "",
        0,
    ),
    (
        "hukum",
        DK,
        "Berkas pemeriksaan dugaan pelanggaran kode etik anggota badan ad hoc",
        "Kepala Sub-bagian Hukum dan SDM",
        "Agustus 2025, Kantor KPU Kabupaten Contoh",
        "hardcopy",
        RETENSI_5,
        "HK.03",
        2025,
        "kode etik, pemeriksaan",
        "pdf",
        "a",
        3,
    ),
    (
        "hukum",
        DK,
        "Data pribadi pelamar seleksi badan ad hoc (NIK, alamat, riwayat kesehatan)",
        "Kepala Sub-bagian Hukum dan SDM",
        "Januari 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_2,
        "KP.02",
        2024,
        "data pribadi, seleksi",
        "docx",
        "h",
        0,
    ),
    (
        "hukum",
        B,
        "Laporan layanan informasi publik Tahun 2025",
        "PPID KPU Kabupaten Contoh",
        "Maret 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak,online",
        RETENSI_10,
        "HM.02.1",
        2025,
        "laporan tahunan, layanan informasi",
        "pdf",
        "",
        0,
    ),
    (
        "hukum",
        SS,
        "Perjanjian kerja sama dengan Universitas Contoh tentang pendidikan pemilih",
        "Sekretaris KPU Kabupaten Contoh",
        "Mei 2025, Universitas Contoh",
        "softcopy,hardcopy",
        RETENSI_5,
        "HK.04",
        2025,
        "kerja sama, pendidikan pemilih",
        "docx",
        "",
        0,
    ),
    (
        "hukum",
        DK,
        "Memorandum internal rapat pleno tertutup tentang penanganan sengketa",
        "Ketua KPU Kabupaten Contoh",
        "Oktober 2024, Ruang Rapat KPU Kabupaten Contoh",
        "hardcopy",
        RETENSI_5,
        "HK.02.1",
        2024,
        "memorandum, rapat pleno",
        "docx",
        "i",
        0,
    ),
    (
        "teknis",
        B,
        "Rekapitulasi Daftar Pemilih Tetap (DPT) Pemilihan 2024 per kecamatan",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "September 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,online",
        RETENSI_10,
        "PL.04",
        2024,
        "DPT, data pemilih, pemilihan",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        B,
        "Hasil rekapitulasi penghitungan suara Pemilihan Bupati dan Wakil "
        "Bupati 2024 per kecamatan",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "Desember 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak,online",
        RETENSI_10,
        "PL.05",
        2024,
        "hasil pemilihan, rekapitulasi, suara",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        B,
        "Jadwal pemutakhiran data pemilih berkelanjutan Tahun 2025",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "PL.04.1",
        2025,
        "data pemilih, jadwal",
        "docx",
        "",
        0,
    ),
    (
        "teknis",
        SM,
        "Peringatan dini cuaca ekstrem dan pemindahan lokasi TPS di desa rawan banjir",
        "Ketua KPU Kabupaten Contoh",
        "November 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "",
        2024,
        "banjir, TPS, peringatan dini",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        SM,
        "Keadaan darurat: evakuasi logistik pemilihan akibat tanah longsor di Kecamatan Gunungsari",
        "Ketua KPU Kabupaten Contoh",
        "November 2024, Kecamatan Gunungsari",
        "softcopy,online",
        RETENSI_2,
        "",
        2024,
        "bencana, logistik, longsor",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        SS,
        "Daftar nama anggota PPK dan PPS hasil seleksi Pemilihan 2024",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "Mei 2024, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak",
        RETENSI_5,
        "PL.06",
        2024,
        "badan ad hoc, PPK, PPS",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        SS,
        "Dokumentasi kegiatan sosialisasi dan pendidikan pemilih Tahun 2025",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "Sepanjang 2025, berbagai lokasi",
        "softcopy,rekam,online",
        RETENSI_2,
        "HM.01",
        2025,
        "sosialisasi, pendidikan pemilih",
        "tautan:https://www.youtube.com/@kpuri",
        "",
        0,
    ),
    (
        "teknis",
        B,
        "Keputusan penetapan pasangan calon terpilih Bupati dan Wakil Bupati 2024",
        "Ketua KPU Kabupaten Contoh",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,cetak",
        RETENSI_10,
        "PL.05.1",
        2025,
        "calon terpilih, keputusan",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        SS,
        "Siaran pers KPU Kabupaten Contoh triwulan III Tahun 2025",
        "Kepala Sub-bagian Teknis dan Hubmas",
        "September 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "HM.01.1",
        2025,
        "siaran pers, humas",
        "docx",
        "",
        0,
    ),
    (
        "perencanaan",
        B,
        "Rencana Strategis (Renstra) KPU Kabupaten Contoh 2025–2029",
        "Kepala Sub-bagian Perencanaan, Data dan Informasi",
        "Maret 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,online",
        RETENSI_10,
        "PR.01",
        2025,
        "renstra, perencanaan",
        "pdf",
        "",
        0,
    ),
    (
        "perencanaan",
        B,
        "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024",
        "Kepala Sub-bagian Perencanaan, Data dan Informasi",
        "Februari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak,online",
        RETENSI_10,
        "PR.02",
        2024,
        "kinerja, LKjIP",
        "pdf",
        "",
        0,
    ),
    (
        "perencanaan",
        B,
        "Perjanjian Kinerja Tahun 2025",
        "Sekretaris KPU Kabupaten Contoh",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy",
        RETENSI_5,
        "PR.02.1",
        2025,
        "kinerja, perjanjian kinerja",
        "docx",
        "",
        0,
    ),
    (
        "perencanaan",
        SS,
        "Statistik partisipasi pemilih Pemilihan 2024 per desa",
        "Kepala Sub-bagian Perencanaan, Data dan Informasi",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_10,
        "PR.03",
        2024,
        "partisipasi pemilih, statistik",
        "pdf",
        "",
        0,
    ),
    (
        "perencanaan",
        SS,
        "Profil KPU Kabupaten Contoh: struktur organisasi, tugas, dan fungsi",
        "Sekretaris KPU Kabupaten Contoh",
        "Januari 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,cetak,online",
        RETENSI_2,
        "OT.01",
        2026,
        "profil, struktur organisasi",
        "docx",
        "",
        0,
    ),
    (
        "perencanaan",
        B,
        "Indikator Kinerja Utama (IKU) Tahun 2025",
        "Kepala Sub-bagian Perencanaan, Data dan Informasi",
        "Januari 2025, Kantor KPU Kabupaten Contoh",
        "softcopy",
        RETENSI_5,
        "PR.02.2",
        2025,
        "kinerja, IKU",
        "pdf",
        "",
        0,
    ),
    (
        "perencanaan",
        DK,
        "Rancangan jaringan dan kredensial akses sistem informasi data pemilih",
        "Kepala Sub-bagian Perencanaan, Data dan Informasi",
        "Juni 2025, Ruang Server KPU Kabupaten Contoh",
        "softcopy",
        RETENSI_5,
        "PR.04",
        2025,
        "keamanan sistem, jaringan",
        "docx",
        "c",
        5,
    ),
]

# Added in the pemutakhiran (version 2).
ENTRIES_V2: list[tuple] = [
    (
        "perencanaan",
        SS,
        "Hasil survei kepuasan masyarakat terhadap layanan informasi publik Tahun 2025",
        "PPID KPU Kabupaten Contoh",
        "Desember 2025, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_5,
        "HM.02.2",
        2025,
        "survei, layanan informasi",
        "pdf",
        "",
        0,
    ),
    (
        "keuangan",
        B,
        "Laporan Realisasi Anggaran (LRA) Tahun 2025",
        "Kepala Sub-bagian Keuangan",
        "Januari 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,hardcopy,online",
        RETENSI_10,
        "KU.01",
        2025,
        "anggaran, keuangan, realisasi",
        "pdf",
        "",
        0,
    ),
    (
        "teknis",
        SM,
        "Pengumuman perubahan jadwal layanan akibat gempa bumi dan titik kumpul aman",
        "Ketua KPU Kabupaten Contoh",
        "Februari 2026, Kantor KPU Kabupaten Contoh",
        "softcopy,online",
        RETENSI_2,
        "",
        2026,
        "gempa, keadaan darurat",
        "pdf",
        "",
        0,
    ),
]

# Left in the queues: (unit, kategori, ringkasan, tahun, state)
QUEUE_ENTRIES = [
    ("umum", SS, "Daftar pemenang tender pengadaan kotak suara Tahun 2025", 2025, "draf"),
    ("keuangan", B, "Laporan Realisasi Anggaran (LRA) Triwulan I Tahun 2026", 2026, "draf"),
    ("hukum", B, "Daftar Keputusan KPU Kabupaten Contoh Triwulan I 2026", 2026, "diajukan"),
    (
        "teknis",
        SS,
        "Rekapitulasi pemutakhiran data pemilih berkelanjutan Semester II 2025",
        2025,
        "diajukan",
    ),
    ("umum", B, "Laporan pemeliharaan gedung kantor Tahun 2025", 2025, "dikembalikan"),
    ("perencanaan", B, "Rencana Kinerja Tahunan (RKT) 2026", 2026, "didokumentasikan"),
]


def _pdf(title: str, lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle(title)
    y = 800
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, y, "KOMISI PEMILIHAN UMUM KABUPATEN CONTOH")
    y -= 24
    pdf.setFont("Helvetica", 11)
    for line in [title, "", *lines]:
        pdf.drawString(60, y, line[:95])
        y -= 16
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _docx(title: str, lines: list[str]) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("KOMISI PEMILIHAN UMUM KABUPATEN CONTOH", level=1)
    document.add_heading(title, level=2)
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _body(ringkasan: str, subjek: str, tahun: int) -> list[str]:
    return [
        f"Dokumen ini memuat {ringkasan[0].lower()}{ringkasan[1:]}.",
        f"Tahun: {tahun}. Kata kunci: {subjek}.",
        "Disusun untuk memenuhi kewajiban keterbukaan informasi publik",
        "berdasarkan Undang-Undang Nomor 14 Tahun 2008.",
    ]


def _values(row: tuple, unit: UnitKerja) -> dict:
    _u, kategori, ringkasan, pj, wt, bentuk, retensi, kode, tahun, subjek, _doc, alasan, years = row
    flags = set(bentuk.split(","))
    return {
        "kategori": kategori,
        "ringkasan": ringkasan,
        "pejabat_penguasa": unit.kepala or unit.nama,
        "penanggung_jawab": pj,
        "waktu_tempat": wt,
        "retensi": retensi,
        "kode_klasifikasi": kode,
        "tahun": tahun,
        "subjek": subjek,
        "alasan_pengecualian": alasan,
        "pengecualian_berakhir": date(timezone.localdate().year + years, 12, 31) if years else None,
        **{name: name in flags for name in ("softcopy", "hardcopy", "cetak", "rekam", "online")},
    }


def _propose(row: tuple, users: dict, units: dict) -> InformasiPublik:
    unit_code, doc = row[0], row[10]
    penyedia = users[UNIT_PENYEDIA[unit_code]]
    entry = workflow.entry_create(actor=penyedia, values=_values(row, units[unit_code]))
    ringkasan, tahun, subjek = row[2], row[8], row[9]
    if doc.startswith("tautan:"):
        services.document_add_link(
            actor=penyedia, entry=entry, tautan=doc.split(":", 1)[1], judul=ringkasan[:120]
        )
    elif doc:
        maker = _pdf if doc == "pdf" else _docx
        name = f"{row[7] or 'dokumen'}-{tahun}.{doc}".replace(" ", "-").lower()
        upload = SimpleUploadedFile(name, maker(ringkasan[:90], _body(ringkasan, subjek, tahun)))
        services.document_add_file(
            actor=penyedia, entry=entry, upload=upload, judul=ringkasan[:120]
        )
    return workflow.entry_submit(actor=penyedia, entry=entry)


def _document(entry: InformasiPublik, desk: User) -> InformasiPublik:
    return workflow.entry_document(
        actor=desk,
        entry=entry,
        klasifikasi=workflow.Klasifikasi(
            kategori=entry.kategori,
            retensi=entry.retensi or RETENSI_2,
            kode_klasifikasi=entry.kode_klasifikasi,
            alasan_pengecualian=entry.alasan_pengecualian,
            pengecualian_berakhir=entry.pengecualian_berakhir,
            softcopy=entry.softcopy,
            hardcopy=entry.hardcopy,
            cetak=entry.cetak,
            rekam=entry.rekam,
            online=entry.online,
            lokasi_softcopy=f"Server PPID \\\\DIP\\{entry.unit.kode}\\{entry.tahun}"
            if entry.softcopy
            else "",
            lokasi_hardcopy=f"Ruang Arsip, Rak {entry.unit.kode.upper()[:3]}-{entry.tahun % 100}"
            if entry.hardcopy
            else "",
        ),
    )


def _accounts(stdout) -> tuple[dict, dict]:
    units = {u.kode: u for u in UnitKerja.objects.filter(kode__in=UNIT_PENYEDIA)}
    group = Group.objects.get(name=Role.PENYEDIA.value)
    for username, first, last, unit_code in EXTRA_PENYEDIA:
        user, _created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@contoh.go.id",
                "unit": units[unit_code],
                "jabatan": f"Staf {units[unit_code].nama}",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.set([group])
    names = [*UNIT_PENYEDIA.values(), "desk", "ppid", "atasan"]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    stdout.write(
        "DIP: akun Penyedia tambahan (kata sandi demo): "
        + ", ".join(name for name, *_rest in EXTRA_PENYEDIA)
    )
    return users, units


def seed(stdout) -> None:
    users, units = _accounts(stdout)
    if VersiDIP.objects.filter(nomor_sk=DEMO_SK_1).exists():
        stdout.write("DIP demo sudah ada; tidak diubah.")
        seed_pengecualian(stdout)
        return
    desk, ppid, atasan = users["desk"], users["ppid"], users["atasan"]
    today = timezone.localdate()

    entries = [_document(_propose(row, users, units), desk) for row in ENTRIES]
    v1 = workflow.version_set(
        actor=ppid,
        nomor_sk=DEMO_SK_1,
        tanggal_sk=today - timedelta(days=40),
        penandatangan="Agus Prasetyo",
        jabatan_penandatangan="PPID KPU Kabupaten Contoh",
        keterangan="Penetapan DIP awal tahun.",
    )
    workflow.version_order(actor=atasan, versi=v1, note="Segera unggah ke situs PPID.")
    workflow.version_publish(actor=desk, versi=v1)

    # Pemutakhiran: two entries updated by their units, one withdrawn, three added.
    for entry in (entries[8], entries[26]):
        penyedia = users[UNIT_PENYEDIA[entry.unit.kode]]
        entry = workflow.entry_reopen(actor=penyedia, entry=entry)
        workflow.entry_update(
            actor=penyedia,
            entry=entry,
            values={"subjek": f"{entry.subjek}, pemutakhiran 2026", "online": True},
        )
        _document(workflow.entry_submit(actor=penyedia, entry=entry), desk)
    workflow.entry_withdraw(
        actor=ppid, entry=entries[7], reason="Digabung dengan daftar inventaris BMN."
    )
    for row in ENTRIES_V2:
        _document(_propose(row, users, units), desk)
    v2 = workflow.version_set(
        actor=ppid,
        nomor_sk=DEMO_SK_2,
        tanggal_sk=today - timedelta(days=7),
        penandatangan="Agus Prasetyo",
        jabatan_penandatangan="PPID KPU Kabupaten Contoh",
        keterangan="Pemutakhiran DIP.",
    )
    workflow.version_order(actor=atasan, versi=v2)
    workflow.version_publish(actor=desk, versi=v2)

    # A few entries waiting in each role's queue.
    for unit_code, kategori, ringkasan, tahun, state in QUEUE_ENTRIES:
        row = (unit_code, kategori, ringkasan, "Kepala " + units[unit_code].nama,
               f"{tahun}, Kantor KPU Kabupaten Contoh", "softcopy,hardcopy", RETENSI_5, "",
               tahun, "", "pdf", "", 0)  # fmt: skip
        penyedia = users[UNIT_PENYEDIA[unit_code]]
        if state == "draf":
            workflow.entry_create(actor=penyedia, values=_values(row, units[unit_code]))
            continue
        entry = _propose(row, users, units)
        if state == "dikembalikan":
            workflow.entry_return(
                actor=desk,
                entry=entry,
                reason="Lampirkan laporan yang sudah ditandatangani dan lengkapi waktu pembuatan.",
            )
        elif state == "didokumentasikan":
            _document(entry, desk)
    stdout.write(
        f"DIP: versi {v1.nomor} dan {v2.nomor} ditetapkan; versi {v2.nomor} dipublikasikan "
        f"({v2.entri.count()} entri)."
    )
    seed_pengecualian(stdout)


# ----------------------------------------------------------------------------- excepted information

DEMO_SK_3 = "003/PPID/SK/III/2026"
# Each demo decree: the entry (by its summary), the Ps 17 letter, the period (days from today to
# its last day, None for permanent), the scope, and the text of the test. Demo only.
PENETAPAN_DEMO = [
    {
        "ringkasan": "Memorandum internal rapat pleno tertutup tentang penanganan sengketa",
        "alasan": "i",
        "hari": 4 * 365,
        "uraian": "Memorandum internal rapat pleno tertutup Tahun 2024",
        "konsekuensi": "Membuka pertimbangan internal sebelum sengketa selesai dapat "
        "melemahkan posisi hukum lembaga dan menghambat musyawarah anggota.",
        "kepentingan": "Publik berkepentingan mengetahui dasar keputusan; keputusan akhirnya "
        "sudah diumumkan sebagai produk hukum.",
        "sejak": 90,
    },
    {
        "ringkasan": "Rincian rekening pribadi dan slip gaji masing-masing pegawai",
        "alasan": "h",
        "hari": None,
        "dasar_hukum_lain": "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data "
        "Pribadi, Pasal 4 ayat (2) dan Pasal 65.",
        "uraian": "Data rekening dan penghasilan pribadi pegawai",
        "konsekuensi": "Membuka nomor rekening dan penghasilan tiap pegawai melanggar data "
        "pribadi dan membuka peluang penipuan.",
        "kepentingan": "Rekapitulasi belanja pegawai per golongan sudah terbuka dalam DIP.",
        "sejak": 80,
    },
    {
        # Expiring soon: within 30 working days, so it is in the PPID's queue.
        "ringkasan": "Berkas pemeriksaan dugaan pelanggaran kode etik anggota badan ad hoc",
        "alasan": "a",
        "hari_kerja": 12,
        "uraian": "Berkas pemeriksaan dugaan pelanggaran kode etik badan ad hoc Tahun 2025",
        "konsekuensi": "Membuka berkas sebelum pemeriksaan selesai dapat mengganggu proses "
        "penegakan etik dan merugikan pihak yang diperiksa.",
        "kepentingan": "Hasil pemeriksaan akan diumumkan setelah putusan.",
        "sejak": 120,
    },
    {
        # Expired five days ago: `periksa_pengecualian` opens it again.
        "ringkasan": "Dokumen pengamanan gudang logistik surat suara (denah gudang dan jadwal "
        "penjagaan)",
        "alasan": "c",
        "hari": -5,
        "uraian": "Dokumen pengamanan gudang logistik Pemilihan 2024",
        "konsekuensi": "Denah gudang dan jadwal penjagaan selama tahapan pemilihan dapat "
        "dimanfaatkan untuk mengganggu keamanan logistik.",
        "kepentingan": "Setelah tahapan pemilihan selesai, kepentingan pengamanan berakhir.",
        "sejak": 400,
    },
    {
        # Excepted in part: only the redacted report is published.
        "ringkasan": "Laporan pertanggungjawaban penggunaan dana hibah Pemilihan 2024",
        "alasan": "h",
        "hari": 5 * 365,
        "cakupan": "sebagian",
        "bagian": "Nomor rekening dan NIK penerima honorarium pada lampiran 3.",
        "uraian": "Bagian data pribadi penerima honorarium dalam laporan dana hibah Pemilihan 2024",
        "konsekuensi": "Nomor rekening dan NIK penerima honorarium adalah data pribadi.",
        "kepentingan": "Laporan penggunaan dana hibah tetap dibuka; hanya data pribadi "
        "yang dihitamkan.",
        "sejak": 60,
    },
]


def _demo_penetapan(spec: dict, users: dict, units: dict, tim: User, pembina: User) -> None:
    from ppid_portal.calendar import holidays_around
    from ppid_portal.workdays import add_working_days

    from .models import UjiKonsekuensi

    entry = InformasiPublik.objects.filter(ringkasan=spec["ringkasan"]).first()
    if entry is None:
        return
    ppid, atasan = users["ppid"], users["atasan"]
    penyedia = users[UNIT_PENYEDIA[entry.unit.kode]]
    at = timezone.now() - timedelta(days=spec["sejak"])
    today = timezone.localdate()
    if "hari_kerja" in spec:
        berakhir = add_working_days(today, spec["hari_kerja"], holidays_around(today))
    elif spec["hari"] is None:
        berakhir = None
    else:
        berakhir = today + timedelta(days=spec["hari"])
    uji = workflow.uji_propose(
        actor=tim,
        informasi=entry,
        judul_informasi=entry.ringkasan,
        usulan="Diusulkan Tim Pertimbangan dalam klasifikasi informasi yang dikecualikan.",
        alasan=spec["alasan"],
        at=at,
    )
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=ppid, peran="ppid")
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=penyedia, peran="unit")
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=pembina, peran="pembina")
    workflow.uji_update(
        actor=ppid,
        uji=uji,
        values={
            "uraian_publik": spec["uraian"],
            "cakupan": spec.get("cakupan", "seluruhnya"),
            "bagian_dikecualikan": spec.get("bagian", ""),
            "dasar_hukum_lain": spec.get("dasar_hukum_lain", ""),
            "konsekuensi": spec["konsekuensi"],
            "kepentingan_publik": spec["kepentingan"],
            "pertimbangan": "Konsekuensi membuka informasi lebih besar daripada kepentingan "
            "publik pada saat ini.",
            "kesimpulan": UjiKonsekuensi.Kesimpulan.DIKECUALIKAN,
            "permanen": berakhir is None,
            "berakhir_pada": berakhir,
            "tempat_uji": "Ruang Rapat KPU Kabupaten Contoh",
        },
    )
    workflow.uji_circulate(actor=ppid, uji=uji)
    for signer in (tim, ppid, penyedia, pembina):
        uji = workflow.uji_sign(actor=signer, uji=uji)
    redacted = None
    if spec.get("cakupan") == "sebagian":
        redacted = SimpleUploadedFile(
            "laporan-hibah-2024-dihitamkan.pdf",
            _pdf(
                f"{entry.ringkasan} (bagian data pribadi dihitamkan)",
                [*_body(entry.ringkasan, entry.subjek, entry.tahun), "Lampiran 3: ██████████"],
            ),
        )
    penetapan = workflow.penetapan_issue(
        actor=ppid,
        uji=uji,
        tanggal=timezone.localdate(at),
        berkas_sensor=redacted,
        at=at,
    )
    workflow.penetapan_approve(
        actor=atasan, penetapan=penetapan, catatan="Disetujui sesuai hasil uji.", at=at
    )


def seed_pengecualian(stdout) -> None:
    """Decrees in force (one permanent, one excepted in part), one ending within 30 working
    days, one already ended (opened by the expiry check), and a sheet waiting for signatures;
    then a DIP version that carries the changes. Safe to run twice."""
    from .models import PenetapanPengecualian, UjiKonsekuensi

    if PenetapanPengecualian.objects.filter(uraian_publik=PENETAPAN_DEMO[0]["uraian"]).exists():
        stdout.write("Penetapan informasi dikecualikan demo sudah ada; tidak diubah.")
        return
    users, units = _accounts_quiet()
    tim = User.objects.filter(username="tim").first()
    pembina = User.objects.filter(username="pembina").first()
    if tim is None or pembina is None or "ppid" not in users:
        stdout.write("Penetapan demo dilewati: akun demo belum ada.")
        return
    # Oldest first, so the decree numbers follow their dates.
    for spec in sorted(PENETAPAN_DEMO, key=lambda spec: -spec["sejak"]):
        _demo_penetapan(spec, users, units, tim, pembina)
    hasil = workflow.check_expiry()

    # A proposal still circulating: the unit and the PPID have not signed yet.
    entry = InformasiPublik.objects.filter(
        ringkasan__startswith="Rancangan jaringan dan kredensial akses"
    ).first()
    if entry is not None:
        ppid = users["ppid"]
        uji = workflow.uji_propose(
            actor=tim,
            informasi=entry,
            judul_informasi=entry.ringkasan,
            usulan="Kredensial dan rancangan jaringan perlu ditetapkan pengecualiannya.",
            alasan="c",
        )
        workflow.peserta_add(actor=ppid, uji=uji, pengguna=ppid, peran="ppid")
        workflow.peserta_add(
            actor=ppid, uji=uji, pengguna=users[UNIT_PENYEDIA[entry.unit.kode]], peran="unit"
        )
        workflow.uji_update(
            actor=ppid,
            uji=uji,
            values={
                "uraian_publik": "Rancangan jaringan sistem informasi data pemilih",
                "konsekuensi": "Kredensial dan topologi jaringan memudahkan serangan siber.",
                "kepentingan_publik": "Tidak ada kepentingan publik atas kredensial.",
                "pertimbangan": "Keamanan sistem lebih besar daripada kepentingan publik.",
                "kesimpulan": UjiKonsekuensi.Kesimpulan.DIKECUALIKAN,
                "berakhir_pada": timezone.localdate() + timedelta(days=5 * 365),
            },
        )
        workflow.uji_circulate(actor=ppid, uji=uji)
        workflow.uji_sign(actor=tim, uji=uji)

    # The DIP carries the changes in its next version.
    desk, atasan = users["desk"], users["atasan"]
    if not VersiDIP.objects.filter(nomor_sk=DEMO_SK_3).exists():
        v3 = workflow.version_set(
            actor=users["ppid"],
            nomor_sk=DEMO_SK_3,
            tanggal_sk=timezone.localdate(),
            penandatangan="Agus Prasetyo",
            jabatan_penandatangan="PPID KPU Kabupaten Contoh",
            keterangan="Pemutakhiran DIP: informasi yang dikecualikan.",
        )
        workflow.version_order(actor=atasan, versi=v3)
        workflow.version_publish(actor=desk, versi=v3)
    stdout.write(
        f"Informasi dikecualikan: {PenetapanPengecualian.objects.count()} penetapan "
        f"({len(hasil.antrean_baru)} segera berakhir, {len(hasil.dibuka)} berakhir dan dibuka)."
    )


def _accounts_quiet() -> tuple[dict, dict]:
    units = {u.kode: u for u in UnitKerja.objects.filter(kode__in=UNIT_PENYEDIA)}
    names = [*UNIT_PENYEDIA.values(), "desk", "ppid", "atasan"]
    return {u.username: u for u in User.objects.filter(username__in=names)}, units
