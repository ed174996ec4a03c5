"""Test data for the arsip app, made through the real services where a service exists."""

from __future__ import annotations

import io
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from arsip.models import JadwalRetensi, Lokasi
from arsip.services import fisik
from arsip.services import kegiatan as kegiatan_services
from tests.portal.samples import pdf_bytes, png_bytes


class JadwalRetensiFactory(factory.django.DjangoModelFactory):
    """A schedule row. Rows made this way bypass `jadwal_save`, which is fine before any item
    exists; tests of recomputation call the service."""

    class Meta:
        model = JadwalRetensi
        django_get_or_create = ("kode_klasifikasi",)

    kode_klasifikasi = factory.Sequence(lambda n: f"UJ.{n:02d}")
    jenis_arsip = factory.Sequence(lambda n: f"Jenis arsip uji {n}")
    retensi_aktif = 2
    retensi_inaktif = 3
    nasib_akhir = JadwalRetensi.NasibAkhir.MUSNAH


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def jpg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 80, 20)).save(out, format="JPEG")
    return out.getvalue()


def make_tree(actor, *, prefix: str = "") -> dict[str, Lokasi]:
    """Gedung G1 › Ruang R1 › Rak RAK1 (boks B1, B2) and Lemari L1 (map M1)."""
    g = fisik.lokasi_create(actor=actor, jenis="gedung", kode=f"{prefix}G1", nama="Kantor Utama")
    r = fisik.lokasi_create(actor=actor, jenis="ruang", kode="R1", nama="Ruang Arsip", induk=g)
    rak = fisik.lokasi_create(actor=actor, jenis="rak", kode="RAK1", nama="Rak 1", induk=r)
    lemari = fisik.lokasi_create(actor=actor, jenis="lemari", kode="L1", nama="Lemari 1", induk=r)
    b1 = fisik.lokasi_create(actor=actor, jenis="boks", kode="B1", nama="Boks 1", induk=rak)
    b2 = fisik.lokasi_create(actor=actor, jenis="boks", kode="B2", nama="Boks 2", induk=rak)
    m1 = fisik.lokasi_create(actor=actor, jenis="map", kode="M1", nama="Map 1", induk=lemari)
    return {"gedung": g, "ruang": r, "rak": rak, "lemari": lemari, "b1": b1, "b2": b2, "m1": m1}


def make_item(
    actor,
    *,
    unit,
    lokasi,
    kode: str = "KU.01",
    mulai: date | None = None,
    selesai: date | None = None,
    judul: str = "Dokumen anggaran",
    **extra,
):
    return fisik.item_create(
        actor=actor,
        kode_klasifikasi=kode,
        judul=judul,
        unit=unit,
        tanggal_mulai=mulai or date(2020, 1, 1),
        tanggal_selesai=selesai,
        lokasi=lokasi,
        **extra,
    )


def add_scan(actor, item, name: str = "pindaian.pdf", content: bytes | None = None):
    return fisik.berkas_add(
        item=item, upload=upload(name, content or pdf_bytes("Pindaian arsip")), actor=actor
    )


def make_kegiatan(actor, *, publik: bool = False, judul: str = "Rapat koordinasi DIP", **extra):
    data = {
        "judul": judul,
        "jenis": "rapat",
        "tanggal": date(2026, 1, 15),
        "tempat": "Ruang rapat",
        "peserta": "PPID\nDesk",
        "ringkasan": "Menyusun rancangan DIP.",
        "keputusan": "Rancangan diserahkan ke PPID.",
        "publik": publik,
    }
    data.update(extra)
    return kegiatan_services.kegiatan_create(actor=actor, **data)


def add_photo(actor, kegiatan, *, publik: bool = True, name: str = "foto.png"):
    return kegiatan_services.lampiran_add(
        kegiatan=kegiatan,
        upload=upload(name, png_bytes()),
        actor=actor,
        jenis="foto",
        keterangan="Suasana",
        publik=publik,
    )
