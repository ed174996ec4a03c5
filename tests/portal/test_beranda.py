"""The home page (what the PPID is, current serta-merta, request buttons, headline figures,
the DIP) and the sitemap."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from informasi.models import EntriVersi
from ppid_portal.roles import Role
from tests.informasi.factories import documented_entry, publish_version
from tests.permohonan.factories import decided, submit_desk

# Date-sensitive: also run on both sides of local and UTC midnight (tests/clock.py).
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


@pytest.fixture
def actors(users, make_user):
    return {
        "penyedia": users[Role.PENYEDIA],
        "desk": users[Role.DESK],
        "ppid": users[Role.PPID],
        "atasan": users[Role.ATASAN],
    }


def test_home_explains_the_ppid_and_offers_the_three_services(client):
    html = client.get(reverse("portal:home")).content.decode()
    assert "Pejabat Pengelola Informasi dan Dokumentasi (PPID)" in html
    for name in ("ajukan", "lacak", "keberatan"):
        assert f'href="{reverse(f"permohonan:{name}")}"' in html
    assert reverse("permohonan:prosedur", args=["jangka-waktu"]) in html
    assert '<meta name="description" content="Layanan informasi publik' in html


def test_home_shows_headline_statistics_of_this_year(client, users):
    decided(users)
    submit_desk(users[Role.DESK], email="dua@contoh.id")
    html = client.get(reverse("portal:home")).content.decode()
    block = html[html.index('id="sorotan"') :]
    assert re.search(r">\s*2\s*</p>\s*<p class=\"mb-0\">Permohonan informasi", block)
    # Only the answered request is judged; the other is not due yet.
    assert re.search(r">\s*100%\s*</p>\s*<p class=\"mb-0\">Dijawab tepat waktu", block)
    assert "dari 1 permohonan yang sudah dijawab atau lewat batas waktu" in block
    assert "Median waktu menjawab" in block
    assert reverse("portal:statistik") in html


def test_only_current_serta_merta_is_announced_at_the_top(client, actors, settings):
    settings.INFORMASI_SERTA_MERTA_HARI = 30
    baru = documented_entry(
        actors["penyedia"], actors["desk"], kategori="serta_merta", ringkasan="Banjir hari ini"
    )
    lama = documented_entry(
        actors["penyedia"], actors["desk"], kategori="serta_merta", ringkasan="Banjir tahun lalu"
    )
    type(lama).objects.filter(pk=lama.pk).update(
        didokumentasikan_pada=timezone.now() - timedelta(days=400)
    )
    publish_version(actors)
    EntriVersi.objects.filter(informasi=lama).update(tanggal=timezone.now() - timedelta(days=400))
    html = client.get(reverse("portal:home")).content.decode()
    banner = html[html.index('aria-labelledby="judul-serta-merta"') :]
    banner = banner[: banner.index("</section>")]
    assert "Banjir hari ini" in banner and "Banjir tahun lalu" not in banner
    assert baru.get_absolute_url() in banner
    # The older one is still in the DIP.
    assert client.get(lama.get_absolute_url()).status_code == 200


def test_sitemap_lists_only_public_pages(client, actors, users):
    published = documented_entry(actors["penyedia"], actors["desk"], ringkasan="Terbit")
    publish_version(actors)
    draft = documented_entry(actors["penyedia"], actors["desk"], ringkasan="Belum terbit")
    decided(users)
    xml = client.get(reverse("sitemap")).content.decode()
    paths = [urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    for path in (
        "/",
        "/statistik/",
        "/regulasi/",
        "/profil/kontak/",
        "/informasi/",
        published.get_absolute_url(),
        "/permohonan/ajukan/",
        "/permohonan/lacak/",
        "/permohonan/prosedur/jangka-waktu/",
        "/permohonan/prosedur/sengketa/",
    ):
        assert path in paths
    assert draft.get_absolute_url() not in paths
    assert not [p for p in paths if "/staf/" in p or "/lacak/k/" in p or "/admin/" in p]
    assert not [p for p in paths if re.search(r"/lacak/\d+/", p)]
    client.logout()
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "noindex" not in response.get("X-Robots-Tag", ""), path
