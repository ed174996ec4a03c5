import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppid_portal import audit
from ppid_portal.models import AuditLog
from ppid_portal.roles import Role

pytestmark = pytest.mark.django_db


def test_record_writes_who_when_what_from_to(users, unit):
    ppid = users[Role.PPID]
    log = audit.record(
        actor=ppid, obj=unit, action="uji.ubah", from_state="draf", to_state="terbit", note="alasan"
    )
    log.refresh_from_db()
    assert log.actor == ppid
    assert ppid.username in log.actor_label
    assert (log.object_id, log.object_repr) == (str(unit.pk), str(unit))
    assert (log.from_state, log.to_state, log.note) == ("draf", "terbit", "alasan")
    assert log.created_at is not None
    assert list(audit.history(unit)) == [log]


def test_record_for_citizen_without_account(unit):
    log = audit.record(actor=None, obj=unit, action="x", actor_label="Pemohon: Siti")
    assert log.actor is None and log.actor_label == "Pemohon: Siti"


def test_audit_records_cannot_be_changed_or_deleted(users, unit):
    log = audit.record(actor=users[Role.PPID], obj=unit, action="x")
    log.note = "dipalsukan"
    with pytest.raises(ValidationError):
        log.save()
    with pytest.raises(ValidationError):
        log.delete()
    with pytest.raises(ValidationError):
        AuditLog.objects.filter(pk=log.pk).update(note="dipalsukan")
    with pytest.raises(ValidationError):
        AuditLog.objects.all().delete()
    assert AuditLog.objects.get(pk=log.pk).note == ""


def test_admin_cannot_edit_or_delete_audit(client, make_user, unit):
    root = make_user(is_superuser=True, is_staff=True)
    log = audit.record(actor=root, obj=unit, action="x")
    client.force_login(root)
    assert client.get(reverse("admin:portal_auditlog_changelist")).status_code == 200
    assert client.get(reverse("admin:portal_auditlog_add")).status_code == 403
    response = client.post(reverse("admin:portal_auditlog_change", args=[log.pk]), {"note": "ubah"})
    assert response.status_code == 403
    assert client.get(reverse("admin:portal_auditlog_delete", args=[log.pk])).status_code == 403
    assert AuditLog.objects.get(pk=log.pk).note == ""


@pytest.mark.parametrize(
    "role,status",
    [
        (Role.PPID, 200),
        (Role.ATASAN, 200),
        (Role.DESK, 403),
        (Role.PENYEDIA, 403),
        ("pemohon", 403),
    ],
)
def test_audit_page_only_for_ppid_and_atasan(client, users, unit, role, status):
    audit.record(actor=users[Role.PPID], obj=unit, action="uji.tindakan")
    client.force_login(users[role])
    response = client.get(reverse("portal:audit"))
    assert response.status_code == status
    if status == 200:
        assert b"uji.tindakan" in response.content


def test_audit_page_sends_anonymous_to_login(client):
    response = client.get(reverse("portal:audit"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
