"""sitemap.xml entries of the informasi app: public pages only. Excepted information appears
only as the register page (never a decree, a sheet or a document)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ppid_portal.sitemaps import register_sitemap


class RegisterPengecualianSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["informasi:dikecualikan-list"]

    def location(self, item):
        return reverse(item)


register_sitemap("informasi-dikecualikan", RegisterPengecualianSitemap)
