"""The four number series of the permohonan app, from the portal's one gapless counter
(ppid_portal.numbering), each counted per year: nomor pendaftaran ("permohonan.permohonan"),
pemberitahuan tertulis ("permohonan.pemberitahuan"), keberatan ("permohonan.keberatan") and the
Atasan's tanggapan ("permohonan.tanggapan"). Their formats stay the office's settings
(permohonan.conf.nomor_format). The register number of a sengketa and the number of a decree a
notice cites are typed or copied, not issued: not series.

PostgreSQL: many threads, each with its own connection, act at the same moment. SQLite: the
test database is in memory and shared-cache, which does not behave like the production file
database, so the registration race is run in a subprocess against a real SQLite file with the
portal's production settings (WAL, busy timeout, IMMEDIATE transactions); the other series are
checked in order there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from permohonan import documents, workflow
from permohonan.models import Keberatan, Keputusan, Permohonan
from ppid_portal import numbering
from ppid_portal.models import NomorUrut
from ppid_portal.roles import Role
from tests.migrating import migrate, migrate_to_latest
from tests.portal.samples import pdf_bytes
from tests.race import THREADS, Fails, on_postgresql, race

from .factories import applicant_data

ROOT = Path(__file__).resolve().parents[2]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_on_postgresql_get_unique_gapless_numbers(make_user):
    desk = make_user(Role.DESK)

    def submit(i: int) -> None:
        workflow.permohonan_submit(
            actor=desk,
            kanal=Permohonan.Kanal.TELEPON,
            data=applicant_data(nama=f"Pemohon {i}", email=""),
        )

    # One more submission than numbers: it rolls back after taking its number.
    errors = race(submit, THREADS + 1, fail=0)
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


# --- pemberitahuan tertulis, keberatan, tanggapan --------------------------------------------


@pytest.fixture
def quick_letters(monkeypatch):
    """The notice and the answer are stored as a small fixed PDF: these tests are about their
    numbers, and rendering 17 letters one after the other under the counter's lock is slow."""
    content = pdf_bytes("Surat uji")
    monkeypatch.setattr(documents, "pemberitahuan_pdf", lambda keputusan: content)
    monkeypatch.setattr(documents, "tanggapan_pdf", lambda keberatan: content)


def verified_requests(users, count: int) -> list[Permohonan]:
    desk = users[Role.DESK]
    result = []
    for i in range(count):
        p, _code = workflow.permohonan_submit(
            actor=desk,
            kanal=Permohonan.Kanal.TELEPON,
            data=applicant_data(nama=f"Pemohon {i}", email=""),
        )
        result.append(workflow.permohonan_verify(permohonan_id=p.pk, actor=desk))
    return result


def decide(users, p: Permohonan) -> Keputusan:
    return workflow.permohonan_decide(
        permohonan_id=p.pk,
        actor=users[Role.PPID],
        putusan=workflow.Putusan(hasil=Keputusan.Hasil.TIDAK_DIKUASAI),
    )


def object_to(users, p: Permohonan) -> Keberatan:
    return workflow.keberatan_submit(
        permohonan_id=p.pk,
        actor=users[Role.DESK],
        alasan=["e"],
        kasus_posisi="Informasi yang diminta ada pada unit ini.",
    )


def answer(users, kb: Keberatan) -> Keberatan:
    return workflow.keberatan_decide(
        keberatan_id=kb.pk,
        actor=users[Role.ATASAN],
        putusan=Keberatan.Putusan.MENGUATKAN,
        pertimbangan="Informasi memang tidak dikuasai.",
    )


def decided_requests(users, count: int) -> list[Permohonan]:
    return [decide(users, p).permohonan for p in verified_requests(users, count)]


def filed_objections(users, count: int) -> list[Keberatan]:
    return [object_to(users, p) for p in decided_requests(users, count)]


def sequence(numbers: list[str], suffix: str) -> list[int]:
    """The sequence numbers of formatted numbers "007<suffix>", checking each is distinct."""
    assert len(set(numbers)) == len(numbers)
    assert all(n.endswith(suffix) for n in numbers), numbers
    return sorted(int(n.removesuffix(suffix)) for n in numbers)


def _suffix(kind: str) -> str:
    today = timezone.localdate()
    return f"/{kind}/PPID/{numbering.ROMAN[today.month]}/{today.year}"


def notice_numbers() -> list[int]:
    return sequence(list(Keputusan.objects.values_list("nomor", flat=True)), _suffix("PT"))


def objection_numbers() -> list[int]:
    year = timezone.localdate().year
    assert set(Keberatan.objects.values_list("tahun", flat=True)) == {year}
    numbers = list(Keberatan.objects.values_list("nomor", flat=True))
    assert sequence(numbers, _suffix("KEB")) == sorted(
        Keberatan.objects.values_list("urut", flat=True)
    )
    return sorted(Keberatan.objects.values_list("urut", flat=True))


def answer_numbers() -> list[int]:
    numbers = Keberatan.objects.exclude(nomor_tanggapan=None).values_list("nomor_tanggapan")
    return sequence([n for (n,) in numbers], _suffix("TK"))


@pytest.mark.clock
@pytest.mark.django_db
def test_each_series_counts_in_order_and_a_failed_step_gives_its_number_back(users, quick_letters):
    p1, p2, p3 = verified_requests(users, 3)
    with pytest.raises(Fails), transaction.atomic():
        verified_requests(users, 1)
        raise Fails
    assert sorted(Permohonan.objects.values_list("urut", flat=True)) == [1, 2, 3]
    assert verified_requests(users, 1)[0].urut == 4

    decide(users, p1)
    with pytest.raises(Fails), transaction.atomic():
        decide(users, p2)
        raise Fails
    decide(users, p3)
    assert notice_numbers() == [1, 2]

    kb1 = object_to(users, p1)
    with pytest.raises(Fails), transaction.atomic():
        object_to(users, p3)
        raise Fails
    kb3 = object_to(users, p3)
    assert objection_numbers() == [1, 2]

    answer(users, kb1)
    with pytest.raises(Fails), transaction.atomic():
        answer(users, kb3)
        raise Fails
    assert answer_numbers() == [1]
    answer(users, kb3)
    assert answer_numbers() == [1, 2]
    year = timezone.localdate().year
    assert {
        jenis: numbering.last(f"permohonan.{jenis}", year=year)
        for jenis in ("permohonan", "pemberitahuan", "keberatan", "tanggapan")
    } == {"permohonan": 4, "pemberitahuan": 2, "keberatan": 2, "tanggapan": 2}


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_notices_issued_at_once_on_postgresql_are_numbered_one_to_sixteen(users, quick_letters):
    requests = verified_requests(users, THREADS + 1)
    errors = race(lambda i: decide(users, requests[i]), THREADS + 1, fail=0)
    assert errors == []
    assert notice_numbers() == list(range(1, THREADS + 1))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_objections_filed_at_once_on_postgresql_are_numbered_one_to_sixteen(users, quick_letters):
    requests = decided_requests(users, THREADS + 1)
    errors = race(lambda i: object_to(users, requests[i]), THREADS + 1, fail=0)
    assert errors == []
    assert objection_numbers() == list(range(1, THREADS + 1))


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_answers_given_at_once_on_postgresql_are_numbered_one_to_sixteen(users, quick_letters):
    objections = filed_objections(users, THREADS + 1)
    errors = race(lambda i: answer(users, objections[i]), THREADS + 1, fail=0)
    assert errors == []
    assert answer_numbers() == list(range(1, THREADS + 1))


# --- the data migration ---------------------------------------------------------------------


BEFORE = ("permohonan", "0004_merge_0003_keputusan_penetapan_0003_laporan_survei")


@pytest.mark.django_db(transaction=True)
def test_the_counters_move_to_the_portal_table_and_back(users, quick_letters):
    year = timezone.localdate().year
    (p,) = decided_requests(users, 1)
    try:
        old = migrate(BEFORE).get_model("permohonan", "NomorUrut")
        # Back: the app's own counters again, with the values they had.
        assert set(old.objects.values_list("jenis", "tahun", "terakhir")) == {
            ("permohonan", year, 1),
            ("pemberitahuan", year, 1),
        }
        assert not NomorUrut.objects.filter(seri__startswith="permohonan.").exists()
        old.objects.create(jenis="keberatan", tahun=2024, terakhir=31)
        old.objects.filter(jenis="permohonan").update(terakhir=12)
        # A request numbered above its counter (written by hand) is never numbered twice.
        Permohonan.objects.filter(pk=p.pk).update(tahun=2023, urut=40)
        migrate_to_latest()
        assert set(
            NomorUrut.objects.filter(seri__startswith="permohonan.").values_list(
                "seri", "tahun", "terakhir"
            )
        ) == {
            ("permohonan.permohonan", year, 12),
            ("permohonan.pemberitahuan", year, 1),
            ("permohonan.keberatan", 2024, 31),
            ("permohonan.permohonan", 2023, 40),
        }
        assert verified_requests(users, 1)[0].urut == 13
    finally:
        migrate_to_latest()
