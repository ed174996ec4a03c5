"""Realistic Indonesian text for the benchmark dataset, from a fixed seed.

The summaries read like the DIP of a district office (KPU/Pemda): reports, decrees, budgets,
procedures. Two words are planted on purpose so the search benchmark knows how many rows match:

- COMMON_TERM ("masyarakat") is in exactly every second DIP entry and nowhere else;
- RARE_TERM ("cibeber") is in RARE_COUNT entries and nowhere else.

No other pool below contains either word (nor a word that stems to it).
"""

from __future__ import annotations

import random

COMMON_TERM = "masyarakat"
RARE_TERM = "cibeber"
RARE_COUNT = 12

UNITS = [
    ("sekretariat", "Sekretariat", "Sekretaris"),
    ("umum-logistik", "Sub-bagian Umum dan Logistik", "Kepala Sub-bagian Umum dan Logistik"),
    ("keuangan", "Sub-bagian Keuangan", "Kepala Sub-bagian Keuangan"),
    ("hukum", "Sub-bagian Hukum dan Pengawasan", "Kepala Sub-bagian Hukum"),
    ("teknis", "Sub-bagian Teknis Penyelenggaraan", "Kepala Sub-bagian Teknis"),
    ("perencanaan", "Sub-bagian Perencanaan, Data dan Informasi", "Kepala Sub-bagian Perencanaan"),
    ("sdm", "Sub-bagian Partisipasi dan Sumber Daya Manusia", "Kepala Sub-bagian SDM"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", "Kepala Bappeda"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala BPKAD"),
    ("dinkes", "Dinas Kesehatan", "Kepala Dinas Kesehatan"),
    ("disdik", "Dinas Pendidikan dan Kebudayaan", "Kepala Dinas Pendidikan"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas PUPR"),
    ("dinsos", "Dinas Sosial", "Kepala Dinas Sosial"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Kepala Disdukcapil"),
    ("dishub", "Dinas Perhubungan", "Kepala Dinas Perhubungan"),
    ("dlh", "Dinas Lingkungan Hidup", "Kepala Dinas Lingkungan Hidup"),
    ("diskominfo", "Dinas Komunikasi, Informatika dan Persandian", "Kepala Diskominfo"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Kepala DPMPTSP"),
    ("inspektorat", "Inspektorat Daerah", "Inspektur"),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan SDM", "Kepala BKPSDM"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana BPBD"),
    ("satpolpp", "Satuan Polisi Pamong Praja", "Kepala Satpol PP"),
    ("rsud", "Rumah Sakit Umum Daerah", "Direktur RSUD"),
    ("kecamatan-kota", "Kecamatan Kota", "Camat Kota"),
]

KECAMATAN = [
    "Ciruas",
    "Kragilan",
    "Pontang",
    "Tirtayasa",
    "Cikande",
    "Kibin",
    "Jawilan",
    "Anyar",
    "Cinangka",
    "Padarincang",
    "Baros",
    "Petir",
    "Tunjung Teja",
    "Pamarayan",
    "Bandung",
    "Kopo",
    "Cikeusal",
    "Waringinkurung",
    "Mancak",
    "Gunungsari",
    "Bojonegara",
    "Pulo Ampel",
    "Kramatwatu",
    "Carenang",
    "Binuang",
    "Lebak Wangi",
    "Tanara",
    "Ciomas",
    "Pabuaran",
]
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
TRIWULAN = ["I", "II", "III", "IV"]

DOKUMEN = [
    "Laporan Realisasi Anggaran",
    "Laporan Keuangan",
    "Rencana Kerja dan Anggaran",
    "Daftar Pelaksanaan Anggaran",
    "Rencana Strategis",
    "Rencana Kerja Tahunan",
    "Laporan Kinerja Instansi Pemerintah",
    "Standar Operasional Prosedur",
    "Keputusan Kepala",
    "Surat Edaran",
    "Notulen Rapat Koordinasi",
    "Daftar Inventaris Barang Milik Daerah",
    "Laporan Hasil Pemeriksaan",
    "Rencana Umum Pengadaan",
    "Daftar Pemenang Tender",
    "Kontrak Pengadaan",
    "Laporan Penyelenggaraan Pemerintahan Daerah",
    "Profil Kesehatan",
    "Data Pokok Pendidikan",
    "Peta Rawan Bencana",
    "Daftar Penerima Bantuan Sosial",
    "Rekapitulasi Hasil Penghitungan Suara",
    "Daftar Pemilih Tetap",
    "Jadwal Tahapan Pemilihan",
    "Maklumat Pelayanan",
    "Laporan Pengaduan",
    "Statistik Kependudukan",
    "Dokumen Analisis Dampak Lingkungan",
    "Izin Usaha yang Diterbitkan",
    "Laporan Harta Kekayaan Pejabat",
]
TOPIK = [
    "pembangunan jalan dan jembatan",
    "rehabilitasi gedung sekolah dasar",
    "penanganan stunting dan gizi buruk",
    "pengelolaan sampah dan kebersihan",
    "penerangan jalan umum",
    "pemeliharaan saluran irigasi",
    "penyaluran bantuan pangan non tunai",
    "vaksinasi dan imunisasi anak",
    "perbaikan rumah tidak layak huni",
    "penataan pasar tradisional",
    "pengadaan alat kesehatan",
    "pembinaan usaha mikro kecil dan menengah",
    "penyelenggaraan pemilihan kepala daerah",
    "pemutakhiran data pemilih",
    "rekrutmen badan adhoc",
    "logistik pemungutan suara",
    "penanggulangan banjir musiman",
    "pengujian kendaraan bermotor",
    "pelayanan administrasi kependudukan",
    "pengawasan bangunan gedung",
    "pengelolaan aset tanah daerah",
    "peningkatan kapasitas aparatur",
    "penegakan peraturan daerah",
    "pengembangan pariwisata pesisir",
    "pengelolaan air minum",
    "penyediaan ruang terbuka hijau",
]
KETERANGAN = [
    "memuat rincian kegiatan, sumber dana, dan capaian keluaran",
    "disusun berdasarkan hasil evaluasi pelaksanaan tahun sebelumnya",
    "sebagai bahan pertanggungjawaban penggunaan anggaran",
    "ditetapkan setelah melalui rapat pleno",
    "dilengkapi lampiran tabel dan peta lokasi",
    "mencakup seluruh desa dan kelurahan di wilayah kerja",
    "termasuk daftar penyedia barang dan jasa",
    "disampaikan kepada DPRD dan Gubernur",
    "berisi indikator kinerja utama dan targetnya",
    "diperbarui setiap triwulan",
]
COMMON_CLAUSES = [
    f"untuk diketahui {COMMON_TERM} luas",
    f"sebagai bentuk keterbukaan kepada {COMMON_TERM}",
    f"yang dapat diakses oleh {COMMON_TERM}",
    f"dengan melibatkan partisipasi {COMMON_TERM}",
]
SUBJEK = [
    "anggaran",
    "pengadaan",
    "kinerja",
    "perencanaan",
    "keuangan",
    "pemilu",
    "pilkada",
    "kesehatan",
    "pendidikan",
    "infrastruktur",
    "bencana",
    "kependudukan",
    "sosial",
    "lingkungan",
    "perizinan",
    "kepegawaian",
    "aset",
    "hukum",
    "pengawasan",
    "statistik",
]
PENANGGUNG_JAWAB = [
    "Sekretaris",
    "Kepala Bidang Program",
    "Kepala Seksi Data dan Informasi",
    "Pejabat Pembuat Komitmen",
    "Kepala Sub-bagian Umum",
    "Bendahara Pengeluaran",
]
KODE_KLASIFIKASI = ["000.1", "000.3", "000.5", "100.1", "400.2", "500.1", "600.3", "800.1", "900.1"]
RETENSI = [
    "Aktif 2 tahun, inaktif 3 tahun, kemudian musnah",
    "Aktif 5 tahun, inaktif 5 tahun, kemudian permanen",
    "Aktif 1 tahun, inaktif 2 tahun, kemudian musnah",
    "Aktif 10 tahun, kemudian dinilai kembali",
]
NAMA_DEPAN = [
    "Agus",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fitri",
    "Gilang",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Oktavia",
    "Putri",
    "Rahmat",
    "Siti",
    "Teguh",
    "Umar",
    "Wahyu",
    "Yanti",
    "Zainal",
    "Ahmad",
    "Bayu",
    "Dian",
    "Fajar",
    "Hadi",
    "Intan",
    "Rina",
]
NAMA_BELAKANG = [
    "Pratama",
    "Saputra",
    "Wijaya",
    "Lestari",
    "Hidayat",
    "Nugroho",
    "Rahayu",
    "Kurniawan",
    "Santoso",
    "Wibowo",
    "Susanti",
    "Setiawan",
    "Permana",
    "Maulana",
    "Hasanah",
    "Firmansyah",
]
PEKERJAAN = [
    "Wiraswasta",
    "Mahasiswa",
    "Wartawan",
    "Pegawai swasta",
    "Guru",
    "Petani",
    "Peneliti",
    "Pengurus LSM",
    "Advokat",
    "Ibu rumah tangga",
    "Nelayan",
    "Dosen",
]
PERMINTAAN = [
    "Salinan {dok} {unit} tahun {tahun}",
    "Data {topik} di Kecamatan {kec} tahun {tahun}",
    "Rincian anggaran kegiatan {topik} tahun {tahun}",
    "Daftar penerima program {topik} di Desa {kec}",
    "Dokumen kontrak dan berita acara serah terima pekerjaan {topik}",
    "Hasil evaluasi pelaksanaan {topik} tahun {tahun}",
]
TUJUAN = [
    "Bahan penelitian skripsi",
    "Bahan pemberitaan",
    "Pengawasan penggunaan anggaran oleh lembaga swadaya",
    "Kepentingan pribadi untuk mengurus bantuan",
    "Bahan kajian kebijakan",
    "Pelaporan kegiatan organisasi",
]


class Text:
    """All text of the dataset from one seeded random generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def choice(self, items):
        return self.rng.choice(items)

    def ringkasan(self, index: int, unit_name: str, tahun: int, *, rare: bool) -> str:
        rng = self.rng
        dok = rng.choice(DOKUMEN)
        parts = [f"{dok} {unit_name}"]
        pattern = rng.random()
        if pattern < 0.3:
            parts.append(f"Triwulan {rng.choice(TRIWULAN)} Tahun {tahun}")
        elif pattern < 0.6:
            parts.append(f"tentang {rng.choice(TOPIK)} Tahun Anggaran {tahun}")
        else:
            parts.append(
                f"mengenai {rng.choice(TOPIK)} di Kecamatan {rng.choice(KECAMATAN)} "
                f"bulan {rng.choice(BULAN)} {tahun}"
            )
        if rare:
            parts.append(f"termasuk Kelurahan {RARE_TERM.capitalize()}")
        parts.append(rng.choice(KETERANGAN))
        if index % 2 == 0:
            parts.append(rng.choice(COMMON_CLAUSES))
        if rng.random() < 0.35:
            parts.append(rng.choice(KETERANGAN))
        return ", ".join(parts) + "."

    def subjek(self) -> str:
        return ", ".join(self.rng.sample(SUBJEK, self.rng.randint(1, 4)))

    def nama(self) -> str:
        return f"{self.rng.choice(NAMA_DEPAN)} {self.rng.choice(NAMA_BELAKANG)}"

    def dokumen_text(self, words: int) -> str:
        rng = self.rng
        sentences = []
        count = 0
        while count < words:
            sentence = (
                f"{rng.choice(DOKUMEN)} {rng.choice(TOPIK)} {rng.choice(KETERANGAN)} "
                f"di Kecamatan {rng.choice(KECAMATAN)}."
            )
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)

    def permintaan(self, unit_name: str, tahun: int) -> str:
        template = self.rng.choice(PERMINTAAN)
        return template.format(
            dok=self.rng.choice(DOKUMEN),
            unit=unit_name,
            tahun=tahun,
            topik=self.rng.choice(TOPIK),
            kec=self.rng.choice(KECAMATAN),
        )
