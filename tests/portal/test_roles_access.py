import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied

from ppid_portal import access
from ppid_portal.roles import ROLE_DESCRIPTIONS, Role, role_permissions

pytestmark = pytest.mark.django_db


def test_every_role_group_exists_with_its_permissions():
    for role, perms in role_permissions().items():
        group = Group.objects.get(name=role.value)
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        assert granted == set(perms), role
        assert perms, f"{role} has no permissions"


def test_every_role_is_described_for_the_dashboard():
    assert set(ROLE_DESCRIPTIONS) == set(Role)


# The foundation's actions × roles. Later apps add their own matrices next to their rules.
P, D, PP, A, T, B = (
    Role.PENYEDIA,
    Role.DESK,
    Role.PPID,
    Role.ATASAN,
    Role.TIM_PERTIMBANGAN,
    Role.PEMBINA,
)
MATRIX = {
    "portal.dashboard.view": {P, D, PP, A, T, B},
    "portal.audit.view": {PP, A},
    "portal.unit.manage": {PP},
    "portal.kalender.manage": {PP},
    "portal.halaman.manage": {PP},
    "portal.regulasi.manage": {PP},
}


@pytest.mark.parametrize("action", sorted(MATRIX))
@pytest.mark.parametrize("role", list(Role) + ["pemohon", "anonim"])
def test_permission_matrix(users, action, role):
    user = AnonymousUser() if role == "anonim" else users[role]
    expected = role in MATRIX[action]
    assert access.can(user, action) is expected
    if not expected:
        with pytest.raises(PermissionDenied):
            access.require(user, action)


def test_inactive_staff_can_do_nothing(users):
    user = users[Role.PPID]
    user.is_active = False
    assert not access.can(user, "portal.dashboard.view")


def test_superuser_gets_no_implicit_role(make_user):
    root = make_user(is_superuser=True, is_staff=True)
    assert not access.can(root, "portal.audit.view")


def test_unknown_action_is_a_programming_error(users):
    with pytest.raises(LookupError):
        access.can(users[Role.PPID], "tidak.ada")


def test_every_registered_action_has_a_description():
    for action, rule in access.registered_actions().items():
        assert str(rule.description), action
