"""Shared fixtures: fast password hashing, a temporary MEDIA_ROOT, users per role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from ppid_portal import pageviews
from ppid_portal.roles import Role
from tests.portal.factories import UnitKerjaFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # A request in an earlier test may leave English active in this thread.
    translation.activate("id")
    pageviews.discard_pending()
    # The default cache is per process; nothing cached by one test may answer the next.
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def unit(db):
    return UnitKerjaFactory()


@pytest.fixture
def make_user(db):
    """make_user(Role.PPID) -> a user in that role group (Penyedia gets a unit)."""

    def _make(*roles: Role, unit=None, **kwargs):
        if Role.PENYEDIA in roles and unit is None:
            unit = UnitKerjaFactory()
        user = UserFactory(unit=unit, **kwargs)
        for role in roles:
            user.groups.add(Group.objects.get(name=role.value))
        return user

    return _make


@pytest.fixture
def users(make_user):
    """One user per staff role plus a citizen account, keyed by role (and "pemohon")."""
    result = {role: make_user(role) for role in Role}
    result["pemohon"] = make_user()
    return result
