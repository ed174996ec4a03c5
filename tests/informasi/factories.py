"""Test data for the DIP, made through the real workflow and services."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from informasi import services, workflow
from informasi.models import InformasiPublik, VersiDIP
from tests.portal.samples import docx_bytes, pdf_bytes

_sk = count(1)


class EntryValuesFactory(factory.DictFactory):
    """Valid values of one DIP entry (the form/import payload)."""

    kategori = "berkala"
    ringkasan = factory.Sequence(lambda n: f"Laporan kegiatan unit nomor {n} tahun 2025")
    pejabat_penguasa = "Kepala Sub-bagian Uji"
    penanggung_jawab = "Sekretaris"
    waktu_tempat = "Januari 2025, Kantor Kabupaten Contoh"
    softcopy = True
    hardcopy = True
    cetak = False
    rekam = False
    online = False
    retensi = "5 tahun aktif, 5 tahun inaktif"
    kode_klasifikasi = "000.1"
    tahun = 2025
    subjek = "laporan, kegiatan"
    alasan_pengecualian = ""
    pengecualian_berakhir = None


def excepted_values(**overrides) -> dict:
    values = {
        "kategori": "dikecualikan",
        "alasan_pengecualian": "a",
        "pengecualian_berakhir": timezone.localdate() + timedelta(days=3 * 365),
        "ringkasan": "Berkas penyidikan dugaan pelanggaran etik",
        **overrides,
    }
    return EntryValuesFactory(**values)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def create_entry(penyedia, **overrides) -> InformasiPublik:
    return workflow.entry_create(actor=penyedia, values=EntryValuesFactory(**overrides))


def attach_pdf(actor, entry, text: str = "Dokumen uji PPID", name: str = "dokumen.pdf"):
    return services.document_add_file(
        actor=actor, entry=entry, upload=upload(name, pdf_bytes(text))
    )


def attach_docx(actor, entry, text: str = "Dokumen uji PPID", name: str = "dokumen.docx"):
    return services.document_add_file(
        actor=actor, entry=entry, upload=upload(name, docx_bytes(text))
    )


def klasifikasi_for(entry: InformasiPublik, **overrides) -> workflow.Klasifikasi:
    data = {
        "kategori": entry.kategori,
        "retensi": entry.retensi or "2 tahun",
        "softcopy": entry.softcopy,
        "hardcopy": entry.hardcopy,
        "cetak": entry.cetak,
        "rekam": entry.rekam,
        "online": entry.online,
        "lokasi_softcopy": "Server PPID \\DIP",
        "lokasi_hardcopy": "Ruang Arsip Rak A",
        "kode_klasifikasi": entry.kode_klasifikasi,
        "alasan_pengecualian": entry.alasan_pengecualian,
        "pengecualian_berakhir": entry.pengecualian_berakhir,
        **overrides,
    }
    return workflow.Klasifikasi(**data)


def submitted_entry(penyedia, *, document: str = "", **overrides) -> InformasiPublik:
    entry = create_entry(penyedia, **overrides)
    if document:
        attach_pdf(penyedia, entry, text=document)
    return workflow.entry_submit(actor=penyedia, entry=entry)


def documented_entry(penyedia, desk, *, document: str = "", **overrides) -> InformasiPublik:
    entry = submitted_entry(penyedia, document=document, **overrides)
    return workflow.entry_document(actor=desk, entry=entry, klasifikasi=klasifikasi_for(entry))


def set_version(ppid, *, tanggal: date | None = None) -> VersiDIP:
    return workflow.version_set(
        actor=ppid,
        nomor_sk=f"{next(_sk):03d}/PPID/SK/2026",
        tanggal_sk=tanggal or timezone.localdate(),
        penandatangan="Agus Prasetyo",
        jabatan_penandatangan="PPID",
    )


def publish_version(actors) -> VersiDIP:
    versi = set_version(actors["ppid"])
    workflow.version_order(actor=actors["atasan"], versi=versi)
    return workflow.version_publish(actor=actors["desk"], versi=versi)
