"""E-mail notices of the DIP workflow, always sent after the transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from ppid_portal import mail
from ppid_portal.models import User
from ppid_portal.roles import Role

logger = logging.getLogger(__name__)


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
    """Render `informasi/emails/<template>_subject.txt` and `<template>.txt` and send them to
    each recipient once the current transaction has committed."""
    recipients = sorted(set(recipients))
    if not recipients or mail.is_muted():
        return
    context = {
        **context,
        "office_name": settings.PPID_OFFICE_NAME,
        "site_url": settings.PPID_SITE_URL,
    }
    subject = " ".join(
        render_to_string(f"informasi/emails/{template}_subject.txt", context).split()
    )
    body = render_to_string(f"informasi/emails/{template}.txt", context)

    def _send() -> None:
        try:
            send_mail(subject, body, None, recipients)
        except OSError:
            # The state change is already committed; a mail server outage must not undo it.
            logger.exception("E-mail %s gagal dikirim", template)

    transaction.on_commit(_send)
