"""Demo requests in every state, some overdue, with objections and a dispute. Demo only.

Everything goes through the workflow, as the desk, the PPID, the units and the Atasan would do
it, with dates set back up to 30 days. Idempotent: each scenario is recognised by its
applicant's e-mail address and created once. No e-mail is sent while seeding.
"""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.pdfgen import canvas

from ppid_portal import mail
from ppid_portal.models import UnitKerja, User

from . import workflow
from .models import (
    Disposisi,
    Keputusan,
    LaporanTahunan,
    Permohonan,
    Sengketa,
    SurveiKepuasan,
)


def _pdf(text: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return SimpleUploadedFile(f"{text[:40].replace(' ', '-').lower()}.pdf", out.getvalue())


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


APPLICANTS = [
    # key, name, job, days ago received, channel
    ("baru", "Rudi Hartono", "Wartawan", 0, Permohonan.Kanal.ONLINE),
    ("dilengkapi", "Siti Rahmawati", "Mahasiswa", 6, Permohonan.Kanal.LANGSUNG),
    ("gugur", "Andi Saputra", "Wiraswasta", 20, Permohonan.Kanal.TELEPON),
    ("terlambat", "Yuni Astuti", "Peneliti", 21, Permohonan.Kanal.SURAT),
    ("diproses", "Bambang Susilo", "Pegawai swasta", 16, Permohonan.Kanal.LANGSUNG),
    ("siap", "Lina Marlina", "Guru", 7, Permohonan.Kanal.EMAIL),
    ("diperpanjang", "Joko Widodo Santoso", "Petani", 12, Permohonan.Kanal.LANGSUNG),
    ("seluruhnya", "Maria Ulfa", "Dosen", 18, Permohonan.Kanal.ONLINE),
    ("sebagian", "Fajar Nugroho", "Aktivis LSM", 17, Permohonan.Kanal.LANGSUNG),
    ("ditolak", "Hadi Prasetyo", "Advokat", 25, Permohonan.Kanal.SURAT),
    ("tidak_dikuasai", "Rina Kusuma", "Ibu rumah tangga", 16, Permohonan.Kanal.TELEPON),
    ("belum", "Eko Purnomo", "Konsultan", 15, Permohonan.Kanal.LANGSUNG),
    ("ditarik", "Dewi Sartika", "Pelajar", 8, Permohonan.Kanal.LANGSUNG),
    ("menguatkan", "Agus Salim", "Jurnalis", 29, Permohonan.Kanal.SURAT),
    ("mengabulkan", "Putri Ayu", "Peneliti", 28, Permohonan.Kanal.LANGSUNG),
]

RINCIAN = {
    "baru": "Daftar pengadaan barang dan jasa tahun anggaran berjalan.",
    "dilengkapi": "Salinan laporan keuangan tahun lalu.",
    "gugur": "Rekapitulasi jumlah pegawai per unit.",
    "terlambat": "Notulen rapat pleno bulan lalu.",
    "diproses": "Rencana kerja dan anggaran Sub-bagian Umum.",
    "siap": "Daftar inventaris kendaraan dinas.",
    "diperpanjang": "Data realisasi anggaran per triwulan lima tahun terakhir.",
    "seluruhnya": "Laporan layanan informasi publik tahun lalu.",
    "sebagian": "Kontrak sewa gedung kantor beserta lampirannya.",
    "ditolak": "Berkas pemeriksaan disiplin pegawai atas nama tertentu.",
    "tidak_dikuasai": "Data kependudukan per desa.",
    "belum": "Dokumentasi kegiatan sosialisasi bulan ini.",
    "ditarik": "Jadwal kegiatan pimpinan minggu ini.",
    "menguatkan": "Memorandum internal tentang rencana mutasi pejabat.",
    "mengabulkan": "Hasil evaluasi kinerja penyedia jasa kebersihan.",
}


def _email(key: str) -> str:
    return f"demo.{key.replace('_', '-')}@contoh.id"


def seed(stdout) -> None:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["desk", "ppid", "penyedia", "penyedia2", "atasan", "warga"]
        )
    }
    if len(users) < 6:
        stdout.write("Permohonan demo dilewati: akun demo belum ada.")
        return
    desk, ppid, atasan = users["desk"], users["ppid"], users["atasan"]
    umum = UnitKerja.objects.get(kode="umum")
    keuangan = UnitKerja.objects.get(kode="keuangan")
    created = 0
    with mail.muted():
        # Oldest first, so the numbers follow the dates of receipt.
        for key, nama, pekerjaan, days, kanal in sorted(APPLICANTS, key=lambda a: -a[3]):
            if Permohonan.objects.filter(email=_email(key)).exists():
                continue
            data = {
                "jenis_pemohon": Permohonan.JenisPemohon.PERORANGAN,
                "nama": nama,
                "nik": "3201" + f"{(len(nama) * 7919) % 100:02d}" + "150890" + f"{days + 1:04d}",
                "alamat": f"Jl. Melati No. {days + 3}, Kota Contoh",
                "pekerjaan": pekerjaan,
                "telepon": f"0812-3456-{7000 + days:04d}",
                "email": _email(key),
                "rincian_informasi": RINCIAN[key],
                "tujuan_penggunaan": "Bahan kajian dan pemberitaan kepada masyarakat.",
                "cara_memperoleh": Permohonan.CaraMemperoleh.SALINAN_SOFTCOPY,
                "cara_salinan": Permohonan.CaraSalinan.EMAIL,
            }
            if kanal == Permohonan.Kanal.ONLINE:
                owner = users["warga"] if key == "seluruhnya" else None
                p, _code = workflow.permohonan_submit(
                    actor=owner,
                    kanal=kanal,
                    data=data,
                    berkas_identitas=_pdf(f"KTP {nama}"),
                    persetujuan=True,
                )
                if days:
                    # An online request is stamped when it arrives; the demo backdates it.
                    _backdate(p, days)
            else:
                p, _code = workflow.permohonan_submit(
                    actor=desk, kanal=kanal, data=data, diterima_pada=_ago(days)
                )
            _play(key, p, desk=desk, ppid=ppid, atasan=atasan, units=(umum, keuangan), users=users)
            created += 1
        stdout.write(f"Permohonan demo: {created} dibuat ({len(APPLICANTS)} skenario).")
        _seed_survei(stdout)
        _seed_laporan(ppid, stdout)


# key of the scenario, scores (prosedur, waktu, hasil, petugas, sarana), comment for staff
SURVEI = [
    ("seluruhnya", (4, 4, 4, 4, 3), "Cepat dan jelas. Terima kasih, petugas desk sangat membantu."),
    (
        "sebagian",
        (3, 3, 2, 4, 3),
        "Bagian yang dihitamkan cukup banyak; alasannya mohon lebih rinci.",
    ),
    ("tidak_dikuasai", (3, 2, 2, 3, 3), ""),
    ("belum", (2, 3, 2, 3, 2), "Formulir daring sulit dibuka dari ponsel."),
]


def _seed_survei(stdout) -> None:
    """A few answers to the satisfaction survey, given through the tracking link."""
    from .services import survei_submit
    from .tracking import Pemohon

    made = 0
    for key, scores, komentar in SURVEI:
        p = Permohonan.objects.filter(email=_email(key), status=Permohonan.Status.SELESAI).first()
        if p is None or SurveiKepuasan.objects.filter(permohonan=p).exists():
            continue
        survei_submit(
            actor=Pemohon(p.pk),
            permohonan_id=p.pk,
            nilai=dict(zip(SurveiKepuasan.FIELDS, scores, strict=True)),
            komentar=komentar,
        )
        made += 1
    stdout.write(f"Survei kepuasan demo: {made} jawaban.")


NARASI_DEMO = {
    "kebijakan": (
        "Layanan informasi publik dijalankan berdasarkan UU 14/2008, PP 61/2010, dan Perki "
        "1/2021, dengan SK penetapan PPID dan SOP pelayanan permohonan informasi, pemutakhiran "
        "DIP, dan uji konsekuensi."
    ),
    "sarana_prasarana": (
        "Ruang Desk Pelayanan Informasi di lantai dasar, portal PPID dengan formulir daring, "
        "satu komputer layanan, pemindai, dan papan informasi."
    ),
    "sumber_daya_manusia": (
        "Satu PPID, dua petugas Desk Pelayanan Informasi, dan satu Penyedia Informasi di setiap "
        "sub-bagian."
    ),
    "anggaran": "Anggaran layanan informasi tahun ini dan realisasinya (diisi PPID).",
    "kendala": (
        "Internal: dokumen sebagian unit belum terdigitalisasi. Eksternal: sebagian pemohon "
        "belum mengetahui layanan daring."
    ),
    "rekomendasi": (
        "Digitalisasi arsip unit, sosialisasi layanan daring, dan pelatihan Penyedia Informasi."
    ),
}


def _seed_laporan(ppid: User, stdout) -> None:
    """A draft annual report of last year, narrative filled, for the PPID to review."""
    from .services import laporan_update

    tahun = timezone.localdate().year - 1
    if LaporanTahunan.objects.filter(tahun=tahun).exists():
        return
    laporan = workflow.laporan_create(actor=ppid, tahun=tahun)
    laporan_update(actor=ppid, laporan_id=laporan.pk, values=NARASI_DEMO)
    stdout.write(f"Draf laporan layanan informasi publik tahun {tahun} dibuat.")


def _demo_penetapan(alasan: str):
    """A decree of the informasi demo in force on the demo decisions' dates, if there is one."""
    from informasi.models import PenetapanPengecualian

    return (
        PenetapanPengecualian.objects.filter(
            status=PenetapanPengecualian.Status.BERLAKU,
            alasan=alasan,
            tanggal__lte=timezone.localdate() - timedelta(days=30),
        )
        .order_by("tanggal")
        .first()
    )


def _backdate(p: Permohonan, days: int) -> None:
    from ppid_portal.calendar import holidays_around

    from . import deadlines

    received = _ago(days)
    day = timezone.localdate(received)
    rules = p.rules
    holidays = holidays_around(day)
    clock = deadlines.notice_clock(day, rules)
    Permohonan.objects.filter(pk=p.pk).update(
        diterima_pada=received,
        tanggal_diterima=day,
        jam_mulai=clock.mulai,
        tenggat_pemberitahuan=deadlines.notice_due(clock, holidays),
        pemeriksaan_mulai=day,
        tenggat_pemeriksaan=deadlines.check_due(day, rules, holidays),
    )
    p.refresh_from_db()


def _decide(p, ppid, hasil, days, **fields):
    return workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=ppid,
        putusan=workflow.Putusan(hasil=hasil, **fields),
        dokumen_ids=list(p.dokumen.values_list("pk", flat=True))
        if hasil in Keputusan.GIVING
        else [],
        at=_ago(days),
    )


def _assign_and_answer(p, ppid, users, unit, *, answer: bool = True, tersedia: bool = True):
    workflow.permohonan_verify(permohonan_id=p.pk, actor=users["desk"])
    (d,) = workflow.permohonan_assign(
        permohonan_id=p.pk, actor=ppid, units=[unit], catatan="Mohon disiapkan."
    )
    if answer:
        penyedia = users["penyedia"] if unit.kode == "umum" else users["penyedia2"]
        workflow.disposisi_answer(
            disposisi_id=d.pk,
            actor=penyedia,
            tersedia=tersedia,
            files=[_pdf(f"Dokumen {p.rincian_informasi}")] if tersedia else [],
            jawaban="" if tersedia else "Data ini dikelola instansi lain.",
            badan_penguasa="" if tersedia else "Dinas Kependudukan dan Pencatatan Sipil",
        )
    return d


def _play(key, p, *, desk, ppid, atasan, units, users):  # noqa: C901 - one branch per scenario
    umum, keuangan = units
    if key == "baru":
        return
    if key == "dilengkapi":
        workflow.permohonan_request_completion(
            permohonan_id=p.pk,
            actor=desk,
            kekurangan="Mohon lampirkan pindaian KTP dan perjelas tahun laporan.",
        )
    elif key == "gugur":
        workflow.permohonan_request_completion(
            permohonan_id=p.pk,
            actor=desk,
            kekurangan="Rincian informasi belum jelas.",
            at=_ago(19),
        )
        workflow.permohonan_lapse(permohonan_id=p.pk, actor=desk)
    elif key == "terlambat":
        workflow.permohonan_verify(permohonan_id=p.pk, actor=desk)
    elif key == "diproses":
        _assign_and_answer(p, ppid, users, umum, answer=False)
    elif key == "siap":
        _assign_and_answer(p, ppid, users, keuangan)
    elif key == "diperpanjang":
        _assign_and_answer(p, ppid, users, keuangan, answer=False)
        workflow.permohonan_extend(
            permohonan_id=p.pk,
            actor=ppid,
            hari=5,
            alasan="Data lima tahun perlu dihimpun dari arsip inaktif.",
            at=_ago(2),
        )
    elif key == "seluruhnya":
        _assign_and_answer(p, ppid, users, umum)
        k = _decide(
            p,
            ppid,
            Keputusan.Hasil.DIBERIKAN_SELURUHNYA,
            10,
            waktu_penyampaian="Segera, melalui tautan pelacakan",
        )
        workflow.keputusan_record_delivery(
            keputusan_id=k.pk, actor=desk, tanggal=k.tanggal, cara="E-mail dan tautan pelacakan"
        )
    elif key == "sebagian":
        _assign_and_answer(p, ppid, users, umum)
        _decide(
            p,
            ppid,
            Keputusan.Hasil.DIBERIKAN_SEBAGIAN,
            8,
            bagian_dihitamkan="Nomor rekening dan tanda tangan pihak ketiga.",
            alasan_penghitaman="Data pribadi pihak ketiga.",
            dasar_pengecualian="h",
            alasan_pengecualian="Membuka nomor rekening merugikan pihak ketiga.",
            biaya=Decimal(15000),
            rincian_biaya="Fotokopi 30 lembar x Rp 500",
            cara_pembayaran="Tunai di desk layanan",
            bentuk=Keputusan.Bentuk.KEDUANYA,
        )
    elif key in ("ditolak", "menguatkan", "mengabulkan"):
        _assign_and_answer(p, ppid, users, umum)
        # A refusal cites a decree in force (the demo memorandum decree, ground i), or starts a
        # new consequence test from the request.
        penetapan = _demo_penetapan("i") if key == "menguatkan" else None
        _decide(
            p,
            ppid,
            Keputusan.Hasil.DITOLAK_DIKECUALIKAN,
            20 if key != "ditolak" else 12,
            dasar_pengecualian="i" if key == "menguatkan" else "h",
            alasan_pengecualian="Informasi memuat data pribadi dan pertimbangan internal yang "
            "bila dibuka dapat merugikan pihak yang bersangkutan.",
            penetapan_id=penetapan.pk if penetapan else None,
            mulai_uji=penetapan is None,
        )
        applicant = workflow.Pemohon(p.pk)
        kb = workflow.keberatan_submit(
            permohonan_id=p.pk,
            actor=applicant,
            alasan=["a"],
            kasus_posisi="Permohonan ditolak padahal informasi menyangkut kepentingan publik.",
            at=_ago(15 if key != "ditolak" else 5),
        )
        if key == "menguatkan":
            workflow.keberatan_decide(
                keberatan_id=kb.pk,
                actor=atasan,
                putusan="menguatkan",
                pertimbangan="Uji konsekuensi menunjukkan pembukaan informasi merugikan.",
                at=_ago(6),
            )
            workflow.sengketa_record(
                permohonan_id=p.pk,
                actor=ppid,
                keberatan_id=kb.pk,
                values={
                    "nomor_register": "012/REG-PSI/KI-PROV/2026",
                    "tanggal_diajukan": timezone.localdate() - timedelta(days=2),
                    "tahap": Sengketa.Tahap.MEDIASI,
                    "hasil": "",
                    "tanggal_hasil": None,
                    "catatan": "Sidang mediasi pertama dijadwalkan.",
                },
            )
        elif key == "mengabulkan":
            workflow.keberatan_decide(
                keberatan_id=kb.pk,
                actor=atasan,
                putusan="mengabulkan",
                pertimbangan="Kepentingan publik lebih besar; informasi diberikan.",
                at=_ago(3),
            )
            d = p.disposisi.filter(status__in=[Disposisi.Status.TERSEDIA]).first()
            if d:
                workflow.disposisi_reopen(
                    disposisi_id=d.pk, actor=ppid, catatan="Siapkan versi lengkap dokumen."
                )
    elif key == "tidak_dikuasai":
        _assign_and_answer(p, ppid, users, keuangan, tersedia=False)
        _decide(
            p,
            ppid,
            Keputusan.Hasil.TIDAK_DIKUASAI,
            9,
            badan_penguasa="Dinas Kependudukan dan Pencatatan Sipil",
        )
    elif key == "belum":
        _assign_and_answer(p, ppid, users, umum, tersedia=False)
        _decide(
            p,
            ppid,
            Keputusan.Hasil.BELUM_DIDOKUMENTASIKAN,
            5,
            tanggal_didokumentasikan=timezone.localdate() + timedelta(days=30),
        )
    elif key == "ditarik":
        workflow.permohonan_withdraw(
            permohonan_id=p.pk, actor=desk, alasan="Informasi sudah diperoleh dari situs."
        )
