"""Migrations (issue 7): the models and the migrations agree (`makemigrations --check`), and on
a database seeded with the demo data every app of the project migrates to zero and back, on
SQLite and on PostgreSQL (a throw-away database on the local server, whenever it answers).

The round trips run in a separate process with its own DATABASE_URL and MEDIA_ROOT, so the
test database of this run is not touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.slow

# Every app's migrations depend on portal's first one, so `migrate portal zero` runs every reverse
# migration of every app, right after the demo data is seeded (each app taken down on its own
# once ran all but the first app's reverse migrations on empty tables, at five times the cost).
APPS = ["portal"]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"

ROUND_TRIP = """
import sys
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
call_command("seed_demo", stdout=open("/dev/null", "w"))
for app in sys.argv[1:]:
    call_command("migrate", app, "zero", verbosity=0)
    call_command("migrate", verbosity=0)
from django.db.migrations.executor import MigrationExecutor
executor = MigrationExecutor(connection)
pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
assert not pending, pending
from django.contrib.auth.models import Group
from ppid_portal.models import HalamanPortal
from permohonan.models import AturanTenggat
assert Group.objects.count() >= 6 and HalamanPortal.objects.exists()
assert AturanTenggat.objects.filter(utama=True).exists()
print("ok")
"""


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def start_round_trip(database_url: str, media: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    return subprocess.Popen(
        [sys.executable, "-c", ROUND_TRIP, *APPS],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> None:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0 and stdout.strip().endswith("ok"), stderr[-3000:]


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


@pytest.mark.once  # covers both engines itself: CI runs it in the SQLite pass only
def test_every_app_to_zero_and_back_on_sqlite_and_postgresql(tmp_path):
    """Both round trips run at once (two processes), so together they take the time of one."""
    sqlite = start_round_trip(f"sqlite:///{tmp_path / 'migrasi.sqlite3'}", tmp_path / "m1")
    try:
        _psql("SELECT 1")
    except Exception as error:  # no local server: SQLite only
        finish(sqlite)
        pytest.skip(f"PostgreSQL lokal tidak menjawab: {error}")
    name = f"ppid_mig_{uuid.uuid4().hex[:10]}"
    _psql(f'CREATE DATABASE "{name}"')
    try:
        postgres = start_round_trip(f"{PG_SERVER}/{name}", tmp_path / "m2")
        finish(sqlite)
        finish(postgres)
    finally:
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
