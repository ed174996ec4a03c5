"""Temporary: the request workflow's calls go to `ppid_portal.mail` (removed once the workflow
calls it directly)."""

from __future__ import annotations

from ppid_portal import mail

staff_emails = mail.staff_emails


def send_on_commit(name, recipients, context, *, attachments=(), about=None) -> int:
    return mail.notify(
        f"permohonan/{name}", to=recipients, context=context, about=about, attachments=attachments
    )
