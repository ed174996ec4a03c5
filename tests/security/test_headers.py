"""Response headers: CSP with nonces, no caching of private pages, the usual hardening headers,
and the production values of the settings behind them."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppid_portal import errors, services
from ppid_portal import urls as portal_urls
from ppid_portal.models import DokumenRegulasi
from ppid_portal.roles import Role
from tests.portal.samples import pdf_bytes
from tests.portal.test_settings import TEST_ONLY

ROOT = Path(__file__).resolve().parents[2]


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
def test_every_page_gets_the_strict_policy(client):
    directives = csp_directives(client.get(reverse("portal:home")))
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    for directive in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in directives[directive]
        assert "'unsafe-eval'" not in directives[directive]
    assert "*" not in " ".join(v for values in directives.values() for v in values)


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls")
def test_inline_script_runs_only_with_the_request_nonce(client):
    first, second = client.get("/uji/skrip/"), client.get("/uji/skrip/")
    nonces = []
    for response in (first, second):
        (nonce,) = re.findall(r'<script nonce="([^"]+)">', response.content.decode())
        assert f"'nonce-{nonce}'" in csp_directives(response)["script-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1] and len(nonces[0]) >= 22  # fresh, 128 random bits


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls")
def test_server_error_page_styles_itself_with_the_nonce():
    assert portal_urls.handler500 == "ppid_portal.errors.server_error"
    client = Client(raise_request_exception=False)
    response = client.get("/uji/galat/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Terjadi kesalahan pada server" in html and "style=" not in html
    (nonce,) = re.findall(r'<style nonce="([^"]+)">', html)
    assert f"'nonce-{nonce}'" in csp_directives(response)["style-src"]


def test_server_error_page_without_nonce_is_still_plain_html(rf):
    html = errors.server_error(rf.get("/")).content.decode()
    assert "<style" not in html and "Terjadi kesalahan pada server" in html


@pytest.mark.django_db
def test_downloads_keep_their_own_sandbox_policy(client, users):
    regulasi = DokumenRegulasi(jenis="uu", nomor="14/2008", judul="KIP", tahun=2008)
    services.regulasi_save(
        actor=users[Role.PPID],
        regulasi=regulasi,
        upload=SimpleUploadedFile("uu.pdf", pdf_bytes()),
    )
    response = client.get(reverse("portal:regulasi_unduh", args=[regulasi.pk]))
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    response.close()


@pytest.mark.django_db
def test_hardening_headers_on_pages(client):
    response = client.get(reverse("portal:home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_hsts_one_year_with_subdomains_on_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get(reverse("portal:home"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["portal:dashboard", "portal:home", "portal:regulasi"])
def test_pages_of_signed_in_users_are_never_stored(client, users, name):
    client.force_login(users[Role.PPID])
    cache_control = client.get(reverse(name))["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


@pytest.mark.django_db
def test_public_pages_for_anonymous_visitors_may_be_cached(client):
    assert "no-store" not in client.get(reverse("portal:regulasi")).get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls")
@pytest.mark.parametrize("url", ["/uji/pribadi/", "/uji/pribadi-kelas/"])
def test_private_pages_are_never_stored_even_for_anonymous_visitors(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Expires"]
    public = client.get("/uji/umum/")
    assert "no-store" not in public.get("Cache-Control", "") and "X-Robots-Tag" not in public


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_production_settings_harden_cookies_sessions_and_csp():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", *TEST_ONLY}}
    env.update(
        PPID_ENV_FILE="/dev/null",
        SECRET_KEY="produksi-" + "k3y" * 20,
        ALLOWED_HOSTS="ppid.contoh.go.id",
        DJANGO_SETTINGS_MODULE="ppid_portal.settings",
    )
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_NAME",
        "SESSION_COOKIE_AGE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "CSRF_COOKIE_NAME",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_HTTPONLY",
        "LANGUAGE_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "PPID_SESSION_IDLE_SECONDS",
        "PPID_SESSION_MAX_SECONDS",
        "AXES_FAILURE_LIMIT",
    ]
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}} | "
        "{'UIR': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_NAME": "__Host-ppid_sesi",
        "SESSION_COOKIE_AGE": 12 * 3600,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_NAME": "__Host-ppid_csrf",
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "PPID_SESSION_IDLE_SECONDS": 30 * 60,
        "PPID_SESSION_MAX_SECONDS": 12 * 3600,
        "AXES_FAILURE_LIMIT": 5,
        "UIR": True,
    }


@pytest.mark.django_db
def test_cookies_are_httponly_samesite_and_secure_when_configured(client, users, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME = "__Host-ppid_sesi", "__Host-ppid_csrf"
    client.get(reverse("login"))
    response = client.post(
        reverse("login"), {"username": users[Role.DESK].username, "password": "sandi-uji-123"}
    )
    assert response.status_code == 302
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    for name in ("__Host-ppid_sesi", "__Host-ppid_csrf", settings.LANGUAGE_COOKIE_NAME):
        cookie = client.cookies[name]
        assert cookie["httponly"] and cookie["secure"], name
        assert cookie["samesite"] == "Lax" and cookie["path"] == "/" and not cookie["domain"]
