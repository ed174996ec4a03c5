"""Backups that restore: the bundle, its verification, and restores into fresh databases of both
engines (driven through manage.py in a subprocess with its own DATABASE_URL and MEDIA_ROOT)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import signal
import stat
import subprocess
import sys
import tarfile
import time
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from arsip import workflow
from arsip.models import LaporanCadangan
from arsip.services import cadangan, fisik
from ppid_portal.files import store_upload
from ppid_portal.models import AuditLog, StoredFile
from tests.arsip.factories import add_photo, add_scan, make_item, make_kegiatan, upload
from tests.portal.samples import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
EXCLUDE = ["-e", "contenttypes", "-e", "auth.permission", "-e", "sessions"]


# --- helpers -------------------------------------------------------------------------------------


def env_for(db_url: str, media: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "MEDIA_ROOT"}}
    env.update(PPID_ENV_FILE="/dev/null", DEBUG="1", DATABASE_URL=db_url, MEDIA_ROOT=str(media))
    return env


def manage(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def normalise(objects: list[dict]) -> dict:
    """Rows keyed by (model, pk), many-to-many lists sorted; the restore's own report row is
    left out (it is the one row a restore adds on purpose)."""
    rows = {}
    for obj in objects:
        if obj["model"] == "arsip.laporancadangan" and obj["fields"]["jenis"] == "pemulihan":
            continue
        model = apps.get_model(obj["model"])
        fields = {}
        for name, value in obj["fields"].items():
            if model._meta.get_field(name).many_to_many:
                value = sorted(value, key=json.dumps)
            fields[name] = value
        rows[(obj["model"], obj["pk"])] = fields
    return rows


def dump_here() -> dict:
    out = io.StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=["contenttypes", "auth.permission", "sessions"],
        stdout=out,
    )
    return normalise(json.loads(out.getvalue()))


def dump_there(env) -> dict:
    result = manage("dumpdata", "--natural-foreign", *EXCLUDE, env=env)
    assert result.returncode == 0, result.stderr
    return normalise(json.loads(result.stdout))


def media_files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def archive(
    settings, users, desk, ppid, atasan, unit, jadwal, tree, django_capture_on_commit_callbacks
):
    """An archive touching every kind of row: items in boxes, a move, scans, an approved
    disposal (file gone), an activity with a photo, a link, logins, odd file names."""
    settings.ARSIP_TAUTAN_MODELS = ["portal.UnitKerja"]
    item = make_item(desk, unit=unit, lokasi=tree["b1"], judul="Anggaran “2020” — ü")
    add_scan(desk, item, name="Laporan ü.pdf")
    fisik.item_relocate(item=item, ke=tree["b2"], actor=desk, alasan="Ditata ulang")
    fisik.item_link(item=item, actor=desk, jenis="portal.unitkerja", object_id=str(unit.pk))
    old = make_item(desk, unit=unit, lokasi=tree["b1"], mulai=date(2010, 1, 1), judul="Lama")
    add_scan(desk, old, name="lama.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        usul = workflow.pemusnahan_propose(items=[old], actor=ppid, pertimbangan="Retensi berakhir")
        workflow.pemusnahan_approve(usul=usul, actor=atasan, alasan="Disetujui")
    kegiatan = make_kegiatan(desk, publik=True)
    add_photo(desk, kegiatan)
    store_upload(upload("surat.docx", docx_bytes()), purpose="jawaban", actor=desk)
    Client().force_login(desk)
    # A stray file the portal does not know: "all media files" includes it.
    stray = settings.MEDIA_ROOT / "lain" / "nama dengan spasi %20.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"catatan lepas\n")


@pytest.fixture
def bundle(archive, tmp_path) -> Path:
    return cadangan.cadangan_create(tmp_path / "cadangan").path


def flip_byte(bundle: Path, member_suffix: str, at: int = 10) -> None:
    with tarfile.open(bundle) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(member_suffix))
        offset = member.offset_data + min(at, member.size - 1)
    with open(bundle, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x01]))


@pytest.fixture
def pg_admin():
    import psycopg

    try:
        conn = psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres",
            autocommit=True,
            connect_timeout=5,
        )
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL di 127.0.0.1 tidak tersedia: {exc}")
    created: list[str] = []

    def create() -> str:
        name = f"ppid_arsip_restore_{secrets.token_hex(4)}"
        conn.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return f"postgres://postgres@127.0.0.1:5432/{name}"

    yield create
    for name in created:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


# --- the bundle ----------------------------------------------------------------------------------


def test_bundle_is_a_bag_with_every_file_and_a_report(bundle, archive):
    assert cadangan.BUNDLE_RE.match(bundle.name)
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    with tarfile.open(bundle) as tar:
        names = {m.name.split("/", 1)[1] for m in tar.getmembers()}
        manifest = tar.extractfile(f"{bundle.stem}/manifest-sha256.txt").read().decode()
        info = tar.extractfile(f"{bundle.stem}/bag-info.txt").read().decode()
        bagit = tar.extractfile(f"{bundle.stem}/bagit.txt").read().decode()
    assert bagit.startswith("BagIt-Version: 1.0")
    media = media_files(settings.MEDIA_ROOT)
    assert {f"data/media/{rel}" for rel in media} | {
        "data/database.json",
        "data/skema.json",
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    } == names
    for rel, data in media.items():
        encoded = rel.replace("%", "%25")
        assert f"{hashlib.sha256(data).hexdigest()}  data/media/{encoded}\n" in manifest
    # The destroyed scan is not on disk, so not in the bundle.
    assert not any(name.endswith("lama.pdf") for name in names)
    assert "Payload-Oxum: " in info and f"PPID-Jumlah-Berkas-Media: {len(media)}" in info
    report = LaporanCadangan.objects.get(jenis="cadangan")
    assert report.hasil == "berhasil" and report.bundel == str(bundle)
    assert report.ukuran == bundle.stat().st_size and report.jumlah_berkas == len(media)
    with tarfile.open(bundle) as tar:
        manifest_bytes = tar.extractfile(f"{bundle.stem}/manifest-sha256.txt").read()
    assert report.digest_manifest == hashlib.sha256(manifest_bytes).hexdigest()
    assert (
        report.jumlah_objek == sum(m._base_manager.count() for m in cadangan.exported_models()) - 1
    )  # the report row itself is written after the bundle


def test_verify_passes_an_intact_bundle(bundle):
    result = cadangan.bundel_verify(bundle)
    assert result.ok, result.errors
    call_command("backup", verify=str(bundle))
    assert LaporanCadangan.objects.get(jenis="verifikasi").hasil == "berhasil"


@pytest.mark.parametrize(
    "member,expected",
    [
        (".pdf", "SHA-256 berbeda (isi berubah): data/media/"),
        ("data/database.json", "SHA-256 berbeda (isi berubah): data/database.json"),
        ("manifest-sha256.txt", "berkas tag berubah"),
    ],
)
def test_verify_catches_a_changed_byte(bundle, member, expected):
    flip_byte(bundle, member)
    result = cadangan.bundel_verify(bundle)
    assert not result.ok
    assert any(expected in error for error in result.errors), result.errors
    with pytest.raises(CommandError):
        call_command("backup", verify=str(bundle))
    assert LaporanCadangan.objects.get(jenis="verifikasi").hasil == "gagal"


def test_verify_catches_a_truncated_bundle(bundle):
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) // 2])
    assert not cadangan.bundel_verify(bundle).ok


def test_verify_refuses_members_outside_the_bag(tmp_path):
    evil = tmp_path / "ppid-cadangan-20260101T000000.tar"
    with tarfile.open(evil, "w") as tar:
        info = tarfile.TarInfo("../../etc/passwd")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    result = cadangan.bundel_verify(evil)
    assert any("tidak sah" in e for e in result.errors)


def test_failed_backup_leaves_no_bundle_and_is_reported(archive, tmp_path):
    # A named pipe in the media folder cannot be backed up safely: the run fails part-way,
    # after the database export has been written into the temporary file.
    os.mkfifo(settings.MEDIA_ROOT / "zz-pipa")
    dest = tmp_path / "cadangan"
    with pytest.raises(cadangan.CadanganError):
        cadangan.cadangan_create(dest)
    assert list(dest.iterdir()) == []
    report = LaporanCadangan.objects.get()
    assert report.hasil == "gagal" and "bukan berkas biasa" in report.pesan


def test_backup_refuses_a_destination_inside_media(archive):
    with pytest.raises(CommandError) as exc:
        call_command("backup", str(settings.MEDIA_ROOT / "cadangan"))
    assert "MEDIA_ROOT" in str(exc.value)


def test_keep_removes_the_oldest_bundles(archive, tmp_path):
    dest = tmp_path / "cadangan"
    dest.mkdir()
    for stamp in ("20200101T010000", "20200102T010000", "20200103T010000"):
        (dest / f"ppid-cadangan-{stamp}.tar").write_bytes(b"lama")
    (dest / "catatan.txt").write_text("bukan bundel")
    call_command("backup", str(dest), keep=2)
    names = sorted(p.name for p in dest.iterdir())
    assert names[0] == "catatan.txt" and "ppid-cadangan-20200103T010000.tar" in names
    assert len([n for n in names if n.endswith(".tar")]) == 2
    assert "20200101T010000" in LaporanCadangan.objects.get().pesan


def test_stale_partial_of_a_killed_run_is_cleaned_up(archive, tmp_path):
    dest = tmp_path / "cadangan"
    dest.mkdir()
    stale = dest / ".ppid-cadangan-20200101T000000.tar.partial"
    fresh = dest / ".ppid-cadangan-20990101T000000.tar.partial"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - 2 * cadangan.STALE_PARTIAL_SECONDS
    os.utime(stale, (old, old))
    cadangan.cadangan_create(dest)
    assert not stale.exists() and fresh.exists()


# --- restore -------------------------------------------------------------------------------------


def test_restore_refuses_a_non_empty_target_and_writes_nothing(bundle):
    before = (AuditLog.objects.count(), StoredFile.objects.count())
    media_before = media_files(settings.MEDIA_ROOT)
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(bundle))
    assert "tidak kosong" in str(exc.value) and "--force" in str(exc.value)
    assert (AuditLog.objects.count(), StoredFile.objects.count()) == before
    assert media_files(settings.MEDIA_ROOT) == media_before


def test_restore_verifies_before_it_writes_anything(bundle, tmp_path):
    flip_byte(bundle, "data/database.json")
    target_db = tmp_path / "kosong.sqlite3"
    env = env_for(f"sqlite:///{target_db}", tmp_path / "media-kosong")
    result = manage("restore", str(bundle), env=env)
    assert result.returncode != 0
    assert "tidak lolos verifikasi" in result.stderr
    # Not even the schema was created, and no media folder appeared.
    assert not target_db.exists() or target_db.stat().st_size == 0
    assert not (tmp_path / "media-kosong").exists()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_round_trip_into_a_fresh_database(archive, tmp_path, engine, pg_admin):
    """backup here → restore into a fresh database of either engine → identical rows and
    byte-identical files. Run on SQLite and on PostgreSQL this covers both engines and both
    directions across them."""
    expected_rows = dump_here()
    expected_media = media_files(settings.MEDIA_ROOT)
    bundle = cadangan.cadangan_create(tmp_path / "cadangan").path

    db_url = f"sqlite:///{tmp_path / 'pulih.sqlite3'}" if engine == "sqlite" else pg_admin()
    media = tmp_path / "media-pulih"
    env = env_for(db_url, media)
    result = manage("restore", str(bundle), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pemulihan selesai" in result.stdout

    assert dump_there(env) == expected_rows
    assert media_files(media) == expected_media
    assert not any(p.name.startswith(".") for p in media.rglob("*"))

    # The restored portal works: its own fixity check finds every recorded file intact; the
    # one stray file, restored because it was in the media folder, is still an orphan.
    check = manage("periksa_arsip", env=env)
    findings = [line for line in check.stderr.splitlines() if ": " in line]
    assert findings[0] == "Berkas tanpa catatan (yatim): lain/nama dengan spasi %20.txt"
    assert "1 masalah" in check.stderr and "1 berkas dimusnahkan dilewati" in check.stdout

    # A second restore into the now non-empty target is refused, unless forced.
    again = manage("restore", str(bundle), env=env)
    assert again.returncode != 0 and "tidak kosong" in again.stderr
    if engine == "sqlite":
        (media / "tambahan.txt").write_bytes(b"akan hilang")
        forced = manage("restore", "--force", str(bundle), env=env)
        assert forced.returncode == 0, forced.stderr
        assert dump_there(env) == expected_rows
        assert media_files(media) == expected_media


def test_killed_backup_leaves_no_bundle_under_the_final_name(tmp_path, pg_admin):
    """kill -9 in the middle of a run: a PostgreSQL source whose user table is locked holds the
    backup inside its database export, after the temporary file has been opened."""
    import psycopg

    db_url = pg_admin()
    env = env_for(db_url, tmp_path / "media")
    assert manage("migrate", "-v0", env=env).returncode == 0
    dest = tmp_path / "cadangan"
    dsn = db_url.replace("postgres://", "postgresql://")
    with psycopg.connect(dsn) as locker:
        locker.execute("LOCK TABLE portal_user IN ACCESS EXCLUSIVE MODE")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "backup", str(dest)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not list(dest.glob(".*.partial")):
                assert process.poll() is None, "backup ended before it was interrupted"
                assert time.monotonic() < deadline, "backup never started writing"
                time.sleep(0.05)
            time.sleep(0.5)
            assert process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
        locker.rollback()
    assert cadangan.bundel_list(dest) == []
    assert not list(dest.glob("*.tar"))
    # The next run completes normally next to the leftover temporary file.
    result = manage("backup", str(dest), env=env)
    assert result.returncode == 0, result.stderr
    assert len(cadangan.bundel_list(dest)) == 1


def test_exported_models_cover_every_installed_app():
    labels = {m._meta.label_lower for m in cadangan.exported_models()}
    assert "portal.user" in labels and "arsip.itemarsip" in labels and "auth.group" in labels
    assert "contenttypes.contenttype" not in labels and "sessions.session" not in labels
    for model in apps.get_models():
        meta = model._meta
        if meta.managed and not meta.proxy and meta.app_label not in {"contenttypes", "sessions"}:
            if meta.label_lower != "auth.permission":
                assert meta.label_lower in labels


def test_database_engine_is_recorded(bundle):
    with tarfile.open(bundle) as tar:
        schema = json.load(tar.extractfile(f"{bundle.stem}/data/skema.json"))
    assert schema["engine"] == connection.vendor
    assert ["arsip", "0001_initial"] in schema["migrations"]


def test_pdf_bytes_helper_is_real():
    assert pdf_bytes().startswith(b"%PDF")


def test_a_bundle_from_a_newer_portal_is_refused_before_anything_is_written():
    schema = json.dumps({"engine": "sqlite", "migrations": [["arsip", "0999_masa_depan"]]})
    with pytest.raises(cadangan.CadanganError) as exc:
        cadangan._check_schema(schema.encode())
    assert "arsip.0999_masa_depan" in str(exc.value)
    with pytest.raises(cadangan.CadanganError):
        cadangan._check_schema(b"\xff")
    current = json.dumps({"migrations": [["arsip", "0001_initial"], ["portal", "0001_initial"]]})
    cadangan._check_schema(current.encode())


def test_backup_export_keeps_microseconds():
    import datetime

    from arsip.services.cadangan import LosslessJSONEncoder

    moment = datetime.datetime(2026, 11, 22, 1, 15, 25, 123, tzinfo=datetime.UTC)
    assert json.dumps(moment, cls=LosslessJSONEncoder) == '"2026-11-22T01:15:25.000123Z"'
