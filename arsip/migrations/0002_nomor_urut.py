"""Archive numbers move to the portal's gapless counters (`ppid_portal.numbering`).

Items get their own number (`urut`), equal to their id so every label already printed keeps its
ARS number; the series `arsip.item` continues from the highest. The berita acara series
`arsip.berita_acara` continues, per year of approval, from the highest number issued.
"""

import re

from django.db import migrations, models
from django.db.models import Max
from django.utils import timezone

ITEM = "arsip.item"
BERITA_ACARA = "arsip.berita_acara"
LEADING_NUMBER = re.compile(r"^\s*(\d+)")


def _raise_to(NomorUrut, seri: str, tahun: int, value: int) -> None:
    counter, _ = NomorUrut.objects.get_or_create(seri=seri, tahun=tahun, defaults={"terakhir": 0})
    if counter.terakhir < value:
        counter.terakhir = value
        counter.save(update_fields=["terakhir"])


def seed(apps, schema_editor):
    ItemArsip = apps.get_model("arsip", "ItemArsip")
    UsulPemusnahan = apps.get_model("arsip", "UsulPemusnahan")
    NomorUrut = apps.get_model("portal", "NomorUrut")
    ItemArsip.objects.update(urut=models.F("pk"))
    highest = ItemArsip.objects.aggregate(n=Max("urut"))["n"]
    if highest:
        _raise_to(NomorUrut, ITEM, 0, highest)
    per_year: dict[int, int] = {}
    approved = UsulPemusnahan.objects.exclude(nomor_berita_acara="").exclude(
        diputus_pada__isnull=True
    )
    for nomor, diputus_pada in approved.values_list("nomor_berita_acara", "diputus_pada"):
        match = LEADING_NUMBER.match(nomor)
        if match:
            year = timezone.localtime(diputus_pada).year
            per_year[year] = max(per_year.get(year, 0), int(match.group(1)))
    for year, value in per_year.items():
        _raise_to(NomorUrut, BERITA_ACARA, year, value)


def unseed(apps, schema_editor):
    NomorUrut = apps.get_model("portal", "NomorUrut")
    NomorUrut.objects.filter(seri__in=[ITEM, BERITA_ACARA]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("arsip", "0001_initial"),
        ("portal", "0006_nomor_urut"),
    ]

    operations = [
        migrations.AddField(
            model_name="itemarsip",
            name="urut",
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name="nomor urut"),
        ),
        migrations.RunPython(seed, unseed),
    ]
