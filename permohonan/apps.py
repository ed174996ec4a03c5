from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


def ensure_default_aturan(sender, using="default", **kwargs) -> None:
    """post_migrate: make sure a default deadline profile exists.

    The data migration creates it once; this puts it back when a database is flushed (test
    databases, `manage.py flush`), since every request needs a profile to count its deadlines.
    """
    from django.db.utils import OperationalError, ProgrammingError

    from .deadlines import AturanHari
    from .models import AturanTenggat

    try:
        if AturanTenggat.objects.using(using).exists():
            return
    except (OperationalError, ProgrammingError):
        return  # the table does not exist yet (migrating backwards or partially)
    rules = AturanHari()
    AturanTenggat.objects.using(using).create(
        nama="Perki 1/2021 (informasi publik umum)",
        dasar_hukum="UU 14/2008 Ps 22, 35–37; Perki 1/2021",
        hari_pemberitahuan=rules.pemberitahuan,
        hari_perpanjangan_maks=rules.perpanjangan_maks,
        hari_keberatan=rules.keberatan,
        hari_tanggapan_atasan=rules.tanggapan_atasan,
        hari_sengketa=rules.sengketa,
        hari_pemeriksaan_kelengkapan=rules.pemeriksaan_kelengkapan,
        hari_melengkapi=rules.melengkapi,
        jam_kelengkapan=rules.jam_kelengkapan,
        hari_pelaksanaan_keberatan=rules.pelaksanaan_keberatan,
        utama=True,
        aktif=True,
    )


def _aturan_changed(sender, **kwargs) -> None:
    from ppid_portal import cache

    cache.invalidate("aturan")


class PermohonanConfig(AppConfig):
    name = "permohonan"
    verbose_name = "Permohonan dan Keberatan"

    def ready(self) -> None:
        from . import related

        # informasi's pages show what this app links to their objects (ppid_portal.related).
        related.register()
        post_migrate.connect(
            ensure_default_aturan, sender=self, dispatch_uid="permohonan_default_aturan"
        )
        # Public pages quote the default profile's numbers (kept in the cache until it changes).
        for signal in (post_save, post_delete):
            signal.connect(
                _aturan_changed,
                sender="permohonan.AturanTenggat",
                dispatch_uid=f"permohonan_aturan_{signal is post_save}",
            )
