"""sitemap.xml section of requests: the public forms and the procedure pages. Nothing with a
tracking code or an applicant's data is ever listed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ppid_portal.sitemaps import register_sitemap

from .views.prosedur import PROSEDUR


class PermohonanSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return [
            ("permohonan:ajukan", ()),
            ("permohonan:lacak", ()),
            ("permohonan:keberatan", ()),
            *(("permohonan:prosedur", (slug,)) for slug in PROSEDUR),
        ]

    def location(self, item):
        name, args = item
        return reverse(name, args=args)


register_sitemap("permohonan", PermohonanSitemap)
