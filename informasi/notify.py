"""E-mail notices of the DIP workflow, stored in the portal's outbox and sent after the
transaction commits (see `ppid_portal.outbox`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string

from ppid_portal import mail, outbox
from ppid_portal.models import User
from ppid_portal.roles import Role


def role_emails(*roles: Role) -> list[str]:
    return list(
        User.objects.filter(groups__name__in=[r.value for r in roles], is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def unit_emails(unit) -> list[str]:
    emails = list(
        User.objects.filter(unit=unit, groups__name=Role.PENYEDIA.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if unit.email and unit.email not in emails:
        emails.append(unit.email)
    return emails


def send_on_commit(template: str, recipients: Iterable[str], context: dict[str, Any]) -> None:
    """Render `informasi/emails/<template>_subject.txt` and `<template>.txt` now and queue one
    message per recipient, sent once the current transaction has committed."""
    recipients = [r for r in recipients if r]
    if not recipients or mail.is_muted():
        return
    context = {
        **context,
        "office_name": settings.PPID_OFFICE_NAME,
        "site_url": settings.PPID_SITE_URL,
    }
    subject = render_to_string(f"informasi/emails/{template}_subject.txt", context)
    body = render_to_string(f"informasi/emails/{template}.txt", context)
    # The object the notice is about (entry, version, test, decree) is the first model in the
    # context that is not the actor; the PPID sees it in the outbox.
    about = next(
        (v for k, v in context.items() if k != "actor" and isinstance(v, models.Model)), None
    )
    outbox.queue(
        to=recipients, subject=subject, body=body, about=about, templat=f"informasi/{template}"
    )
