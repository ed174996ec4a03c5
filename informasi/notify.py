"""Temporary: the DIP workflow's calls go to `ppid_portal.mail` (removed once the workflow
calls it directly)."""

from __future__ import annotations

from typing import Any

from django.db import models

from ppid_portal import mail
from ppid_portal.roles import Role


def role_emails(*roles: Role) -> list[str]:
    return mail.staff_emails(*roles)


def unit_emails(unit) -> list[str]:
    return mail.staff_emails(Role.PENYEDIA, unit=unit)


def send_on_commit(template: str, recipients, context: dict[str, Any]) -> None:
    about = next(
        (v for k, v in context.items() if k != "actor" and isinstance(v, models.Model)), None
    )
    mail.notify(f"informasi/{template}", to=recipients, context=context, about=about)
