"""The permohonan counters (nomor pendaftaran, keberatan, pemberitahuan tertulis, tanggapan)
move to the portal's one counter table, `ppid_portal.NomorUrut`, as series "permohonan.<jenis>".
Every counter keeps its value, so the next number of each series is the one it would have been.
"""

from django.db import migrations
from django.db.models import Max

PREFIX = "permohonan."


def _raise_to(NomorUrut, seri: str, tahun: int, value: int) -> None:
    counter, _ = NomorUrut.objects.get_or_create(seri=seri, tahun=tahun, defaults={"terakhir": 0})
    if counter.terakhir < value:
        counter.terakhir = value
        counter.save(update_fields=["terakhir"])


def forwards(apps, schema_editor):
    Lama = apps.get_model("permohonan", "NomorUrut")
    NomorUrut = apps.get_model("portal", "NomorUrut")
    for jenis, tahun, terakhir in Lama.objects.values_list("jenis", "tahun", "terakhir"):
        _raise_to(NomorUrut, PREFIX + jenis, tahun, terakhir)
    # The counters were always in step with the rows; a row above its counter (written by
    # hand) must still never be issued twice.
    for model, jenis in (("Permohonan", "permohonan"), ("Keberatan", "keberatan")):
        rows = apps.get_model("permohonan", model).objects.values("tahun").annotate(n=Max("urut"))
        for row in rows.order_by("tahun"):
            _raise_to(NomorUrut, PREFIX + jenis, row["tahun"], row["n"])


def backwards(apps, schema_editor):
    Lama = apps.get_model("permohonan", "NomorUrut")
    NomorUrut = apps.get_model("portal", "NomorUrut")
    rows = NomorUrut.objects.filter(seri__startswith=PREFIX)
    for seri, tahun, terakhir in rows.values_list("seri", "tahun", "terakhir"):
        Lama.objects.update_or_create(
            jenis=seri.removeprefix(PREFIX), tahun=tahun, defaults={"terakhir": terakhir}
        )
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("permohonan", "0004_merge_0003_keputusan_penetapan_0003_laporan_survei"),
        ("portal", "0006_nomor_urut"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
