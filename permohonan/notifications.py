"""E-mails of the request workflow: rendered when the workflow acts, sent only after the
transaction commits (a rolled-back step never tells anyone anything).

Templates: `templates/permohonan/emails/<name>_subjek.txt` (one line) and `<name>.txt`.
Messages go through the portal's outbox (`ppid_portal.outbox`): one per recipient, so no one
sees another's address, kept and retried when the mail server is down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.template.loader import render_to_string

from ppid_portal import mail, outbox
from ppid_portal.roles import Role

from . import conf

Attachment = outbox.Attachment


# Demo data must not write to anyone; the switch is portal-wide.
muted = mail.muted


def staff_emails(*roles: Role, unit=None) -> list[str]:
    """Addresses of the active members of `roles` (only those of `unit` when given), plus the
    unit's own address for a unit."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[r.value for r in roles])
        .exclude(email="")
    )
    if unit is not None:
        users = users.filter(unit=unit)
    emails = set(users.values_list("email", flat=True))
    if unit is not None and unit.email:
        emails.add(unit.email)
    return sorted(emails)


def _render(name: str, context: dict[str, Any]) -> tuple[str, str]:
    full = {
        "office_name": settings.PPID_OFFICE_NAME,
        "office_email": settings.PPID_OFFICE_EMAIL,
        "office_phone": settings.PPID_OFFICE_PHONE,
        "site_url": conf.site_url(),
        **context,
    }
    subject = render_to_string(f"permohonan/emails/{name}_subjek.txt", full)
    body = render_to_string(f"permohonan/emails/{name}.txt", full)
    return " ".join(subject.split()), body.strip() + "\n"


def send_on_commit(
    name: str,
    recipients: Iterable[str],
    context: dict[str, Any],
    *,
    attachments: Sequence[Attachment] = (),
    about: Model | None = None,
) -> int:
    """Render now, store in the outbox, send after commit (`ppid_portal.outbox`). Returns the
    number of messages queued."""
    to = [r for r in recipients if r and r.strip()]
    if not to or mail.is_muted():
        return 0
    subject, body = _render(name, context)
    rows = outbox.queue(
        to=to,
        subject=subject,
        body=body,
        attachments=attachments,
        about=about,
        templat=f"permohonan/{name}",
    )
    return len(rows)
