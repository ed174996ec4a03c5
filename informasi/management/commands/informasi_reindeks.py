from django.core.management.base import BaseCommand

from informasi import search


class Command(BaseCommand):
    help = (
        "Bangun ulang indeks pencarian teks penuh DIP dari teks yang tersimpan "
        "(misalnya setelah memulihkan cadangan basis data)."
    )

    def handle(self, *args, **options):
        search.rebuild()
        self.stdout.write(self.style.SUCCESS("Indeks pencarian DIP dibangun ulang."))
