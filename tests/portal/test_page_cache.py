"""The public page cache (ppid_portal/cache.py): what is kept, for whom, and how a change
reaches the very next request."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.test import Client

from ppid_portal import cache as page_cache
from tests.portal import page_cache_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.page_cache_urls")]


@pytest.fixture(autouse=True)
def _fresh_calls(settings, tmp_path):
    settings.PPID_CACHE_STAMP_DIR = str(tmp_path / "stempel")
    page_cache_urls.CALLS.clear()


def calls(name: str) -> int:
    return page_cache_urls.CALLS.get(name, 0)


def test_an_anonymous_page_is_rendered_once(client, django_assert_num_queries):
    first = client.get("/uji/biasa/")
    with django_assert_num_queries(0):
        second = client.get("/uji/biasa/")
    assert first.content == second.content == b"tampilan ke-1 "
    assert calls("plain") == 1


def test_invalidation_reaches_the_very_next_request(client):
    client.get("/uji/biasa/")
    page_cache.invalidate("uji")
    assert client.get("/uji/biasa/").content == b"tampilan ke-2 "
    page_cache.invalidate("lain")
    assert client.get("/uji/biasa/").content == b"tampilan ke-2 "


def test_invalidation_is_repeated_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            page_cache.invalidate("uji")
            during = page_cache.generation("uji")
    # A page rendered from the old rows while the change was being written is not kept.
    assert len(callbacks) == 1
    assert page_cache.generation("uji") != during


def test_query_string_and_language_are_part_of_the_key(client):
    client.get("/uji/biasa/?q=a")
    client.get("/uji/biasa/?q=b")
    assert calls("plain") == 2
    id_page = client.get("/uji/formulir/").content.decode()
    en_page = client.get("/uji/formulir/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<p>id</p>" in id_page and "<p>en</p>" in en_page
    assert calls("form") == 2


def test_signed_in_users_never_get_or_fill_the_cache(client, make_user):
    anonymous = Client()
    anonymous.get("/uji/biasa/")
    client.force_login(make_user())
    assert client.get("/uji/biasa/").content == b"tampilan ke-2 "
    assert client.get("/uji/biasa/").content == b"tampilan ke-3 "
    assert anonymous.get("/uji/biasa/").content == b"tampilan ke-1 "


@pytest.mark.parametrize(
    ("url", "name"),
    [("/uji/pribadi/", "private"), ("/uji/kue/", "with_cookie"), ("/uji/tidak-ada/", "missing")],
)
def test_private_pages_cookies_and_errors_are_never_kept(client, url, name):
    client.get(url)
    client.get(url)
    assert calls(name) == 2


def test_a_visitor_with_a_pending_message_gets_a_fresh_page(client):
    Client().get("/uji/biasa/")
    response = client.get("/uji/pesan/")
    assert response.status_code == 302
    # The message waits in this visitor's cookie: the page is rendered for them alone.
    assert client.get("/uji/biasa/").content == b"tampilan ke-2 "
    assert Client().get("/uji/biasa/").content == b"tampilan ke-1 "


def test_csrf_token_and_csp_nonce_are_fresh_for_every_visitor():
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    nonce = re.compile(r'<script nonce="([^"]+)">')
    seen_tokens, seen_nonces = set(), set()
    for _ in range(3):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get("/uji/formulir/")
        html = response.content.decode()
        seen_tokens.add(token.search(html).group(1))
        page_nonce = nonce.search(html).group(1)
        seen_nonces.add(page_nonce)
        assert f"'nonce-{page_nonce}'" in response["Content-Security-Policy"]
        # The token in the cached page works with this visitor's own CSRF cookie.
        answer = visitor.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken":
                              token.search(html).group(1)})  # fmt: skip
        assert answer.status_code == 302
    assert calls("form") == 1
    assert len(seen_tokens) == 3 and len(seen_nonces) == 3


def test_the_switch_turns_pages_off(client, settings):
    settings.PPID_PAGE_CACHE = False
    client.get("/uji/biasa/")
    client.get("/uji/biasa/")
    assert calls("plain") == 2


def test_generations_are_shared_through_the_stamp_file():
    before = page_cache.generation("uji")
    # Another worker process renews the group: it writes the group's stamp file.
    folder = page_cache.stamp_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "uji").write_text("dari-pekerja-lain")
    assert page_cache.generation("uji") == "dari-pekerja-lain" != before


def test_a_shared_cache_keeps_generations_itself(settings, tmp_path, client):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    first = page_cache.generation("uji")
    assert first == page_cache.generation("uji")
    page_cache.invalidate("uji")
    assert page_cache.generation("uji") != first
    assert not (tmp_path / "stempel").exists()
    client.get("/uji/biasa/")
    assert client.get("/uji/biasa/").content == b"tampilan ke-1 "


def test_memo_keeps_values_until_invalidated_but_never_none():
    values = iter([1, 2])
    assert page_cache.memo("uji:nilai", ("uji",), lambda: next(values)) == 1
    assert page_cache.memo("uji:nilai", ("uji",), lambda: next(values)) == 1
    page_cache.invalidate("uji")
    assert page_cache.memo("uji:nilai", ("uji",), lambda: next(values)) == 2
    nones = []
    page_cache.memo("uji:kosong", ("uji",), lambda: nones.append(1))
    page_cache.memo("uji:kosong", ("uji",), lambda: nones.append(1))
    assert len(nones) == 2


def test_unit_changes_and_audit_records_renew_their_groups(unit, make_user):
    from ppid_portal import audit

    before = page_cache.generation("unit")
    unit.nama = "Nama baru"
    unit.save()
    assert page_cache.generation("unit") != before
    before = page_cache.generation("beranda")
    audit.record(actor=make_user(), obj=unit, action="uji.ubah")
    assert page_cache.generation("beranda") != before


def test_many_changes_in_one_transaction_renew_a_group_once_now_and_once_on_commit(
    django_capture_on_commit_callbacks,
):
    """An import writes thousands of audit records in one transaction: one renewal of each
    group is left for the commit, not one per record."""
    before = page_cache.generation("beranda")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            page_cache.invalidate("beranda")
            during = page_cache.generation("beranda")
            assert during != before
            for _ in range(50):
                page_cache.invalidate("beranda", "dip")
            last = page_cache.generation("beranda")
    assert len([c for c in callbacks if getattr(c, "ppid_group", "")]) == 2  # beranda, dip
    assert page_cache.generation("beranda") not in (before, during, last)
