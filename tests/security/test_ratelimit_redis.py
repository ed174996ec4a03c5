"""Rate limits of the public forms (request, keberatan, tracking) with Redis (issue 7): when the
cache is Redis, the count is shared by every process — what one gunicorn worker counted, another
one enforces. Redis is the one at REDIS_URL, else the local server (127.0.0.1:6379, a test
database number); the test is skipped only when no Redis answers.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from permohonan import tracking, workflow
from permohonan.models import Keputusan
from ppid_portal.roles import Role
from tests.permohonan.factories import decided

pytestmark = pytest.mark.django_db

TEST_DB = 14
LIMIT = 3

# The other worker lives at the same instant as the test (the suite's clock is frozen).
OTHER_PROCESS = """
import sys
from datetime import datetime
import django
import time_machine
django.setup()
from ppid_portal import ratelimit
scope, ident, limit, window, times, now = sys.argv[1:]
with time_machine.travel(datetime.fromisoformat(now), tick=True):
    for _ in range(int(times)):
        ratelimit.hit(scope, ident, limit=int(limit), window=int(window))
print("ok")
"""


@pytest.fixture
def redis_cache(settings):
    import redis

    url = os.environ.get("REDIS_URL") or f"redis://127.0.0.1:6379/{TEST_DB}"
    if os.environ.get("REDIS_URL"):
        # Same server, the test's own database number.
        head, _sep, tail = url.rpartition("/")
        url = f"{head}/{TEST_DB}" if tail.isdigit() else f"{url.rstrip('/')}/{TEST_DB}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis tidak menjawab di {url}: {error}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ppid",
        }
    }
    cache.clear()  # FLUSHDB of the test database number
    yield url
    cache.clear()


def other_process(url: str, scope: str, times: int, window: int) -> None:
    env = {
        **os.environ,
        "REDIS_URL": url,
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
        "PYTHONPATH": str(django_settings.BASE_DIR),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            OTHER_PROCESS,
            scope,
            "127.0.0.1",
            str(LIMIT),
            str(window),
            str(times),
            timezone.now().isoformat(),
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("scope", ["ajukan", "lacak", "keberatan"])
def test_limit_is_shared_across_processes_through_redis(redis_cache, settings, users, scope):
    import redis

    window = 900
    setattr(settings, f"PPID_BATAS_{scope.upper()}", (LIMIT, window))
    first, second = Client(), Client()  # two visitors behind the same address
    if scope == "ajukan":
        url = reverse("permohonan:ajukan")
    elif scope == "lacak":
        url = reverse("permohonan:lacak")
    else:
        p, _k = decided(users, hasil=Keputusan.Hasil.DITOLAK_DIKECUALIKAN)
        _p, code = workflow.permohonan_reset_code(permohonan_id=p.pk, actor=users[Role.DESK])
        for client in (first, second):
            client.get(tracking.tracking_path(code))
        url = reverse("permohonan:keberatan_ajukan", args=[p.pk])

    assert first.post(url, {}).status_code != 429  # attempt 1, in this process
    # Attempts 2 and 3 in another process (another worker), through Redis.
    other_process(redis_cache, scope, LIMIT - 1, window)
    keys = redis.Redis.from_url(redis_cache).keys(f"ppid:*ratelimit:{scope}:*")
    assert len(keys) == 1 and int(redis.Redis.from_url(redis_cache).get(keys[0])) == LIMIT
    # Attempt 4, from the other visitor at the same address: refused.
    response = second.post(url, {})
    assert response.status_code == 429
    assert "Terlalu banyak" in response.content.decode() or "coba lagi" in response.content.decode()
