from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class PortalConfig(AppConfig):
    name = "ppid_portal"
    label = "portal"
    verbose_name = "Portal PPID"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import cache as _page_cache  # noqa: F401 - connects the page cache's invalidation
        from . import calendar  # noqa: F401 - connects the holiday cache's signals
        from .halaman_awal import ensure_default_pages
        from .middleware import record_login_time
        from .roles import sync_role_permissions

        # Each app declares its access rules in `<app>/rules.py` and its staff work queues in
        # `<app>/queues.py`; both register themselves with the one module in ppid_portal.
        autodiscover_modules("rules")
        autodiscover_modules("queues")
        autodiscover_modules("sitemaps")
        # Statistics sections (`<app>/statistik.py`) for the statistics pages and the home page.
        autodiscover_modules("statistik")
        post_migrate.connect(sync_role_permissions, dispatch_uid="ppid_sync_role_permissions")
        user_logged_in.connect(record_login_time, dispatch_uid="ppid_record_login_time")
        post_migrate.connect(
            ensure_default_pages, sender=self, dispatch_uid="ppid_ensure_default_pages"
        )
