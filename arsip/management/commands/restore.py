from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from arsip.services import cadangan


class Command(BaseCommand):
    help = (
        "Pulihkan sebuah bundel cadangan ke basis data dan folder media instalasi ini. Setiap "
        "SHA-256 diperiksa lebih dulu; tujuan yang tidak kosong ditolak kecuali dengan --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("bundel", help="Berkas bundel ppid-cadangan-*.tar")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Timpa basis data dan folder media yang sudah berisi (seluruh isinya diganti).",
        )

    def handle(self, *args, bundel, force=False, **options):
        try:
            result = cadangan.cadangan_restore(Path(bundel), force=force, log=self.stdout.write)
        except cadangan.CadanganError as exc:
            raise CommandError(f"Pemulihan dibatalkan: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Pemulihan selesai: {result.info.get('PPID-Jumlah-Baris', '?')} baris basis data "
                f"dan {result.info.get('PPID-Jumlah-Berkas-Media', '?')} berkas media."
            )
        )
