"""Demo data of the foundation: units and one account per role. Demo only."""

from __future__ import annotations

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from .files import store_upload
from .models import DokumenRegulasi, StoredFile, UnitKerja, User
from .roles import Role

DEMO_PASSWORD = "demo-ppid-2026"

UNITS = [
    ("umum", "Sub-bagian Umum dan Logistik", "Kepala Sub-bagian Umum dan Logistik"),
    ("keuangan", "Sub-bagian Keuangan", "Kepala Sub-bagian Keuangan"),
    ("hukum", "Sub-bagian Hukum dan SDM", "Kepala Sub-bagian Hukum dan SDM"),
    ("teknis", "Sub-bagian Teknis dan Hubungan Masyarakat", "Kepala Sub-bagian Teknis dan Hubmas"),
    ("perencanaan", "Sub-bagian Perencanaan, Data dan Informasi", "Kepala Sub-bagian Perencanaan"),
]

# username, first name, last name, role, unit code, jabatan
USERS = [
    ("penyedia", "Sari", "Wulandari", Role.PENYEDIA, "umum", "Staf Sub-bagian Umum"),
    ("penyedia2", "Budi", "Santoso", Role.PENYEDIA, "keuangan", "Staf Sub-bagian Keuangan"),
    ("desk", "Rina", "Lestari", Role.DESK, None, "Petugas Desk Layanan Informasi"),
    ("ppid", "Agus", "Prasetyo", Role.PPID, None, "PPID (Sekretaris)"),
    ("atasan", "Dewi", "Kartika", Role.ATASAN, None, "Atasan PPID (Ketua)"),
    ("tim", "Hendra", "Gunawan", Role.TIM_PERTIMBANGAN, "hukum", "Anggota Tim Pertimbangan"),
    ("pembina", "Made", "Suarta", Role.PEMBINA, None, "Pembina PPID"),
]
CITIZEN = ("warga", "Nur", "Aini")


def seed(stdout) -> dict[str, User]:
    units = {}
    for kode, nama, kepala in UNITS:
        unit, _ = UnitKerja.objects.update_or_create(
            kode=kode, defaults={"nama": nama, "kepala": kepala}
        )
        units[kode] = unit
    users: dict[str, User] = {}
    for username, first, last, role, unit_code, jabatan in USERS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@contoh.go.id",
                "unit": units.get(unit_code) if unit_code else None,
                "jabatan": jabatan,
                # The PPID manages units and the holiday calendar in the admin site.
                "is_staff": role == Role.PPID,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.set([Group.objects.get(name=role.value)])
        users[username] = user
    username, first, last = CITIZEN
    citizen, _ = User.objects.update_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": "warga@contoh.id"},
    )
    citizen.set_password(DEMO_PASSWORD)
    citizen.save(update_fields=["password"])
    users[username] = citizen
    stdout.write(f"Unit kerja: {len(units)}; akun demo: {len(users)}")
    seed_regulasi(stdout)
    return users


REGULASI = [
    ("uu", "14 Tahun 2008", "Keterbukaan Informasi Publik", 2008),
    ("pp", "61 Tahun 2010", "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008", 2010),
    ("perki", "1 Tahun 2021", "Standar Layanan Informasi Publik", 2021),
    ("perki", "1 Tahun 2019", "Standar Layanan Informasi Pemilu", 2019),
    ("sop", "SOP-PPID-01", "Penyusunan dan Pemutakhiran Daftar Informasi Publik", 2024),
    ("sop", "SOP-PPID-02", "Uji Konsekuensi Informasi yang Dikecualikan", 2024),
    ("sop", "SOP-PPID-03", "Pelayanan Permohonan Informasi Publik", 2024),
]


def _demo_pdf(title: str) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 770, title[:80])
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 750, "Salinan demo untuk portal PPID. Bukan dokumen resmi.")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def seed_regulasi(stdout) -> None:
    for order, (jenis, nomor, judul, tahun) in enumerate(REGULASI):
        if DokumenRegulasi.objects.filter(jenis=jenis, nomor=nomor).exists():
            continue
        upload = SimpleUploadedFile(
            f"{jenis}-{nomor}.pdf".replace(" ", "-").lower(),
            _demo_pdf(f"{nomor}: {judul}"),
            content_type="application/pdf",
        )
        DokumenRegulasi.objects.create(
            jenis=jenis,
            nomor=nomor,
            judul=judul,
            tahun=tahun,
            urutan=order,
            berkas=store_upload(upload, purpose=StoredFile.Purpose.LAINNYA),
        )
    stdout.write(f"Regulasi dan SOP: {DokumenRegulasi.objects.count()}")
