from django.db import migrations

# The Perki 1/2021 profile every office starts with (UU 14/2008 Ps 22, 36, 37). The PPID edits
# it or adds others (e.g. Perki 1/2019 for election information) on the "Aturan tenggat" page.
AWAL = {
    "nama": "Perki 1/2021 (informasi publik umum)",
    "dasar_hukum": "UU 14/2008 Ps 22, 35–37; Perki 1/2021",
    "hari_pemberitahuan": 10,
    "hari_perpanjangan_maks": 7,
    "hari_keberatan": 30,
    "hari_tanggapan_atasan": 30,
    "hari_sengketa": 14,
    "hari_pemeriksaan_kelengkapan": 3,
    "hari_melengkapi": 3,
    "jam_kelengkapan": "mulai_ulang",
    "hari_pelaksanaan_keberatan": 10,
    "utama": True,
    "aktif": True,
}


def create(apps, schema_editor):
    AturanTenggat = apps.get_model("permohonan", "AturanTenggat")
    if not AturanTenggat.objects.filter(utama=True).exists():
        AturanTenggat.objects.create(**AWAL)


class Migration(migrations.Migration):
    dependencies = [("permohonan", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
