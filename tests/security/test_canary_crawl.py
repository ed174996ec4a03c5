"""Canary crawl (issue 7): unique random strings are written into every private thing of the
world (tests/security/world.py) — the excepted document (PDF text), a draft's document, the
applicant's request (rincian, alamat, NIK), the identity scan (text in a PDF scan), the unit's
answer file and the consequence test's internal notes — and a crawler fetches every route of the
URLconf with the world's ids plus every link it finds (lists, search, sitemap, API, exports, PDFs,
XLSX, error pages, the admin) as an anonymous visitor, as another citizen and as a Penyedia of
another unit. PDFs and XLSX are decoded; no canary may appear anywhere.

Positive controls prove the crawler would see each canary where it may be seen.
"""

from __future__ import annotations

import random
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from permohonan.models import Permohonan
from ppid_portal.roles import Role
from tests.security.helpers import all_routes, body, crawl, readable
from tests.security.world import ANONIM, PENYEDIA_LAIN, WARGA_B, build_world

pytestmark = pytest.mark.django_db


def make_canaries() -> dict[str, str]:
    canaries = {
        kind: f"kanari{kind}{uuid.uuid4().hex[:10]}"
        for kind in ("rincian", "alamat", "identitas", "jawaban", "dikecualikan", "draf", "catatan")
    }
    # A valid NIK (region, birth date 15-08, serial never 0000), random where it may be.
    digits = "".join(random.choices("0123456789", k=8))
    canaries["nik"] = f"32{digits[:4]}1508{digits[4:6]}1{digits[6:]}9"
    return canaries


def seeds(world) -> list[str]:
    urls = [
        "/",
        "/sitemap.xml",
        "/tidak-ada-halaman-ini/",  # the 404 page
        reverse("informasi:dip-list"),
        reverse("informasi:dip-list") + "?q=kanari",
        reverse("informasi:dikecualikan-list"),
        reverse("informasi:api-list") + "?per_halaman=200",
        reverse("informasi:api-dikecualikan"),
        reverse("permohonan:saya"),
        reverse("admin:index"),
    ]
    for route in all_routes():
        if route.name in ("logout",):
            continue
        values, _missing = world.values(route)
        urls.append(route.url(**values))
    return urls


def test_no_canary_reaches_anyone_who_may_not_see_it(django_capture_on_commit_callbacks):
    canaries = make_canaries()
    with django_capture_on_commit_callbacks(execute=True):
        world = build_world(canaries)
    secret = list(canaries.values())

    # Positive controls: where they may be read, the crawler's reading finds them.
    ppid = Client()
    ppid.force_login(world.users[Role.PPID])
    p = Permohonan.objects.get(pk=world.ids["permohonan:pk"])
    assert canaries["nik"] == p.nik and canaries["rincian"] in p.rincian_informasi
    page = ppid.get(reverse("permohonan:detail", args=[p.pk])).content.decode()
    assert canaries["rincian"] in page
    scan = ppid.get(reverse("permohonan:identitas", args=[p.pk]))
    assert canaries["identitas"] in readable(body(scan), scan.get("Content-Type", ""))
    uji = ppid.get(reverse("informasi:uji-detail", args=[world.ids["informasi:uji:pk"]]))
    assert canaries["catatan"] in uji.content.decode()
    penyedia = Client()
    penyedia.force_login(world.users[Role.PENYEDIA])
    draft = penyedia.get(
        reverse("informasi:dokumen-unduh", args=[world.ids["informasi:dokumen:pk"]])
    )
    assert canaries["draf"] in readable(body(draft), draft["Content-Type"])

    pages = 0
    for actor in (ANONIM, WARGA_B, PENYEDIA_LAIN):
        client = Client(raise_request_exception=False)
        if actor != ANONIM:
            client.force_login(world.users[actor])
        statuses = crawl(client, seeds(world), secret)
        pages += len(statuses)
        assert sum(status == 200 for status in statuses.values()) > 30, actor
    print(f"\nKanari: {len(secret)} ditempatkan, {pages} halaman/berkas dijelajahi, 0 bocor")
