"""Builders for request tests: everything goes through the real workflow, as people cause it."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from permohonan import workflow
from permohonan.models import AturanTenggat, Keputusan, Permohonan
from permohonan.tracking import Pemohon
from tests.portal.samples import pdf_bytes, png_bytes

NIK = "3201011508900001"


class AturanTenggatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AturanTenggat

    nama = factory.Sequence(lambda n: f"Aturan uji {n}")
    dasar_hukum = "Perki 1/2019"
    utama = False


def ktp(name: str = "ktp.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def pdf(name: str = "dokumen.pdf", text: str = "Dokumen uji") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def applicant_data(**overrides) -> dict:
    data = {
        "jenis_pemohon": Permohonan.JenisPemohon.PERORANGAN,
        "nama": "Siti Aminah",
        "nama_lembaga": "",
        "nik": NIK,
        "alamat": "Jl. Merdeka No. 10, Kota Contoh",
        "pekerjaan": "Wartawan",
        "telepon": "0812-3456-7890",
        "email": "siti@contoh.id",
        "rincian_informasi": "Daftar pengadaan barang dan jasa tahun 2026.",
        "tujuan_penggunaan": "Bahan liputan.",
        "cara_memperoleh": Permohonan.CaraMemperoleh.SALINAN_SOFTCOPY,
        "cara_salinan": Permohonan.CaraSalinan.EMAIL,
    }
    data.update(overrides)
    return data


def submit_online(actor=None, **overrides) -> tuple[Permohonan, str]:
    return workflow.permohonan_submit(
        actor=actor,
        kanal=Permohonan.Kanal.ONLINE,
        data=applicant_data(**overrides),
        berkas_identitas=ktp(),
        persetujuan=True,
    )


def submit_desk(desk, *, days_ago: int = 0, kanal=Permohonan.Kanal.LANGSUNG, **overrides):
    at = timezone.now() - timedelta(days=days_ago) if days_ago else None
    return workflow.permohonan_submit(
        actor=desk, kanal=kanal, data=applicant_data(**overrides), diterima_pada=at
    )


def verified(users, **kw) -> Permohonan:
    from ppid_portal.roles import Role

    p, _ = submit_desk(users[Role.DESK], **kw)
    return workflow.permohonan_verify(permohonan_id=p.pk, actor=users[Role.DESK])


def assigned(users, **kw):
    """A request in DIPROSES, assigned to the Penyedia's unit; returns (request, disposisi)."""
    from ppid_portal.roles import Role

    p = verified(users, **kw)
    (d,) = workflow.permohonan_assign(
        permohonan_id=p.pk, actor=users[Role.PPID], units=[users[Role.PENYEDIA].unit]
    )
    p.refresh_from_db()
    return p, d


def answered(users, **kw):
    from ppid_portal.roles import Role

    p, d = assigned(users, **kw)
    workflow.disposisi_answer(
        disposisi_id=d.pk, actor=users[Role.PENYEDIA], tersedia=True, files=[pdf()]
    )
    p.refresh_from_db()
    return p, d


def decided(users, hasil=Keputusan.Hasil.DIBERIKAN_SELURUHNYA, at=None, **putusan):
    from ppid_portal.roles import Role

    p, _d = answered(users)
    if hasil == Keputusan.Hasil.DITOLAK_DIKECUALIKAN:
        putusan.setdefault("dasar_pengecualian", "h")
        putusan.setdefault("alasan_pengecualian", "Rahasia pribadi pihak ketiga.")
        # Without a decree in force, a refusal starts a consequence test from the request.
        if putusan.get("penetapan_id") is None:
            putusan.setdefault("mulai_uji", True)
    k = workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[Role.PPID],
        putusan=workflow.Putusan(hasil=hasil, **putusan),
        dokumen_ids=list(p.dokumen.values_list("pk", flat=True))
        if hasil in Keputusan.GIVING
        else [],
        at=at,
    )
    p.refresh_from_db()
    return p, k


def objected(users, at=None, **kw):
    p, k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
    kb = workflow.keberatan_submit(
        permohonan_id=p.pk,
        actor=Pemohon(p.pk),
        alasan=kw.pop("alasan", ["a"]),
        kasus_posisi=kw.pop("kasus_posisi", "Informasi ini menyangkut kepentingan publik."),
        at=at,
        **kw,
    )
    return p, kb
