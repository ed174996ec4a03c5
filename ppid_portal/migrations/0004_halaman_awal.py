from django.db import migrations

from ppid_portal.halaman_awal import PAGES


def create_pages(apps, schema_editor):
    HalamanPortal = apps.get_model("portal", "HalamanPortal")
    for order, (slug, judul, ringkasan, isi) in enumerate(PAGES):
        HalamanPortal.objects.get_or_create(
            slug=slug, defaults={"judul": judul, "ringkasan": ringkasan, "isi": isi, "urutan": order}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_halaman_regulasi_kunjungan")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
