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


# ----------------------------------------------------------------------------- excepted information


def sheet_values(**overrides) -> dict:
    """A complete consequence-test sheet concluding *dikecualikan* (ground a, five years)."""
    values = {
        "uraian_publik": "Berkas pemeriksaan internal Tahun 2025",
        "cakupan": "seluruhnya",
        "bagian_dikecualikan": "",
        "alasan": "a",
        "dasar_hukum_lain": "",
        "konsekuensi": "Membuka berkas menghambat proses pemeriksaan yang sedang berjalan.",
        "kepentingan_publik": "Publik berkepentingan atas akuntabilitas pemeriksaan.",
        "pertimbangan": "Kerugian lebih besar daripada manfaat membuka saat ini.",
        "kesimpulan": "dikecualikan",
        "permanen": False,
        "berakhir_pada": timezone.localdate() + timedelta(days=5 * 365),
        "catatan_internal": "Dibahas dalam rapat tim.",
        "tempat_uji": "Ruang Rapat PPID",
        **overrides,
    }
    return values


def proposed_uji(proposer, *, entry=None, permohonan=None, usulan="Perlu diuji.", alasan=""):
    if permohonan is not None:
        # The information a request asks for is tested from the requests app, which links the
        # sheet to the request (informasi does not know requests).
        from permohonan import workflow as permohonan_workflow

        return permohonan_workflow.permohonan_start_test(
            permohonan_id=permohonan.pk, actor=proposer, usulan=usulan, alasan=alasan
        )
    return workflow.uji_propose(
        actor=proposer,
        informasi=entry,
        judul_informasi="",
        usulan=usulan,
        alasan=alasan,
    )


def ready_uji(*, tim, ppid, unit_user=None, entry=None, permohonan=None, **values):
    """A draft sheet with every step written and the participants named (Tim as proposer,
    the PPID, and the unit's Penyedia when the information has a unit)."""
    uji = proposed_uji(tim, entry=entry, permohonan=permohonan)
    workflow.peserta_add(actor=ppid, uji=uji, pengguna=ppid, peran="ppid")
    if uji.unit_id and unit_user is not None:
        workflow.peserta_add(actor=ppid, uji=uji, pengguna=unit_user, peran="unit")
    return workflow.uji_update(actor=ppid, uji=uji, values=sheet_values(**values))


def completed_uji(*, tim, ppid, unit_user=None, entry=None, permohonan=None, **values):
    uji = ready_uji(
        tim=tim, ppid=ppid, unit_user=unit_user, entry=entry, permohonan=permohonan, **values
    )
    uji = workflow.uji_circulate(actor=ppid, uji=uji)
    for peserta in list(uji.peserta.select_related("pengguna")):
        uji = workflow.uji_sign(actor=peserta.pengguna, uji=uji)
    return uji


def issued_penetapan(*, ppid, uji, berkas_sensor=None, tanggal=None):
    return workflow.penetapan_issue(
        actor=ppid,
        uji=uji,
        tanggal=tanggal or timezone.localdate(),
        berkas_sensor=berkas_sensor,
    )


def penetapan_berlaku(
    *, tim, ppid, atasan, unit_user=None, entry=None, permohonan=None, berkas_sensor=None, **values
):
    """A decree in force, made through the whole workflow: propose, sheet, sign-offs, issue,
    Atasan's approval."""
    uji = completed_uji(
        tim=tim, ppid=ppid, unit_user=unit_user, entry=entry, permohonan=permohonan, **values
    )
    penetapan = issued_penetapan(ppid=ppid, uji=uji, berkas_sensor=berkas_sensor)
    return workflow.penetapan_approve(actor=atasan, penetapan=penetapan)


def actors_penetapan(actors, *, entry=None, **values):
    """`penetapan_berlaku` with the people of the `actors` fixture (unit A's entry)."""
    if entry is None:
        entry = documented_entry(actors["penyedia"], actors["desk"])
    return penetapan_berlaku(
        tim=actors["tim"],
        ppid=actors["ppid"],
        atasan=actors["atasan"],
        unit_user=actors["penyedia"],
        entry=entry,
        **values,
    )
