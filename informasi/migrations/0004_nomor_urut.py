"""DIP versions and decrees of excepted information move to the portal's gapless counters
(`ppid_portal.numbering`); until now each took the highest number plus one. Each series
continues from the highest number issued: DIP versions over all years, decrees per year.
"""

from django.db import migrations
from django.db.models import Max

VERSI_DIP = "informasi.versi_dip"
PENETAPAN = "informasi.penetapan"


def _raise_to(NomorUrut, seri: str, tahun: int, value: int) -> None:
    counter, _ = NomorUrut.objects.get_or_create(seri=seri, tahun=tahun, defaults={"terakhir": 0})
    if counter.terakhir < value:
        counter.terakhir = value
        counter.save(update_fields=["terakhir"])


def seed(apps, schema_editor):
    VersiDIP = apps.get_model("informasi", "VersiDIP")
    PenetapanPengecualian = apps.get_model("informasi", "PenetapanPengecualian")
    NomorUrut = apps.get_model("portal", "NomorUrut")
    highest = VersiDIP.objects.aggregate(n=Max("nomor"))["n"]
    if highest:
        _raise_to(NomorUrut, VERSI_DIP, 0, highest)
    per_year = PenetapanPengecualian.objects.values("tahun").annotate(n=Max("urut"))
    for row in per_year.order_by("tahun"):
        _raise_to(NomorUrut, PENETAPAN, row["tahun"], row["n"])


def unseed(apps, schema_editor):
    NomorUrut = apps.get_model("portal", "NomorUrut")
    NomorUrut.objects.filter(seri__in=[VERSI_DIP, PENETAPAN]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("informasi", "0003_pengecualian"),
        ("portal", "0006_nomor_urut"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
