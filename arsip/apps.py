from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArsipConfig(AppConfig):
    name = "arsip"
    verbose_name = _("Arsip")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .signals import record_login

        # Logins go to the audit trail so the monthly report can count them per role.
        user_logged_in.connect(record_login, dispatch_uid="arsip_record_login")
