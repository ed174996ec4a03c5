"""Send again the e-mails of the outbox that the mail server refused (or that were never sent
because the process stopped), older than a minute and with fewer than `--maks-percobaan`
attempts. Safe to run twice at once: each message is claimed by one run only. Sent messages
older than PPID_EMAIL_SIMPAN_HARI days (365) are deleted from the outbox at the end of a run.

Exits with status 1 when messages remain unsent (cron then mails its output). Cron example
(every 10 minutes):

    */10 * * * *  cd /srv/ppid && .venv/bin/python manage.py kirim_ulang_email
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ppid_portal import outbox


class Command(BaseCommand):
    help = (
        "Kirim ulang e-mail di kotak keluar yang gagal atau belum terkirim (lebih tua dari satu "
        "menit). Aman dijalankan bersamaan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--semua",
            action="store_true",
            help="Kirim sekarang semua e-mail yang belum terkirim, juga yang baru dibuat dan "
            "yang sudah mencapai batas percobaan.",
        )
        parser.add_argument(
            "--maks-percobaan",
            type=int,
            default=outbox.MAX_ATTEMPTS,
            metavar="N",
            help="Lewati e-mail yang sudah dicoba N kali (bawaan: %(default)s).",
        )

    def handle(self, *args, semua: bool = False, maks_percobaan: int = outbox.MAX_ATTEMPTS, **kw):
        if maks_percobaan < 1:
            raise CommandError("--maks-percobaan paling sedikit 1.")
        result = outbox.retry_due(everything=semua, max_attempts=maks_percobaan)
        skipped = 0 if semua else outbox.given_up(maks_percobaan)
        pruned = outbox.prune()
        self.stdout.write(
            f"Kirim ulang e-mail: {result.sent} terkirim, {result.failed} gagal, "
            f"{skipped} dilewati (sudah {maks_percobaan} kali dicoba); "
            f"{pruned} catatan e-mail terkirim yang lebih lama dari masa simpan dihapus."
        )
        if result.failed or skipped:
            raise CommandError(
                f"{result.failed + skipped} e-mail masih gagal terkirim; periksa server e-mail "
                "dan halaman /staf/email/."
            )
