"""The PPID's outbox page (/staf/email/): who may open it, the resend buttons, the audit record
and the dashboard queue."""

from __future__ import annotations

import pytest
from django.core import mail as django_mail
from django.urls import reverse

from ppid_portal import outbox
from ppid_portal.models import AuditLog, EmailKeluar
from ppid_portal.roles import Role
from tests.portal.test_outbox import smtp_down  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

S = EmailKeluar.Status
SECRET = "RAHASIA-ISI-1234"


@pytest.fixture
def failed(smtp_down, django_capture_on_commit_callbacks):  # noqa: F811
    """Two messages the mail server refused; then the server is back (locmem)."""
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue(
            to=["warga@contoh.id", "staf@contoh.go.id"],
            subject="Permohonan 001/PPID/2026 diterima",
            body=f"Kode pelacakan {SECRET}",
        )
    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rows = list(EmailKeluar.objects.order_by("penerima"))
    assert [r.status for r in rows] == [S.GAGAL, S.GAGAL]
    return rows


def test_ppid_sees_the_outbox_without_bodies(client, users, failed):
    client.force_login(users[Role.PPID])
    page = client.get(reverse("portal:email")).content.decode()
    assert "warga@contoh.id" in page and "Permohonan 001/PPID/2026 diterima" in page
    assert "ConnectionRefusedError" in page and "Kirim ulang semua yang gagal (2)" in page
    assert SECRET not in page
    assert not client.get(reverse("portal:email") + "?status=terkirim").context["object_list"]
    assert len(client.get(reverse("portal:email") + "?status=gagal").context["object_list"]) == 2


@pytest.mark.parametrize("role", [r for r in Role if r != Role.PPID] + ["pemohon"])
def test_others_are_refused(client, users, failed, role):
    client.force_login(users[role])
    assert client.get(reverse("portal:email")).status_code == 403
    url = reverse("portal:email_kirim_ulang", args=[failed[0].pk])
    assert client.post(url).status_code == 403
    assert client.post(reverse("portal:email_kirim_ulang_semua")).status_code == 403
    assert django_mail.outbox == [] and not AuditLog.objects.filter(action="email.kirim_ulang")


def test_anonymous_goes_to_login(client, failed):
    response = client.get(reverse("portal:email"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    response = client.post(reverse("portal:email_kirim_ulang", args=[failed[0].pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert django_mail.outbox == []


def test_resend_one_is_post_only_and_audited(client, users, failed):
    ppid = users[Role.PPID]
    client.force_login(ppid)
    staf, warga = failed
    url = reverse("portal:email_kirim_ulang", args=[warga.pk])
    assert client.get(url).status_code == 405
    back = reverse("portal:email") + "?status=gagal"
    response = client.post(url, {"next": back}, follow=True)
    assert response.redirect_chain[-1][0] == back
    assert "1 e-mail terkirim" in response.content.decode()
    assert [m.to for m in django_mail.outbox] == [["warga@contoh.id"]]
    assert SECRET in django_mail.outbox[0].body
    warga.refresh_from_db()
    staf.refresh_from_db()
    assert (warga.status, warga.percobaan, warga.isi) == (S.TERKIRIM, 2, "")
    assert staf.status == S.GAGAL
    log = AuditLog.objects.get(action="email.kirim_ulang")
    assert (log.actor, log.object_id) == (ppid, str(warga.pk))
    assert (log.from_state, log.to_state) == (S.GAGAL, S.MENUNGGU)
    assert "warga@contoh.id" not in log.object_repr  # the trail names the message, not the address
    # Sent is sent: pressing again sends nothing.
    client.post(url)
    assert len(django_mail.outbox) == 1
    # An unknown id, or a redirect target elsewhere, goes nowhere.
    assert client.post(reverse("portal:email_kirim_ulang", args=[warga.pk + 99])).status_code == 404
    response = client.post(url, {"next": "https://jahat.example/"})
    assert response["Location"] == reverse("portal:email")


def test_resend_all_failed(client, users, failed):
    client.force_login(users[Role.PPID])
    response = client.post(reverse("portal:email_kirim_ulang_semua"), follow=True)
    assert "2 e-mail terkirim" in response.content.decode()
    assert sorted(m.to[0] for m in django_mail.outbox) == ["staf@contoh.go.id", "warga@contoh.id"]
    assert set(EmailKeluar.objects.values_list("status", flat=True)) == {S.TERKIRIM}
    assert AuditLog.objects.filter(action="email.kirim_ulang").count() == 2
    response = client.post(reverse("portal:email_kirim_ulang_semua"), follow=True)
    assert "Tidak ada e-mail yang perlu dikirim ulang" in response.content.decode()


def test_resend_while_still_down_says_so(client, users, failed, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # down again
    client.force_login(users[Role.PPID])
    response = client.post(reverse("portal:email_kirim_ulang_semua"), follow=True)
    assert "0 e-mail terkirim, 2 masih gagal" in response.content.decode()
    assert set(EmailKeluar.objects.values_list("percobaan", flat=True)) == {2}


def test_dashboard_queue_for_the_ppid_only(client, users, failed):
    client.force_login(users[Role.PPID])
    queues = {q["queue"].key: q for q in client.get(reverse("portal:dashboard")).context["queues"]}
    assert queues["portal.email.gagal"]["count"] == 2
    client.force_login(users[Role.DESK])
    queues = {q["queue"].key for q in client.get(reverse("portal:dashboard")).context["queues"]}
    assert "portal.email.gagal" not in queues


def test_admin_lists_metadata_only(client, make_user, failed):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    page = client.get(reverse("admin:portal_emailkeluar_changelist")).content.decode()
    assert "warga@contoh.id" in page
    detail = client.get(reverse("admin:portal_emailkeluar_change", args=[failed[0].pk]))
    assert detail.status_code == 200 and SECRET not in detail.content.decode()
