"""Shared fixtures: fast password hashing, a temporary MEDIA_ROOT, users per role."""

from __future__ import annotations

import os

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from ppid_portal import pageviews
from ppid_portal.roles import Role
from tests import clock
from tests.portal.factories import UnitKerjaFactory, UserFactory

_session_clock = None


def pytest_configure(config):
    # Frozen before collection: parametrize arguments such as `timezone.localdate()` are computed
    # when the test modules are imported, and must see the same clock as the tests.
    global _session_clock
    _session_clock = time_machine.travel(clock.default_instant(), tick=True)
    _session_clock.start()
    config.addinivalue_line(
        "markers",
        "clock: also run at each instant of tests.clock.EDGES (both sides of local and UTC "
        "midnight)",
    )


def pytest_collection_modifyitems(config, items):
    # CI's second pass (PostgreSQL) skips what its first pass already proved whatever the engine.
    if os.environ.get("PPID_TESTS_ENGINE_FREE_DONE") == "1":
        skip = pytest.mark.skip(reason="sudah diuji pada putaran SQLite CI")
        for item in items:
            if item.get_closest_marker("once"):
                item.add_marker(skip)
    # The longest files first: pytest-xdist hands out whole files in this order, so a minute-long
    # round trip starts at the beginning instead of keeping one worker busy at the end.
    items.sort(key=_heaviness)


def _heaviness(item) -> int:
    if item.get_closest_marker("slow"):
        return 0
    if "tests/browser" in str(item.fspath) or "test_access_matrix" in str(item.fspath):
        return 1
    return 2


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("clock"):
        metafunc.fixturenames.append("clock_instant")
        metafunc.parametrize(
            "clock_instant",
            [clock.default_instant(), *clock.EDGES.values()],
            ids=["now", *clock.EDGES],
            indirect=True,
        )


def pytest_unconfigure(config):
    if _session_clock is not None:
        _session_clock.stop()


@pytest.fixture
def clock_instant(request):
    """The instant the test starts at: tests.clock.DEFAULT, or an edge for @pytest.mark.clock."""
    return getattr(request, "param", clock.default_instant())


@pytest.fixture(autouse=True)
def _frozen_clock(clock_instant):
    """Every test starts at a fixed instant; the clock then ticks, so timeouts still pass."""
    with time_machine.travel(clock_instant, tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def _worker_stamp_dir(tmp_path_factory):
    """Cache generation stamps of this pytest process (one per xdist worker): a stamp renewed by
    one worker's test never invalidates another worker's cache."""
    return tmp_path_factory.mktemp("cache-stamps")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path, _worker_stamp_dir):
    # A request in an earlier test may leave English active in this thread.
    translation.activate("id")
    pageviews.discard_pending()
    # The default cache is per process; nothing cached by one test may answer the next.
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PPID_CACHE_STAMP_DIR = str(_worker_stamp_dir)
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
