from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ppid_portal.calendar import fill_year


class Command(BaseCommand):
    help = (
        "Salin libur nasional dan cuti bersama Indonesia dari paket holidays ke kalender kantor "
        "(sekali per tahun; hari yang sudah diubah PPID tidak ditimpa)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "tahun", nargs="*", type=int, help="Tahun (bawaan: tahun ini dan depan)."
        )

    def handle(self, *args, tahun, **options):
        years = tahun or [timezone.localdate().year, timezone.localdate().year + 1]
        for year in years:
            if not 2000 <= year <= 2100:
                raise CommandError(f"Tahun {year} di luar rentang 2000–2100.")
            added = fill_year(year)
            self.stdout.write(f"{year}: {added} hari libur ditambahkan.")
