from django.apps import AppConfig


class PermohonanConfig(AppConfig):
    name = "permohonan"
    verbose_name = "Permohonan dan Keberatan"
