"""Sessions end after 30 idle minutes and 12 hours in all; logout, deactivation and a new
password end them too. Time passes by moving the session's clocks back, as they would be."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppid_portal.middleware import LAST_SEEN, LAST_SEEN_RESOLUTION, LOGIN_AT
from ppid_portal.roles import Role

pytestmark = pytest.mark.django_db

DASHBOARD = "/staf/"


def sign_in(client, user):
    response = client.post(
        reverse("login"), {"username": user.username, "password": "sandi-uji-123"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def shift_clocks(client, *, login_ago: int | None = None, seen_ago: int | None = None):
    session = client.session
    now = int(time.time())
    if login_ago is not None:
        session[LOGIN_AT] = now - login_ago
    if seen_ago is not None:
        session[LAST_SEEN] = now - seen_ago
    session.save()


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_starts_both_clocks(client, users):
    before = int(time.time())
    sign_in(client, users[Role.DESK])
    session = client.session
    assert before <= session[LOGIN_AT] <= time.time()
    assert session[LAST_SEEN] == session[LOGIN_AT]


def test_idle_session_ends_after_thirty_minutes(client, users):
    sign_in(client, users[Role.DESK])
    old_key = client.session.session_key
    shift_clocks(client, seen_ago=settings.PPID_SESSION_IDLE_SECONDS)
    assert_sent_to_login(client.get(DASHBOARD))
    assert not Session.objects.filter(session_key=old_key).exists()
    page = client.get(reverse("login")).content.decode()
    assert "tidak ada aktivitas selama 30 menit" in page


def test_activity_keeps_the_session_alive(client, users):
    sign_in(client, users[Role.DESK])
    shift_clocks(client, seen_ago=settings.PPID_SESSION_IDLE_SECONDS - 60)
    assert client.get(DASHBOARD).status_code == 200
    assert client.session[LAST_SEEN] >= int(time.time()) - 2
    # Refreshed at most once a minute: a request right after does not rewrite the session.
    shift_clocks(client, seen_ago=LAST_SEEN_RESOLUTION - 30)
    seen = client.session[LAST_SEEN]
    assert client.get(DASHBOARD).status_code == 200
    assert client.session[LAST_SEEN] == seen


def test_session_ends_twelve_hours_after_login_however_active(client, users):
    sign_in(client, users[Role.PPID])
    shift_clocks(client, login_ago=settings.PPID_SESSION_MAX_SECONDS, seen_ago=1)
    assert_sent_to_login(client.get(DASHBOARD))
    assert "Sesi Anda telah berakhir" in client.get(reverse("login")).content.decode()


def test_session_without_clocks_ends(client, users):
    sign_in(client, users[Role.PPID])
    session = client.session
    del session[LOGIN_AT]
    session.save()
    assert_sent_to_login(client.get(DASHBOARD))


def test_logout_ends_the_session_on_the_server(client, users):
    sign_in(client, users[Role.PPID])
    stolen_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.post(reverse("logout")).status_code == 302
    assert not Session.objects.filter(session_key=stolen_cookie).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen_cookie
    assert_sent_to_login(replay.get(DASHBOARD))


def test_logout_by_get_is_refused_and_changes_nothing(client, users):
    sign_in(client, users[Role.PPID])
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(DASHBOARD).status_code == 200


def test_deactivation_ends_every_session_of_the_user(users):
    user = users[Role.DESK]
    office, home = sign_in(Client(), user), sign_in(Client(), user)
    assert office.get(DASHBOARD).status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    for client in (office, home):
        assert_sent_to_login(client.get(DASHBOARD))
    # And the account cannot sign in again.
    response = Client().post(
        reverse("login"), {"username": user.username, "password": "sandi-uji-123"}
    )
    assert response.status_code == 200


def test_deactivation_through_the_admin_ends_sessions(users, make_user):
    user = users[Role.DESK]
    staff_client = sign_in(Client(), user)
    admin = make_user(is_staff=True, is_superuser=True)
    admin_client = Client()
    admin_client.force_login(admin)
    change = admin_client.get(reverse("admin:portal_user_change", args=[user.pk]))
    form = change.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("is_active", "password", "groups")
    }
    data.update(
        {
            "groups": [g.pk for g in user.groups.all()],
            "date_joined_0": timezone.localtime(user.date_joined).strftime("%d-%m-%Y"),
            "date_joined_1": timezone.localtime(user.date_joined).strftime("%H:%M:%S"),
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    data.pop("user_permissions", None)
    data["unit"] = user.unit_id or ""
    response = admin_client.post(reverse("admin:portal_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert not user.is_active
    assert_sent_to_login(staff_client.get(DASHBOARD))


def test_new_password_ends_other_sessions(users):
    user = users[Role.PPID]
    other = sign_in(Client(), user)
    user.set_password("sandi-baru-yang-panjang-456")
    user.save()
    assert_sent_to_login(other.get(DASHBOARD))
