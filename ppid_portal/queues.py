"""The portal's own staff queue: e-mails the mail server refused (see ppid_portal/outbox.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .dashboard import register_queue
from .models import EmailKeluar
from .roles import Role


def _failed():
    return EmailKeluar.objects.filter(status=EmailKeluar.Status.GAGAL).defer("isi")


register_queue(
    "portal.email.gagal",
    title=_("E-mail gagal terkirim"),
    roles=[Role.PPID],
    items=lambda user, limit: list(_failed().order_by("-dibuat_pada", "-id")[:limit]),
    count=lambda user: _failed().count(),
    url_name="portal:email",
    order=90,
)
