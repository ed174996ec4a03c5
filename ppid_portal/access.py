"""The one place that answers "may this user do X (to this object)?".

Every view declares its action (`ActionRequiredMixin.action` or `@action_required`), and every
service that changes state calls `require()`. Apps register their actions in `<app>/rules.py`
with `register()`. Superusers get no implicit rights here: an account acts through its roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from .roles import STAFF_ROLES, Role

Check = Callable[[Any, Any], bool]


@dataclass(frozen=True)
class Rule:
    action: str
    roles: frozenset[Role]
    check: Check | None
    description: str

    def allows(self, user, obj) -> bool:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.check is not None and not self.roles and self.check(user, obj)
        if self.roles and not (user_roles(user) & self.roles):
            return False
        return self.check is None or bool(self.check(user, obj))


_rules: dict[str, Rule] = {}


def register(
    action: str,
    *,
    roles: Iterable[Role] = (),
    check: Check | None = None,
    description: str = "",
) -> None:
    """Declare an action. `roles` limits it to members of those groups (empty: anyone for whom
    `check` is true, anonymous visitors included); `check(user, obj)` adds an object rule."""
    if action in _rules:
        raise ValueError(f"action {action!r} registered twice")
    if not roles and check is None:
        raise ValueError(f"action {action!r} needs roles or a check")
    _rules[action] = Rule(action, frozenset(Role(r) for r in roles), check, description)


def registered_actions() -> dict[str, Rule]:
    return dict(_rules)


def user_roles(user) -> frozenset[Role]:
    """The staff roles of a user, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_ppid_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in STAFF_ROLES if role.value in names)
        user._ppid_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(user_roles(user) & set(roles))


def is_staff_member(user) -> bool:
    return bool(user_roles(user)) and user.is_active


def can(user, action: str, obj: Any = None) -> bool:
    try:
        rule = _rules[action]
    except KeyError:
        raise LookupError(f"unknown action {action!r}") from None
    return rule.allows(user, obj)


def require(user, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied with an Indonesian message when `can()` says no."""
    if not can(user, action, obj):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini."))


class ActionRequiredMixin(AccessMixin):
    """Class-based views: set `action`; override `get_permission_object()` for object rules.

    Anonymous visitors are sent to the login page; signed-in users who may not get 403.
    """

    action: str = ""

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not self.action:
            raise ValueError(f"{type(self).__name__} declares no action")
        if not can(request.user, self.action, self.get_permission_object()):
            if not request.user.is_authenticated:
                return self.handle_no_permission()
            raise PermissionDenied(_("Anda tidak berwenang membuka halaman ini."))
        return super().dispatch(request, *args, **kwargs)


def action_required(action: str):
    """Function views: the same rule as ActionRequiredMixin, without an object."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not can(request.user, action):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(_("Anda tidak berwenang membuka halaman ini."))
            return view(request, *args, **kwargs)

        wrapper.ppid_action = action
        return wrapper

    return decorator
