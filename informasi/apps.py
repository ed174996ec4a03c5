from django.apps import AppConfig


class InformasiConfig(AppConfig):
    name = "informasi"
    verbose_name = "Daftar Informasi Publik"
