"""Signal handlers of the arsip app."""

from __future__ import annotations

from ppid_portal import audit
from ppid_portal.access import user_roles

from .selectors import LOGIN_ACTION, TANPA_PERAN


def record_login(sender, request, user, **kwargs) -> None:
    """Write each login to the audit trail with the roles the account held at that moment."""
    roles = sorted(role.value for role in user_roles(user))
    audit.record(
        actor=user,
        obj=user,
        action=LOGIN_ACTION,
        note="; ".join(roles) or TANPA_PERAN,
    )
