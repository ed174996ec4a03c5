import pytest
from django.urls import reverse

from ppid_portal import dashboard
from ppid_portal.roles import ROLE_DESCRIPTIONS, Role

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("portal:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_citizen_account_gets_403(client, users):
    client.force_login(users["pemohon"])
    assert client.get(reverse("portal:dashboard")).status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_its_role_and_only_its_queues(client, users, role):
    client.force_login(users[role])
    response = client.get(reverse("portal:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(ROLE_DESCRIPTIONS[role]) in html
    shown = {entry["queue"].key for entry in response.context["queues"]}
    expected = {key for key, q in dashboard.registered_queues().items() if role in q.roles}
    assert shown == expected
    for other in set(Role) - {role}:
        assert str(ROLE_DESCRIPTIONS[other]) not in html


def test_registered_queue_reaches_only_its_roles(client, users):
    key = "uji.antrean"
    dashboard.register_queue(
        key,
        title="Antrean Uji Desk",
        roles=[Role.DESK],
        items=lambda user, limit: ["butir pertama"][:limit],
        count=lambda user: 1,
    )
    try:
        client.force_login(users[Role.DESK])
        assert "Antrean Uji Desk" in client.get(reverse("portal:dashboard")).content.decode()
        client.force_login(users[Role.PENYEDIA])
        assert "Antrean Uji Desk" not in client.get(reverse("portal:dashboard")).content.decode()
    finally:
        dashboard._queues.pop(key)


def test_staff_pages_are_not_cached(client, users):
    client.force_login(users[Role.PPID])
    response = client.get(reverse("portal:dashboard"))
    assert "no-store" in response["Cache-Control"]


def test_home_and_login_are_public(client):
    home = client.get(reverse("portal:home"))
    assert home.status_code == 200
    html = home.content.decode()
    assert 'lang="id"' in html and 'href="#konten"' in html and "PPID Kabupaten Contoh" in html
    assert client.get(reverse("login")).status_code == 200


def test_login_lands_staff_on_dashboard(client, users):
    user = users[Role.DESK]
    response = client.post(
        reverse("login"), {"username": user.username, "password": "sandi-uji-123"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("portal:dashboard")


def test_wrong_password_gets_indonesian_message(client, users):
    response = client.post(
        reverse("login"), {"username": users[Role.DESK].username, "password": "salah"}
    )
    assert response.status_code == 200
    assert "dan sandi yang benar" in response.content.decode()


def test_language_switch_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get(reverse("portal:home")).content.decode()
    assert 'lang="en"' in html
    assert "Public Information Service" in html
