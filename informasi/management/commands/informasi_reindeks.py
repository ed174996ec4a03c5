from django.core.management.base import BaseCommand

from informasi import search, selectors


class Command(BaseCommand):
    help = (
        "Bangun ulang indeks pencarian teks penuh DIP dari teks yang tersimpan "
        "(misalnya setelah memulihkan cadangan basis data); cache halaman publik DIP dikosongkan."
    )

    def handle(self, *args, **options):
        search.rebuild()
        # After a restore a shared cache (Redis) may still hold pages of the old database.
        selectors.invalidate_public()
        self.stdout.write(self.style.SUCCESS("Indeks pencarian DIP dibangun ulang."))
