"""The audit trail helper every workflow calls on each state change."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditLog

SYSTEM_ACTOR = "Sistem"


def _actor_label(actor: Any, fallback: str) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return fallback
    name = actor.get_full_name() or actor.get_username()
    return f"{name} ({actor.get_username()})" if name != actor.get_username() else name


def record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    actor_label: str | None = None,
) -> AuditLog:
    """Append one record: who (`actor`, or `actor_label` for a citizen without an account or a
    cron job), what object, which action, from which state to which, and why."""
    return AuditLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=(actor_label or _actor_label(actor, SYSTEM_ACTOR))[:200],
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        from_state=str(from_state or ""),
        to_state=str(to_state or ""),
        note=note or "",
    )


def history(obj: models.Model):
    """The audit records of one object, oldest first."""
    return AuditLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).order_by("created_at", "id")
