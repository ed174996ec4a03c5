"""Migrations (issue 7): the models and the migrations agree (`makemigrations --check`), and on
a database seeded with the demo data every app of the project migrates to zero and back, on
SQLite and on PostgreSQL (a throw-away database on the local server, whenever it answers).

The round trips run in a separate process with its own DATABASE_URL and MEDIA_ROOT, so the
test database of this run is not touched.
"""

from __future__ import annotations

import json
import os
import shutil
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


# --------------------------------------------------------------------------- issue 13: layers
# Before issue 13, `informasi` 0003 gave the consequence test a foreign key to the request and the
# opening of excepted information one to the keberatan. The links now live in `permohonan`
# (`UjiPermohonan`, `Keberatan.pembukaan`) and `permohonan` 0007 moves the old columns of an
# existing database there. The check builds a database with the migration files of that time
# (tests/security/legacy/), converts it, fills it with the demo data, migrates it back to the old
# shape and forward again; a second database migrated afresh gives the expected shape.

LEGACY = Path(__file__).parent / "legacy"
LINK_TABLES = [
    "informasi_ujikonsekuensi",
    "informasi_pembukaaninformasi",
    "permohonan_keberatan",
    "permohonan_ujipermohonan",
]

SCHEMA = """
import json, re
from django.db import connection

AUTO_NAME = re.compile(r"^(fk_\\d+|__unnamed_constraint_\\d+__|sqlite_autoindex_.*)$")


def checks(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'c'",
                [table],
            )
            return dict(cursor.fetchall())
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
        sql = cursor.fetchone()[0]
        found = re.findall(r'CONSTRAINT "(\\w+)" CHECK \\((.*?)\\)(?=, CONSTRAINT|\\)$)', sql)
        return dict(found)


def schema(tables):
    result = {}
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        for table in tables:
            if table not in existing:
                result[table] = None
                continue
            columns = sorted(
                [c.name, str(c.type_code), bool(c.null_ok)]
                for c in connection.introspection.get_table_description(cursor, table)
            )
            constraints = sorted(
                [
                    "" if AUTO_NAME.match(name) else name,
                    sorted(c["columns"] or []),
                    bool(c["primary_key"]), bool(c["unique"]), bool(c["index"]),
                    list(c["foreign_key"] or []),
                ]
                for name, c in connection.introspection.get_constraints(cursor, table).items()
                if not c["check"]
            )
            result[table] = {"columns": columns, "constraints": constraints,
                             "checks": checks(table)}
    return result
"""

LEGACY_ROUND_TRIP = (
    """
import json, sys
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import connection
"""
    + SCHEMA
    + """
tables = json.loads(sys.argv[1])
report = {}
# 1. A database migrated before the change, with the migration files of that time.
settings.MIGRATION_MODULES = {"informasi": "lama_informasi", "permohonan": "lama_permohonan"}
call_command("migrate", verbosity=0)
report["old"] = schema(tables)
# 2. The code of today converts it.
settings.MIGRATION_MODULES = {}
call_command("migrate", verbosity=0)
report["converted"] = schema(tables)

# 3. Data with links of both kinds, then back to the old shape and forward again.
from informasi.models import PembukaanInformasi, UjiKonsekuensi
from permohonan.models import Keberatan, UjiPermohonan
call_command("seed_demo", stdout=open("/dev/null", "w"))
kb = Keberatan.objects.order_by("pk").first()
Keberatan.objects.filter(pk=kb.pk).update(
    pembukaan=PembukaanInformasi.objects.order_by("pk").first()
)


def links():
    return {
        "uji": sorted(UjiPermohonan.objects.values_list("uji_id", "permohonan_id", "terbuka")),
        "keberatan": sorted(
            Keberatan.objects.filter(pembukaan__isnull=False).values_list("pk", "pembukaan_id")
        ),
        "atas_permintaan": sorted(
            UjiKonsekuensi.objects.filter(atas_permintaan=True).values_list("pk", flat=True)
        ),
        "digests": sorted([u.pk, u.content_digest()] for u in UjiKonsekuensi.objects.all()),
        "rows": [UjiKonsekuensi.objects.count(), PembukaanInformasi.objects.count()],
    }


report["before"] = links()
call_command("migrate", "permohonan", "0006", verbosity=0)
report["reversed"] = schema(tables)
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT id, permohonan_id FROM informasi_ujikonsekuensi "
        "WHERE permohonan_id IS NOT NULL ORDER BY id"
    )
    report["legacy_uji"] = [list(r) for r in cursor.fetchall()]
    cursor.execute(
        "SELECT id, keberatan_id FROM informasi_pembukaaninformasi "
        "WHERE keberatan_id IS NOT NULL ORDER BY id"
    )
    report["legacy_pembukaan"] = [list(r) for r in cursor.fetchall()]
    cursor.execute("SELECT COUNT(*) FROM informasi_ujikonsekuensi")
    report["legacy_rows"] = cursor.fetchone()[0]
call_command("migrate", verbosity=0)
report["after"] = links()
report["final"] = schema(tables)
print(json.dumps(report, default=str))
"""
)

FRESH = (
    """
import json, sys
import django
django.setup()
from django.core.management import call_command
"""
    + SCHEMA
    + """
call_command("migrate", verbosity=0)
print(json.dumps({"fresh": schema(json.loads(sys.argv[1]))}, default=str))
"""
)


def legacy_migration_packages(root: Path) -> Path:
    """`lama_informasi` and `lama_permohonan`: the migration files before issue 13."""
    base = Path(settings.BASE_DIR)
    informasi = root / "lama_informasi"
    permohonan = root / "lama_permohonan"
    for package in (informasi, permohonan):
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
    for name in ("0001_initial.py", "0002_search_index.py"):
        shutil.copy(base / "informasi" / "migrations" / name, informasi / name)
    shutil.copy(LEGACY / "informasi_0003_pengecualian.txt", informasi / "0003_pengecualian.py")
    for path in sorted((base / "permohonan" / "migrations").glob("000[1-4]_*.py")):
        shutil.copy(path, permohonan / path.name)
    return root


def start_script(script: str, database_url: str, media: Path, extra_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
        "PYTHONPATH": os.pathsep.join([str(settings.BASE_DIR), str(extra_path)]),
    }
    return subprocess.Popen(
        [sys.executable, "-c", script, json.dumps(LINK_TABLES)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def report_of(process: subprocess.Popen) -> dict:
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr[-4000:]
    return json.loads(stdout.strip().splitlines()[-1])


def check_legacy_round_trip(legacy: dict, fresh: dict) -> None:
    old, new = legacy["old"], fresh["fresh"]
    # The old shape had the columns; the new one has neither them nor their constraints.
    uji_columns = {c[0] for c in old["informasi_ujikonsekuensi"]["columns"]}
    assert {"permohonan_id"} <= uji_columns and "atas_permintaan" not in uji_columns
    assert "keberatan_id" in {c[0] for c in old["informasi_pembukaaninformasi"]["columns"]}
    assert old["permohonan_ujipermohonan"] is None
    assert "permohonan_id" in old["informasi_ujikonsekuensi"]["checks"]["informasi_uji_objek"]
    assert "atas_permintaan" in new["informasi_ujikonsekuensi"]["checks"]["informasi_uji_objek"]
    # Converted, the old database has exactly the shape of a new one, and back again the old.
    assert legacy["converted"] == new
    assert legacy["reversed"] == old
    assert legacy["final"] == new
    # Every link survives both ways, and the sheets' signed digests do not change.
    before, after = legacy["before"], legacy["after"]
    assert before["uji"] and before["keberatan"]
    assert after == before
    assert legacy["legacy_uji"] == sorted([u, p] for u, p, _t in before["uji"])
    assert legacy["legacy_pembukaan"] == sorted([pb, kb] for kb, pb in before["keberatan"])
    assert legacy["legacy_rows"] == before["rows"][0]
    assert sorted(before["atas_permintaan"]) == sorted(u for u, _p, _t in before["uji"])


@pytest.mark.once  # covers both engines itself: CI runs it in the SQLite pass only
def test_request_links_move_out_of_informasi_and_back_on_sqlite_and_postgresql(tmp_path):
    """A database of the old shape keeps every row and link through the change, forwards and
    backwards, on SQLite and on PostgreSQL (both at once, as above)."""
    packages = legacy_migration_packages(tmp_path / "lama")
    runs = {
        "sqlite": (
            start_script(
                LEGACY_ROUND_TRIP,
                f"sqlite:///{tmp_path / 'lama.sqlite3'}",
                tmp_path / "m1",
                packages,
            ),
            start_script(
                FRESH, f"sqlite:///{tmp_path / 'baru.sqlite3'}", tmp_path / "m2", packages
            ),
        )
    }
    names = []
    try:
        try:
            _psql("SELECT 1")
        except Exception:  # no local server: SQLite only
            postgres = False
        else:
            postgres = True
        if postgres:
            names = [f"ppid_mig_{uuid.uuid4().hex[:10]}" for _ in range(2)]
            for name in names:
                _psql(f'CREATE DATABASE "{name}"')
            runs["postgresql"] = (
                start_script(
                    LEGACY_ROUND_TRIP, f"{PG_SERVER}/{names[0]}", tmp_path / "m3", packages
                ),
                start_script(FRESH, f"{PG_SERVER}/{names[1]}", tmp_path / "m4", packages),
            )
        for vendor, (legacy, fresh) in runs.items():
            try:
                check_legacy_round_trip(report_of(legacy), report_of(fresh))
            except AssertionError as error:
                raise AssertionError(f"{vendor}: {error}") from error
    finally:
        for name in names:
            _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if "postgresql" not in runs:
        pytest.skip("PostgreSQL lokal tidak menjawab: hanya SQLite yang diperiksa")
