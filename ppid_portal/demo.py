"""Demo data of the foundation: units and one account per role. Demo only."""

from __future__ import annotations

from django.contrib.auth.models import Group

from .models import UnitKerja, User
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
    return users
