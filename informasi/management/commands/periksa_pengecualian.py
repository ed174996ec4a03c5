"""Daily check of excepted information (seed 004, UU 14/2008 Ps 20).

Each decree in force whose period ends within 30 working days enters the PPID's dashboard queue
with a priority (high within 10 working days, medium within 20, low otherwise; raised as the end
nears, never lowered, so the PPID's own choice stays). Each decree whose last day has passed
ends: the information moves back to the open DIP (the next version includes it) and the audit
trail records it. Safe to run twice a day: a decree is queued once and ends once.

Cron example (every day at 06:00, weekends included so an end on a Saturday is recorded):

    0 6 * * *  cd /srv/ppid && .venv/bin/python manage.py periksa_pengecualian
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from informasi import workflow


class Command(BaseCommand):
    help = (
        "Periksa jangka waktu informasi yang dikecualikan: yang berakhir dalam 30 hari kerja "
        "masuk antrean PPID menurut prioritas; yang sudah berakhir dibuka kembali ke DIP. "
        "Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanggal",
            help="Periksa seolah-olah pada tanggal ini (YYYY-MM-DD), misalnya untuk mengejar "
            "hari yang terlewat.",
        )

    def handle(self, *args, tanggal: str | None = None, **options):
        today = None
        if tanggal:
            try:
                today = date.fromisoformat(tanggal)
            except ValueError:
                raise CommandError("Tanggal tidak sah; gunakan format YYYY-MM-DD.") from None
        hasil = workflow.check_expiry(today=today)
        for p in hasil.dibuka:
            self.stdout.write(f"Dibuka (jangka waktu berakhir {p.berakhir_pada}): {p.nomor}")
        for p in hasil.antrean_baru:
            self.stdout.write(
                f"Masuk antrean PPID (berakhir {p.berakhir_pada}, prioritas "
                f"{p.get_prioritas_display()}): {p.nomor}"
            )
        for p in hasil.prioritas_naik:
            self.stdout.write(f"Prioritas naik menjadi {p.get_prioritas_display()}: {p.nomor}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(hasil.dibuka)} dibuka, {len(hasil.antrean_baru)} masuk antrean, "
                f"{len(hasil.prioritas_naik)} prioritas naik."
            )
        )
