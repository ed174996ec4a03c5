"""Demo data of the arsip app: a retention schedule, a location tree with boxes and items (linked
to DIP entries when the informasi app provides them), and documented activities with photos.
Safe to run twice. Demo only."""

from __future__ import annotations

import io
from datetime import date

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas

from ppid_portal.models import UnitKerja, User

from .models import ItemArsip, JadwalRetensi, Kegiatan, LampiranKegiatan, Lokasi, PemeriksaanArsip
from .services import fisik
from .services import kegiatan as kegiatan_services
from .services.pemeriksaan import pemeriksaan_run

# kode, jenis arsip, aktif, inaktif, nasib, keterangan
JADWAL = [
    ("HK.01", "Produk hukum: peraturan dan keputusan", 5, 10, "permanen", "Arsip vital."),
    (
        "HM.01",
        "Publikasi dan layanan informasi publik (DIP, laporan layanan)",
        2,
        3,
        "dinilai_kembali",
        "Dinilai kembali untuk arsip bernilai sejarah.",
    ),
    ("HM.02", "Permohonan dan keberatan informasi publik", 2, 3, "musnah", ""),
    ("KU.01", "Pelaksanaan anggaran", 2, 8, "musnah", "Setelah diaudit BPK."),
    ("KU.02", "Laporan pertanggungjawaban keuangan", 2, 8, "musnah", ""),
    ("PR.01", "Rencana strategis dan program kerja", 5, 5, "permanen", ""),
    ("UM.01", "Persuratan dan ketatausahaan umum", 1, 1, "musnah", ""),
]

# (jenis, kode, nama, parent kode path)
LOKASI = [
    ("gedung", "G1", "Kantor Utama", None),
    ("ruang", "R-ARSIP", "Ruang Arsip Lantai 1", "G1"),
    ("rak", "RAK-01", "Rak besi 1", "G1/R-ARSIP"),
    ("rak", "RAK-02", "Rak besi 2", "G1/R-ARSIP"),
    ("boks", "B-001", "Boks keuangan 2014", "G1/R-ARSIP/RAK-01"),
    ("boks", "B-002", "Boks keuangan 2024", "G1/R-ARSIP/RAK-01"),
    ("boks", "B-003", "Boks produk hukum", "G1/R-ARSIP/RAK-02"),
    ("ruang", "R-PPID", "Ruang PPID", "G1"),
    ("lemari", "L-01", "Lemari layanan informasi", "G1/R-PPID"),
    ("map", "M-01", "Map permohonan informasi", "G1/R-PPID/L-01"),
    ("map", "M-02", "Map DIP dan laporan layanan", "G1/R-PPID/L-01"),
]


def _items(today: date) -> list[dict]:
    y = today.year
    return [
        {
            "kode_klasifikasi": "KU.01.02",
            "judul": "Dokumen pelaksanaan anggaran (DIPA) dan revisinya",
            "unit": "keuangan",
            "tanggal_mulai": date(y - 12, 1, 2),
            "tanggal_selesai": date(y - 12, 12, 31),
            "jumlah": 3,
            "satuan": "berkas",
            "lokasi": "G1/R-ARSIP/RAK-01/B-001",
        },
        {
            "kode_klasifikasi": "KU.02",
            "judul": "Surat pertanggungjawaban (SPJ) perjalanan dinas",
            "unit": "keuangan",
            "tanggal_mulai": date(y - 12, 1, 1),
            "tanggal_selesai": date(y - 12, 12, 31),
            "jumlah": 2,
            "satuan": "boks",
            "lokasi": "G1/R-ARSIP/RAK-01/B-001",
        },
        {
            "kode_klasifikasi": "KU.01",
            "judul": "Rencana kegiatan dan anggaran tahun berjalan",
            "unit": "keuangan",
            "tanggal_mulai": date(y - 2, 1, 5),
            "tanggal_selesai": date(y - 2, 12, 20),
            "jumlah": 1,
            "satuan": "berkas",
            "lokasi": "G1/R-ARSIP/RAK-01/B-002",
        },
        {
            "kode_klasifikasi": "HK.01",
            "judul": "Keputusan penetapan Daftar Informasi Publik",
            "unit": "hukum",
            "tanggal_mulai": date(y - 16, 3, 10),
            "tanggal_selesai": None,
            "jumlah": 12,
            "satuan": "lembar",
            "lokasi": "G1/R-ARSIP/RAK-02/B-003",
            "dip": True,
        },
        {
            "kode_klasifikasi": "PR.01",
            "judul": "Rencana strategis lima tahunan",
            "unit": "perencanaan",
            "tanggal_mulai": date(y - 4, 1, 1),
            "tanggal_selesai": date(y - 4, 12, 31),
            "jumlah": 1,
            "satuan": "buku",
            "lokasi": "G1/R-ARSIP/RAK-02/B-003",
            "dip": True,
        },
        {
            "kode_klasifikasi": "HM.02",
            "judul": "Register dan berkas permohonan informasi",
            "unit": "teknis",
            "tanggal_mulai": date(y - 7, 1, 1),
            "tanggal_selesai": date(y - 7, 12, 31),
            "jumlah": 1,
            "satuan": "map",
            "lokasi": "G1/R-PPID/L-01/M-01",
        },
        {
            "kode_klasifikasi": "HM.01",
            "judul": "Laporan layanan informasi publik tahunan",
            "unit": "teknis",
            "tanggal_mulai": date(y - 1, 1, 1),
            "tanggal_selesai": date(y - 1, 12, 31),
            "jumlah": 1,
            "satuan": "berkas",
            "lokasi": "G1/R-PPID/L-01/M-02",
            "dip": True,
            "scan": True,
        },
        {
            "kode_klasifikasi": "UM.01",
            "judul": "Agenda surat masuk dan keluar",
            "unit": "umum",
            "tanggal_mulai": date(y - 1, 1, 2),
            "tanggal_selesai": date(y - 1, 12, 30),
            "jumlah": 2,
            "satuan": "buku",
            "lokasi": "G1/R-ARSIP/RAK-01/B-002",
        },
    ]


def _png(text: str, colour: tuple[int, int, int], fmt: str = "PNG") -> bytes:
    image = Image.new("RGB", (480, 320), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 200, 460, 300], fill=(245, 245, 245))
    for i in range(6):
        draw.ellipse([40 + i * 70, 120, 90 + i * 70, 170], fill=(60 + i * 20, 60, 90))
    draw.text((30, 220), text, fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, format=fmt, quality=85) if fmt == "JPEG" else image.save(out, format=fmt)
    return out.getvalue()


def _pdf(lines: list[str]) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    y = 780
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _dip_entries(limit: int) -> list:
    """The first DIP entries, when the informasi app defines them."""
    try:
        model = apps.get_model("informasi", "InformasiPublik")
    except LookupError:
        return []
    return list(model._default_manager.order_by("pk")[:limit])


def _link(owner, entry, actor, link) -> None:
    label = entry._meta.label_lower
    if owner.tautan.filter(
        content_type__app_label=entry._meta.app_label,
        content_type__model=entry._meta.model_name,
        object_id=str(entry.pk),
    ).exists():
        return
    link(actor=actor, jenis=label, object_id=str(entry.pk), keterangan="")


def seed(stdout) -> None:
    from django.utils import timezone

    ppid = User.objects.get(username="ppid")
    desk = User.objects.get(username="desk")
    today = timezone.localdate()

    for kode, jenis, aktif, inaktif, nasib, keterangan in JADWAL:
        existing = JadwalRetensi.objects.filter(kode_klasifikasi=kode).first()
        if existing is None:
            fisik.jadwal_save(
                actor=ppid,
                kode_klasifikasi=kode,
                jenis_arsip=jenis,
                retensi_aktif=aktif,
                retensi_inaktif=inaktif,
                nasib_akhir=nasib,
                keterangan=keterangan,
            )

    places: dict[str, Lokasi] = {}
    units = {u.kode: u for u in UnitKerja.objects.all()}
    for jenis, kode, nama, parent in LOKASI:
        path = f"{parent}/{kode}" if parent else kode
        induk = places.get(parent) if parent else None
        lokasi = Lokasi.objects.filter(induk=induk, kode=kode).first()
        if lokasi is None:
            lokasi = fisik.lokasi_create(
                actor=desk,
                jenis=jenis,
                kode=kode,
                nama=nama,
                induk=induk,
                unit=units.get("umum") if jenis == "gedung" else None,
            )
        places[path] = lokasi

    entries = _dip_entries(5)
    dip_iter = iter(entries)
    created = 0
    for spec in _items(today):
        spec = dict(spec)
        dip = spec.pop("dip", False)
        scan = spec.pop("scan", False)
        lokasi = places[spec.pop("lokasi")]
        unit = units[spec.pop("unit")]
        item = ItemArsip.objects.filter(judul=spec["judul"]).first()
        if item is None:
            item = fisik.item_create(actor=desk, unit=unit, lokasi=lokasi, **spec)
            created += 1
            if scan:
                fisik.berkas_add(
                    item=item,
                    upload=SimpleUploadedFile(
                        "laporan-layanan-informasi.pdf",
                        _pdf(["Laporan layanan informasi publik", "Pindaian demo"]),
                        content_type="application/pdf",
                    ),
                    actor=desk,
                    keterangan="Pindaian halaman sampul",
                )
        if dip:
            entry = next(dip_iter, None)
            if entry is not None:
                _link(item, entry, desk, lambda item=item, **kw: fisik.item_link(item=item, **kw))
    # One recorded move: the agenda book went from the 2024 box to the 2014 box and back.
    agenda = ItemArsip.objects.filter(judul="Agenda surat masuk dan keluar").first()
    if agenda is not None and not agenda.pemindahan.filter(dari__isnull=False).exists():
        fisik.item_relocate(
            item=agenda,
            ke=places["G1/R-ARSIP/RAK-01/B-001"],
            actor=desk,
            alasan="Ditata ulang per tahun",
        )
        fisik.item_relocate(
            item=agenda,
            ke=places["G1/R-ARSIP/RAK-01/B-002"],
            actor=desk,
            alasan="Kembali ke boks tahun berjalan",
        )

    kegiatan_specs = [
        {
            "judul": "Rapat koordinasi penyusunan Daftar Informasi Publik",
            "jenis": "rapat",
            "tanggal": date(today.year, 1, 15) if today.month > 1 else today,
            "tempat": "Ruang rapat lantai 2",
            "unit": units.get("teknis"),
            "peserta": "PPID (Sekretaris)\nKepala Sub-bagian Umum dan Logistik\n"
            "Kepala Sub-bagian Keuangan\nPetugas Desk Layanan Informasi",
            "ringkasan": "Setiap sub-bagian menyampaikan informasi yang dikuasainya. Desk "
            "mengklasifikasikan usulan menjadi rancangan DIP.",
            "keputusan": "Rancangan DIP diserahkan kepada PPID untuk ditetapkan.",
            "publik": True,
            "lampiran": [
                (
                    "foto",
                    "rapat-koordinasi-dip.jpg",
                    _png("Rapat koordinasi DIP", (40, 90, 140), "JPEG"),
                    "Suasana rapat",
                )
            ],
            "dip": True,
        },
        {
            "judul": "Layanan informasi pada Hari Hak untuk Tahu",
            "jenis": "layanan",
            "tanggal": date(today.year - 1, 9, 28),
            "tempat": "Desk layanan informasi",
            "unit": units.get("teknis"),
            "peserta": "Petugas Desk Layanan Informasi\nPengunjung",
            "ringkasan": "Desk melayani pengunjung yang meminta informasi berkala dan membantu "
            "pengisian formulir permohonan.",
            "keputusan": "",
            "publik": True,
            "lampiran": [
                (
                    "foto",
                    "desk-layanan.png",
                    _png("Desk layanan informasi", (20, 120, 80)),
                    "Pusat layanan informasi",
                )
            ],
        },
        {
            "judul": "Rapat Tim Pertimbangan: uji konsekuensi informasi pengadaan",
            "jenis": "keputusan",
            "tanggal": date(today.year - 1, 11, 3),
            "tempat": "Ruang PPID",
            "unit": units.get("hukum"),
            "peserta": "PPID\nAnggota Tim Pertimbangan",
            "ringkasan": "Tim menilai dokumen penawaran pengadaan terhadap Pasal 17 huruf b.",
            "keputusan": "Bagian harga satuan penawaran dikecualikan; selebihnya terbuka.",
            "publik": False,
            "lampiran": [
                (
                    "notulen",
                    "notulen-uji-konsekuensi.pdf",
                    _pdf(["Notulen rapat Tim Pertimbangan", "Uji konsekuensi (demo)"]),
                    "Notulen rapat",
                )
            ],
        },
    ]
    for spec in kegiatan_specs:
        lampiran = spec.pop("lampiran")
        dip = spec.pop("dip", False)
        kegiatan = Kegiatan.objects.filter(judul=spec["judul"]).first()
        if kegiatan is None:
            kegiatan = kegiatan_services.kegiatan_create(actor=desk, **spec)
        for jenis, name, data, keterangan in lampiran:
            if LampiranKegiatan.objects.filter(
                kegiatan=kegiatan, berkas__original_name=name
            ).exists():
                continue
            kegiatan_services.lampiran_add(
                kegiatan=kegiatan,
                upload=SimpleUploadedFile(name, data),
                actor=desk,
                jenis=jenis,
                keterangan=keterangan,
            )
        if dip and entries:
            _link(
                kegiatan,
                entries[0],
                desk,
                lambda kegiatan=kegiatan, **kw: kegiatan_services.kegiatan_link(
                    kegiatan=kegiatan, **kw
                ),
            )

    if not PemeriksaanArsip.objects.exists():
        pemeriksaan_run()
    stdout.write(
        f"Arsip: {Lokasi.objects.count()} lokasi, {ItemArsip.objects.count()} item "
        f"({created} baru), {JadwalRetensi.objects.count()} baris jadwal retensi, "
        f"{Kegiatan.objects.count()} dokumentasi kegiatan"
        + (f", tertaut ke {len(entries)} entri DIP" if entries else "")
    )
