from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ppid_portal import demo, mail


class Command(BaseCommand):
    help = (
        "Isi data demo (unit, satu akun per peran, lalu data demo tiap aplikasi). "
        "Aman dijalankan ulang."
    )

    def handle(self, *args, **options):
        # Demo requests and entries carry made-up addresses: nobody is written to.
        with transaction.atomic(), mail.muted():
            demo.seed(self.stdout)
            # Each app adds its own demo objects in `<app>/demo.py: seed(stdout)`.
            for config in apps.get_app_configs():
                if config.name == "ppid_portal":
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Data demo siap. Akun demo (kata sandi sama untuk semua):")
        )
        for username, _first, _last, role, _unit, _jabatan in demo.USERS:
            self.stdout.write(f"  {username:<10} {role.value:<26} {demo.DEMO_PASSWORD}")
        self.stdout.write(f"  {demo.CITIZEN[0]:<10} {'Pemohon (warga)':<26} {demo.DEMO_PASSWORD}")
