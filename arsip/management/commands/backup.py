from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from arsip.services import cadangan


class Command(BaseCommand):
    help = (
        "Tulis satu bundel cadangan (basis data, seluruh berkas media, manifest SHA-256 gaya "
        "BagIt) ke folder TUJUAN, atau periksa sebuah bundel dengan --verify BUNDEL."
    )

    def add_arguments(self, parser):
        parser.add_argument("tujuan", nargs="?", help="Folder tujuan bundel cadangan.")
        parser.add_argument(
            "--verify",
            metavar="BUNDEL",
            help="Periksa setiap SHA-256 sebuah bundel; tidak menulis cadangan baru.",
        )
        parser.add_argument(
            "--keep",
            type=int,
            metavar="N",
            help="Setelah berhasil, simpan hanya N bundel terbaru di folder tujuan.",
        )

    def handle(self, *args, tujuan=None, verify=None, keep=None, **options):
        if verify:
            if tujuan:
                raise CommandError("Gunakan TUJUAN atau --verify BUNDEL, tidak keduanya.")
            return self._verify(Path(verify))
        if not tujuan:
            raise CommandError(
                "Sebutkan folder tujuan, misalnya: manage.py backup /var/backups/ppid"
            )
        if keep is not None and keep < 1:
            raise CommandError("--keep minimal 1.")
        try:
            result = cadangan.cadangan_create(Path(tujuan), keep=keep)
        except cadangan.CadanganError as exc:
            raise CommandError(f"Cadangan gagal: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan selesai: {result.path} ({filesizeformat(result.size)}, "
                f"{result.objects} baris basis data, {result.files} berkas media)."
            )
        )
        self.stdout.write(f"SHA-256 manifest: {result.manifest_digest}")

    def _verify(self, bundle: Path):
        started = timezone.now()
        result = cadangan.bundel_verify(bundle)
        cadangan.verifikasi_record(result, started)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"Bundel {bundle} TIDAK utuh ({len(result.errors)} masalah).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Bundel utuh: {result.files} berkas data diperiksa, "
                f"SHA-256 manifest {result.manifest_digest}."
            )
        )
