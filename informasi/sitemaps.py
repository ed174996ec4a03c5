"""sitemap.xml sections of the DIP: the public list, the open-data page and every entry of the
published version (excepted entries too: their page shows only the public metadata), and the
public register of excepted information (never a decree, a sheet or a document)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ppid_portal.sitemaps import register_sitemap

from . import selectors
from .models import EntriVersi


class DipPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return ["informasi:dip-list", "informasi:api-docs"]

    def location(self, item):
        return reverse(item)


class DipEntrySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 1000

    def items(self):
        versi = selectors.published_version()
        if versi is None:
            return EntriVersi.objects.none()
        return (
            EntriVersi.objects.filter(versi=versi)
            .only("id", "informasi_id", "tanggal", "nomor_urut")
            .order_by("nomor_urut")
        )

    def lastmod(self, row):
        return row.tanggal


register_sitemap("informasi", DipPagesSitemap)
register_sitemap("informasi-dip", DipEntrySitemap)


class RegisterPengecualianSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["informasi:dikecualikan-list"]

    def location(self, item):
        return reverse(item)


register_sitemap("informasi-dikecualikan", RegisterPengecualianSitemap)
