"""The one path for every e-mail of every app: `notify()` renders a notice and stores it in the
outbox (`ppid_portal.outbox`), which sends it after the transaction commits.

Templates: `templates/<app>/emails/<name>_subject.txt` (one line; whitespace is collapsed) and
`<name>.txt`, named `"<app>/<name>"` by the caller. Every template sees `office_name`,
`office_email`, `office_phone` and `site_url` (without a trailing slash) besides its context.

Muting: inside `muted()` no app queues anything (demo data, imports, benchmarks must not write
to anyone); `outbox.queue()` enforces it and `notify()` does not even render.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.template.loader import render_to_string

from . import outbox
from .roles import Role

_state = threading.local()


@contextmanager
def muted() -> Iterator[None]:
    """No e-mail is queued inside this block, by any app."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def is_muted() -> bool:
    return getattr(_state, "muted", False)


def staff_emails(*roles: Role, unit=None) -> list[str]:
    """Addresses of the active members of `roles` (only those of `unit` when given), plus the
    unit's own address for a unit."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[Role(r).value for r in roles])
        .exclude(email="")
    )
    if unit is not None:
        users = users.filter(unit=unit)
    emails = set(users.values_list("email", flat=True))
    if unit is not None and unit.email:
        emails.add(unit.email)
    return sorted(emails)


def render(template: str, context: Mapping[str, Any]) -> tuple[str, str]:
    """(subject, body) of the notice `"<app>/<name>"`."""
    app, name = template.split("/", 1)
    full = {
        "office_name": settings.PPID_OFFICE_NAME,
        "office_email": settings.PPID_OFFICE_EMAIL,
        "office_phone": settings.PPID_OFFICE_PHONE,
        "site_url": str(settings.PPID_SITE_URL).rstrip("/"),
        **context,
    }
    subject = render_to_string(f"{app}/emails/{name}_subject.txt", full)
    body = render_to_string(f"{app}/emails/{name}.txt", full)
    return " ".join(subject.split()), body.strip() + "\n"


def notify(
    template: str,
    *,
    to: Iterable[str],
    context: Mapping[str, Any],
    about: Model | None = None,
    attachments: Sequence[outbox.Attachment] = (),
) -> int:
    """Render the notice `"<app>/<name>"` now and queue one message per recipient, sent once
    the current transaction has committed. `about` is the object the PPID sees it listed
    under in the outbox. Returns the number of messages queued."""
    recipients = [r for r in to if r and r.strip()]
    if not recipients or is_muted():
        return 0
    subject, body = render(template, context)
    rows = outbox.queue(
        to=recipients,
        subject=subject,
        body=body,
        attachments=attachments,
        about=about,
        templat=template,
    )
    return len(rows)
