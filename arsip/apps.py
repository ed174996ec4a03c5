from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArsipConfig(AppConfig):
    name = "arsip"
    verbose_name = _("Arsip")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ppid_portal.retention import register_retention_lookup

        from .selectors import teks_retensi_untuk_kode
        from .signals import record_login

        # Logins go to the audit trail so the monthly report can count them per role.
        user_logged_in.connect(record_login, dispatch_uid="arsip_record_login")
        # The DIP's retention column comes from the schedule; informasi asks core, not arsip.
        register_retention_lookup(teks_retensi_untuk_kode)
