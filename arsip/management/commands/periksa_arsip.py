from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from arsip.models import PemeriksaanArsip
from arsip.services.pemeriksaan import pemeriksaan_run


class Command(BaseCommand):
    help = (
        "Periksa keutuhan arsip digital: hitung ulang SHA-256 setiap berkas tersimpan, cari "
        "berkas hilang, berubah, kosong dan berkas tanpa catatan. Hasil disimpan sebagai laporan; "
        "keluar dengan kode bukan nol bila ada masalah (untuk peringatan cron)."
    )

    def handle(self, *args, **options):
        report = pemeriksaan_run()
        self.stdout.write(
            f"{report.jumlah_berkas} berkas diperiksa ({filesizeformat(report.jumlah_bita)}), "
            f"{report.jumlah_dimusnahkan} berkas dimusnahkan dilewati."
        )
        if report.hasil == PemeriksaanArsip.Hasil.GAGAL:
            raise CommandError(f"Pemeriksaan gagal dijalankan: {report.pesan}", returncode=2)
        for finding in report.temuan.all():
            self.stderr.write(f"{finding.get_jenis_display()}: {finding.path}")
        if report.jumlah_masalah:
            raise CommandError(
                f"Ditemukan {report.jumlah_masalah} masalah; rincian di laporan pemeriksaan "
                f"#{report.pk}.",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS("Semua berkas utuh."))
