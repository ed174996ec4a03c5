"""Nomor pendaftaran under concurrency: unique and gapless when many requests arrive at once.

PostgreSQL: many threads, each with its own connection, submit at the same moment. SQLite: the
test database is in memory and shared-cache, which does not behave like the production file
database, so the same race is run in a subprocess against a real SQLite file with the portal's
production settings (WAL, busy timeout, IMMEDIATE transactions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.db import connection

from permohonan import workflow
from permohonan.models import Permohonan
from ppid_portal.roles import Role

from .factories import applicant_data

ROOT = Path(__file__).resolve().parents[2]
THREADS = 16


def _race(desk, count: int) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def submit(i: int):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            workflow.permohonan_submit(
                actor=desk,
                kanal=Permohonan.Kanal.TELEPON,
                data=applicant_data(nama=f"Pemohon {i}", email=""),
            )
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL race (run with DATABASE_URL)"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_on_postgresql_get_unique_gapless_numbers(make_user):
    desk = make_user(Role.DESK)
    errors = _race(desk, THREADS)
    assert errors == []
    numbers = sorted(Permohonan.objects.values_list("urut", flat=True))
    assert numbers == list(range(1, THREADS + 1))
    assert Permohonan.objects.values("nomor").distinct().count() == THREADS


SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import Group
    from django.db import connection
    from permohonan import workflow
    from permohonan.models import Permohonan
    from ppid_portal.models import User
    desk = User.objects.create(username="desk")
    desk.groups.add(Group.objects.get(name="Desk Pelayanan Informasi"))
    connection.close()
    count = int(sys.argv[1])
    barrier = threading.Barrier(count)
    errors = []
    data = {
        "jenis_pemohon": "perorangan", "nama": "Uji", "alamat": "Jl. Uji", "pekerjaan": "Uji",
        "telepon": "0812345678", "rincian_informasi": "Data", "tujuan_penggunaan": "Kajian",
        "cara_memperoleh": "melihat",
    }
    def submit():
        try:
            barrier.wait(timeout=30)
            workflow.permohonan_submit(actor=desk, kanal="telepon", data=data)
        except BaseException as exc:
            errors.append(repr(exc))
        finally:
            connection.close()
    threads = [threading.Thread(target=submit) for _ in range(count)]
    [t.start() for t in threads]
    [t.join(timeout=120) for t in threads]
    print(json.dumps({
        "errors": errors,
        "urut": sorted(Permohonan.objects.values_list("urut", flat=True)),
        "nomor": Permohonan.objects.values("nomor").distinct().count(),
    }))
    """
)


@pytest.mark.once  # engine-independent: CI runs it in the SQLite pass only
def test_concurrent_submissions_on_a_sqlite_file_are_serialised(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "ppid_portal.settings",
        "DEBUG": "1",
        "PPID_ENV_FILE": "/dev/null",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(THREADS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["urut"] == list(range(1, THREADS + 1))
    assert outcome["nomor"] == THREADS
