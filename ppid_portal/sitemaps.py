"""sitemap.xml: public pages only. Apps add their sections in `<app>/sitemaps.py` with
`register_sitemap()`; nothing that needs a login or a secret may be listed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import HalamanPortal

_sitemaps: dict[str, type[Sitemap]] = {}


def register_sitemap(name: str, sitemap: type[Sitemap]) -> None:
    if name in _sitemaps:
        raise ValueError(f"sitemap {name!r} registered twice")
    _sitemaps[name] = sitemap


def all_sitemaps() -> dict[str, type[Sitemap]]:
    return dict(_sitemaps)


class PortalStaticSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["portal:home", "portal:regulasi", "portal:statistik"]

    def location(self, item):
        return reverse(item)


class HalamanSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return HalamanPortal.objects.order_by("urutan", "slug")

    def lastmod(self, obj):
        return obj.diperbarui_pada


register_sitemap("portal", PortalStaticSitemap)
register_sitemap("halaman", HalamanSitemap)
