"""Every POST without a CSRF token is refused, on every route of the URLconf (later apps'
routes included automatically); no GET of the foundation changes what is stored."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ppid_portal import services
from ppid_portal.models import DokumenRegulasi, HalamanPortal
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes
from tests.security.helpers import (
    all_routes,
    assert_csrf_refused,
    assert_gets_change_nothing,
    csrf_client,
)

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
# The foundation's own routes (not the apps', not the admin's, which is checked as a superuser).
FOUNDATION = [
    r for r in ROUTES if r.namespace == "portal" or r.name in {"login", "logout", "set_language"}
]
FOUNDATION += [r for r in ROUTES if r.name == "sitemap"]
ADMIN = [r for r in ROUTES if r.route.startswith("admin/")]


def test_no_view_is_exempt_from_csrf():
    assert [str(r) for r in ROUTES if r.csrf_exempt] == []


@pytest.mark.once  # refused by the middleware before any view reads the database
def test_every_route_refuses_a_post_without_token(make_user):
    staff = make_user(Role.PPID, is_staff=True, is_superuser=True)
    anonymous, signed_in = csrf_client(), csrf_client(staff)
    for route in ROUTES:
        url = route.url()
        assert_csrf_refused(anonymous, url)
        assert_csrf_refused(signed_in, url)


@pytest.fixture
def regulasi(users):
    regulasi = DokumenRegulasi(jenis="uu", nomor="14/2008", judul="KIP", tahun=2008)
    return services.regulasi_save(
        actor=users[Role.PPID],
        regulasi=regulasi,
        upload=SimpleUploadedFile("uu.pdf", pdf_bytes()),
    )


def form_token(client, url) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_foundation_posts_are_refused_without_token_and_accepted_with_it(users, regulasi):
    ppid = users[Role.PPID]
    client = csrf_client()
    login_url = reverse("login")
    credentials = {"username": ppid.username, "password": "sandi-uji-123"}
    assert_csrf_refused(client, login_url, credentials)
    token = form_token(client, login_url)
    assert client.post(login_url, {**credentials, "csrfmiddlewaretoken": token}).status_code == 302

    halaman_url = reverse("portal:halaman_ubah", args=["kontak"])
    data = {"judul": "Kontak kami", "isi": "Telepon kantor."}
    assert_csrf_refused(client, halaman_url, data)
    assert HalamanPortal.objects.get(slug="kontak").judul == "Kontak"
    token = form_token(client, halaman_url)
    response = client.post(halaman_url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert HalamanPortal.objects.get(slug="kontak").judul == "Kontak kami"

    regulasi_data = {"jenis": "pp", "nomor": "61/2010", "judul": "PP", "tahun": 2010}
    regulasi_data.update(urutan=0, aktif="on", tautan="https://jdih.contoh.go.id/pp-61")
    for url in (
        reverse("portal:regulasi_tambah"),
        reverse("portal:regulasi_ubah", args=[regulasi.pk]),
    ):
        assert_csrf_refused(client, url, regulasi_data)
    assert DokumenRegulasi.objects.count() == 1

    assert_csrf_refused(client, reverse("set_language"), {"language": "en", "next": "/"})
    assert_csrf_refused(client, reverse("logout"))
    assert client.get(reverse("portal:dashboard")).status_code == 200  # still signed in
    token = form_token(client, reverse("portal:dashboard"))
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302


def foundation_urls(halaman: HalamanPortal, regulasi: DokumenRegulasi) -> list[str]:
    values = {"slug": halaman.slug, "pk": regulasi.pk}
    return [
        route.url(**{k: v for k, v in values.items() if k in route.params}) for route in FOUNDATION
    ]


def test_foundation_routes_are_all_known():
    # A new foundation route must be added to the walks below (and to the CSRF walk, which
    # takes every route by itself).
    assert sorted(str(r) for r in FOUNDATION) == sorted(
        [
            "portal:home",
            "portal:halaman",
            "portal:regulasi",
            "portal:regulasi_unduh",
            "portal:dashboard",
            "portal:audit",
            "portal:email",
            "portal:email_kirim_ulang",
            "portal:email_kirim_ulang_semua",
            "portal:konten",
            "portal:halaman_ubah",
            "portal:regulasi_tambah",
            "portal:regulasi_ubah",
            "portal:statistik",
            "portal:statistik_staf",
            "login",
            "logout",
            "set_language",
            "sitemap",
        ]
    )


@pytest.fixture
def filled_calendar(db):
    """The holiday calendar copies each year from the `holidays` package once, on first use
    (reference data, not a state change); fill it first so the walk sees only the pages."""
    from django.utils import timezone

    from ppid_portal.calendar import load_holidays

    year = timezone.localdate().year
    load_holidays(range(year - 1, year + 2))


@pytest.mark.parametrize("who", ["anonim", "pemohon", *Role])
def test_no_foundation_get_changes_state(client, users, regulasi, filled_calendar, who):
    if who != "anonim":
        client.force_login(users[who])
    urls = foundation_urls(HalamanPortal.objects.get(slug="profil"), regulasi)
    assert assert_gets_change_nothing(client, urls) == len(FOUNDATION)
    if who != "anonim":
        assert client.get(reverse("portal:home")).context["user"] == users[who]  # not logged out


def admin_urls() -> list[str]:
    """Every admin route, with the id of a real object of its model where it takes one."""
    User = get_user_model()
    urls = []
    for route in ADMIN:
        values = {}
        match = re.match(r"admin/(\w+)/(\w+)/", route.route)
        try:
            model = apps.get_model(match.group(1), match.group(2)) if match else None
        except LookupError:  # admin/password_change/done/ and the like
            model = None
        obj = model._base_manager.first() if model else None
        if "object_id" in route.params and obj is not None:
            values["object_id"] = obj.pk
        if "id" in route.params:
            values["id"] = User.objects.first().pk
        if "content_type_id" in route.params:
            from django.contrib.contenttypes.models import ContentType

            values["content_type_id"] = ContentType.objects.get_for_model(HalamanPortal).pk
            values["object_id"] = HalamanPortal.objects.first().pk
        if "app_label" in route.params:
            values["app_label"] = "portal"
        urls.append(route.url(**values))
    return urls


def test_no_admin_get_changes_state(client, make_user, regulasi):
    from axes.models import AccessAttempt, AccessLog

    admin = make_user(is_staff=True, is_superuser=True)
    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="x", ip_address="127.0.0.1")
    client.force_login(admin)
    urls = admin_urls()
    assert len(urls) == len(ADMIN)
    assert_gets_change_nothing(client, urls)
    assert client.get(reverse("admin:index")).status_code == 200  # still signed in
