"""Login throttling (django-axes): a username is locked from one address after 5 failures, with
a clear Indonesian page (never a 500), and unlocked by time, by success, or by the PPID."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from ppid_portal.roles import Role
from ppid_portal.security import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-123"


def attempt(client, username, password="salah-total", url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password})


def fail(client, username, times, **kwargs):
    return [attempt(client, username, **kwargs).status_code for _ in range(times)]


def assert_locked(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Akun dikunci sementara" in html
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} menit" in html
    assert "Content-Security-Policy" in response


def test_fifth_failure_locks_and_even_the_right_password_is_refused(client, users):
    user = users[Role.PPID]
    assert fail(client, user.username, settings.AXES_FAILURE_LIMIT - 1) == [200] * 4
    assert_locked(attempt(client, user.username))
    assert_locked(attempt(client, user.username, PASSWORD))
    assert "_auth_user_id" not in client.session


def test_wrong_password_before_the_limit_shows_the_form_error(client, users):
    html = attempt(client, users[Role.DESK].username).content.decode()
    assert "Masuk ke portal" in html and "Akun dikunci" not in html


def test_lock_is_per_username_and_address(client, users):
    locked, other = users[Role.PPID], users[Role.DESK]
    fail(client, locked.username, settings.AXES_FAILURE_LIMIT)
    # Another account from the same desk computer still signs in ...
    assert attempt(client, other.username, PASSWORD).status_code == 302
    # ... and so does the locked account from another address.
    elsewhere = Client(REMOTE_ADDR="10.20.30.40")
    assert attempt(elsewhere, locked.username, PASSWORD).status_code == 302


def test_success_resets_the_count(client, users):
    user = users[Role.DESK]
    fail(client, user.username, settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, user.username, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    assert fail(client, user.username, settings.AXES_FAILURE_LIMIT - 1) == [200] * 4
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_lock_ends_after_the_cool_off(client, users):
    user = users[Role.DESK]
    fail(client, user.username, settings.AXES_FAILURE_LIMIT)
    assert_locked(attempt(client, user.username, PASSWORD))
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_administrator_unlocks_with_the_command(client, users):
    user = users[Role.PEMBINA]
    fail(client, user.username, settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_username", user.username, verbosity=0)
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_admin_login_is_throttled_too(client, make_user):
    admin = make_user(is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    fail(client, admin.username, settings.AXES_FAILURE_LIMIT - 1, url=url)
    assert_locked(attempt(client, admin.username, url=url))
    assert_locked(attempt(client, admin.username, PASSWORD, url=url))


def test_unknown_usernames_are_throttled_like_real_ones(client):
    assert fail(client, "tidak-ada", settings.AXES_FAILURE_LIMIT)[-1] == 429


def test_test_client_login_without_request_still_works(client, users):
    # Code that authenticates without a request (the test client's login()) is not throttled.
    assert client.login(username=users[Role.DESK].username, password=PASSWORD)


def test_client_address_without_proxy_is_the_peer(rf, settings):
    settings.PPID_TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "192.0.2.7"


def test_client_address_behind_our_proxy_ignores_what_the_client_wrote(rf, settings):
    settings.PPID_TRUSTED_PROXY_COUNT = 1
    spoofed = "203.0.113.9, 198.51.100.23"  # the client wrote the first; nginx appended the last
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=spoofed)
    assert client_ip(request) == "198.51.100.23"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="bukan-alamat")
    assert client_ip(request) == "127.0.0.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_behind_a_proxy_each_visitor_is_counted_separately(users, settings):
    settings.PPID_TRUSTED_PROXY_COUNT = 1
    user = users[Role.DESK]
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    clerk = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.5")
    fail(attacker, user.username, settings.AXES_FAILURE_LIMIT)
    assert attempt(clerk, user.username, PASSWORD).status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"
