"""Backups that restore: one self-contained bundle per run.

A bundle is a tar file holding a BagIt bag (RFC 8493)::

    ppid-cadangan-20260115T020000/
      bagit.txt
      data/database.json        dumpdata of every installed app, natural foreign keys
      data/skema.json           the migrations applied when the bundle was made
      data/media/...            every file under MEDIA_ROOT
      manifest-sha256.txt       SHA-256 of every payload file
      bag-info.txt              when, from where, Payload-Oxum, counts
      tagmanifest-sha256.txt    SHA-256 of the three tag files above

The database export holds primary keys as they are and refers to content types, permissions,
groups and users by natural key, so it loads into a freshly migrated SQLite or PostgreSQL
database whatever ids those rows got there. It is generic: whatever models the installed apps
define are exported and restored, with no list to keep up to date.

Bundles are written under a temporary name in the destination folder and renamed only when
complete and flushed to disk, so an interrupted run never leaves a bundle under a final name.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from ppid_portal.models import AuditLog, StoredFile

from ..models import LaporanCadangan

PREFIX = "ppid-cadangan-"
SUFFIX = ".tar"
PARTIAL = ".partial"
BUNDLE_RE = re.compile(r"^ppid-cadangan-\d{8}T\d{6}(-\d+)?\.tar$")
CHUNK = 1024 * 1024
# Rows `migrate` creates again in any database, and sessions, which must not outlive a restore.
EXCLUDED_FROM_EXPORT = ("contenttypes", "auth.permission", "sessions")
DATABASE = "data/database.json"
SCHEMA = "data/skema.json"
MEDIA = "data/media/"
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
# A stale partial bundle of a run that died (power cut, kill -9) is removed after this long.
STALE_PARTIAL_SECONDS = 24 * 60 * 60


class LosslessJSONEncoder(DjangoJSONEncoder):
    """dumpdata's encoder cuts times to milliseconds; a backup keeps every microsecond, so a
    restored row is identical to the original."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class CadanganError(Exception):
    """A backup, verification or restore that cannot go on; the message is for the operator."""


@dataclass
class HasilCadangan:
    path: Path
    size: int
    objects: int
    files: int
    manifest_digest: str


@dataclass
class HasilVerifikasi:
    path: Path
    errors: list[str] = field(default_factory=list)
    files: int = 0
    payload_bytes: int = 0
    manifest_digest: str = ""
    info: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, str] = field(default_factory=dict)
    schema: bytes = b""

    @property
    def ok(self) -> bool:
        return not self.errors


# --- helpers ------------------------------------------------------------------------------------


def _encode_path(path: str) -> str:
    # BagIt 1.0 §2.1.3: only CR, LF and % are percent-encoded in manifest paths.
    return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")


def _decode_path(path: str) -> str:
    return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _manifest_text(digests: dict[str, str]) -> bytes:
    return "".join(f"{digests[p]}  {_encode_path(p)}\n" for p in sorted(digests)).encode()


def _parse_manifest(data: bytes, label: str, errors: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        digest, sep, path = line.partition("  ")
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", digest):
            errors.append(f"Baris {number} {label} tidak sah: {line[:80]!r}")
            continue
        result[_decode_path(path)] = digest
    return result


def _parse_info(data: bytes) -> dict[str, str]:
    info = {}
    for line in data.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


class _HashingReader(io.RawIOBase):
    """Reads a file for tarfile while hashing what passes through, so each file is read once."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def exported_models() -> list:
    excluded_apps = {e for e in EXCLUDED_FROM_EXPORT if "." not in e}
    excluded_models = {e for e in EXCLUDED_FROM_EXPORT if "." in e}
    result = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in excluded_apps or meta.label_lower in excluded_models:
            continue
        result.append(model)
    return result


def _media_files(root: Path) -> Iterator[tuple[Path, str]]:
    if not root.exists():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(dirnames):
            if (Path(dirpath) / name).is_symlink():
                raise CadanganError(
                    f"{Path(dirpath) / name} adalah tautan simbolik; folder media hanya boleh "
                    "berisi folder dan berkas biasa."
                )
        for name in sorted(filenames):
            path = Path(dirpath) / name
            mode = path.lstat().st_mode
            if not stat.S_ISREG(mode):
                raise CadanganError(
                    f"{path} bukan berkas biasa (tautan, pipa atau perangkat) dan tidak dapat "
                    "dicadangkan dengan aman."
                )
            yield path, path.relative_to(root).as_posix()


def _applied_migrations(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


# --- backup -------------------------------------------------------------------------------------


def _bundle_name(dest: Path) -> str:
    stamp = timezone.localtime().strftime("%Y%m%dT%H%M%S")
    name = f"{PREFIX}{stamp}"
    counter = 1
    while (dest / f"{name}{SUFFIX}").exists() or (dest / f".{name}{SUFFIX}{PARTIAL}").exists():
        counter += 1
        name = f"{PREFIX}{stamp}-{counter}"
    return name


def _export_database(handle, using: str) -> tuple[int, list[list[str]]]:
    """Every exported model into `handle` as one JSON fixture, from one snapshot, in the order
    `dumpdata` uses (models a natural key depends on first); returns the row count and the
    applied migrations."""
    connection = connections[using]
    models = [m for m in exported_models() if router.allow_migrate_model(using, m)]
    app_list = {}
    for model in models:
        app_list.setdefault(model._meta.app_config, []).append(model)
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    count = 0

    def objects():
        nonlocal count
        for model in ordered:
            queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
            for obj in queryset.iterator(chunk_size=2000):
                count += 1
                yield obj

    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
            # A consistent snapshot of all tables while the portal keeps running.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        serializers.serialize(
            "json",
            objects(),
            stream=handle,
            use_natural_foreign_keys=True,
            cls=LosslessJSONEncoder,
        )
        schema = _applied_migrations(using)
    return count, schema


def cadangan_create(
    dest: Path,
    *,
    keep: int | None = None,
    using: str = DEFAULT_DB_ALIAS,
    media_root: Path | None = None,
    report: bool = True,
) -> HasilCadangan:
    """Write one bundle into folder `dest` and (with `report`) a LaporanCadangan row for it.

    `keep` removes older bundles in `dest` beyond the newest `keep`.
    """
    started = timezone.now()
    try:
        result = _write_bundle(Path(dest), using=using, media_root=media_root)
    except Exception as exc:
        if report:
            try:
                LaporanCadangan.objects.using(using).create(
                    jenis=LaporanCadangan.Jenis.CADANGAN,
                    mulai=started,
                    selesai=timezone.now(),
                    hasil=LaporanCadangan.Hasil.GAGAL,
                    bundel=str(dest),
                    pesan=f"{type(exc).__name__}: {exc}"[:2000],
                )
            except DatabaseError:
                # The database itself may be what failed; the original error matters more.
                pass
        raise
    removed: list[Path] = []
    if keep:
        removed = bundel_prune(Path(dest), keep=keep)
    if report:
        message = ""
        if removed:
            message = "Bundel lama dihapus: " + ", ".join(p.name for p in removed)
        LaporanCadangan.objects.using(using).create(
            jenis=LaporanCadangan.Jenis.CADANGAN,
            mulai=started,
            selesai=timezone.now(),
            hasil=LaporanCadangan.Hasil.BERHASIL,
            bundel=str(result.path),
            ukuran=result.size,
            jumlah_objek=result.objects,
            jumlah_berkas=result.files,
            digest_manifest=result.manifest_digest,
            pesan=message,
        )
    return result


def _write_bundle(dest: Path, *, using: str, media_root: Path | None) -> HasilCadangan:
    media = Path(media_root or settings.MEDIA_ROOT).resolve()
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    dest = dest.resolve()
    if dest == media or dest.is_relative_to(media):
        raise CadanganError(
            "Folder tujuan cadangan tidak boleh berada di dalam MEDIA_ROOT: cadangan akan ikut "
            "mencadangkan dirinya sendiri."
        )
    _remove_stale_partials(dest)
    name = _bundle_name(dest)
    final = dest / f"{name}{SUFFIX}"
    partial = dest / f".{name}{SUFFIX}{PARTIAL}"
    digests: dict[str, str] = {}
    sizes: dict[str, int] = {}
    media_count = 0
    try:
        # The bundle holds the whole database (accounts, citizens' data): owner-only.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(fd, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT, encoding="utf-8") as tar,
        ):
            now = time.time()

            def add_bytes(rel: str, data: bytes) -> str:
                info = tarfile.TarInfo(f"{name}/{rel}")
                info.size = len(data)
                info.mtime = int(now)
                info.mode = 0o640
                tar.addfile(info, io.BytesIO(data))
                return hashlib.sha256(data).hexdigest()

            add_bytes("bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")

            with tempfile.TemporaryFile(dir=dest, prefix=".db-") as dump:
                text = io.TextIOWrapper(dump, encoding="utf-8", newline="\n")
                objects, schema = _export_database(text, using)
                text.flush()
                size = dump.tell()
                dump.seek(0)
                reader = _HashingReader(dump)
                info = tarfile.TarInfo(f"{name}/{DATABASE}")
                info.size = size
                info.mtime = int(now)
                info.mode = 0o640
                tar.addfile(info, reader)
                digests[DATABASE] = reader.digest.hexdigest()
                sizes[DATABASE] = size
                text.detach()

            schema_bytes = json.dumps(
                {"engine": connections[using].vendor, "migrations": schema}, indent=1
            ).encode()
            digests[SCHEMA] = add_bytes(SCHEMA, schema_bytes)
            sizes[SCHEMA] = len(schema_bytes)

            for path, rel in _media_files(media):
                arc = f"{MEDIA}{rel}"
                st = path.stat()
                with open(path, "rb") as handle:
                    reader = _HashingReader(handle)
                    info = tarfile.TarInfo(f"{name}/{arc}")
                    info.size = st.st_size
                    info.mtime = int(st.st_mtime)
                    info.mode = 0o640
                    tar.addfile(info, reader)
                digests[arc] = reader.digest.hexdigest()
                sizes[arc] = st.st_size
                media_count += 1

            manifest = _manifest_text(digests)
            manifest_digest = hashlib.sha256(manifest).hexdigest()
            octets = sum(sizes.values())
            info_text = (
                f"Source-Organization: {settings.PPID_OFFICE_NAME}\n"
                f"Bagging-Date: {timezone.localdate():%Y-%m-%d}\n"
                f"Bagging-Timestamp: {timezone.localtime().isoformat()}\n"
                "External-Description: Cadangan portal PPID (basis data dan berkas unggahan)\n"
                f"Payload-Oxum: {octets}.{len(digests)}\n"
                f"Bag-Size: {filesizeformat(octets)}\n"
                f"PPID-Database-Engine: {connections[using].vendor}\n"
                f"PPID-Jumlah-Baris: {objects}\n"
                f"PPID-Jumlah-Berkas-Media: {media_count}\n"
            ).encode()
            tags = {
                "bagit.txt": hashlib.sha256(
                    b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
                ).hexdigest()
            }
            tags["manifest-sha256.txt"] = add_bytes("manifest-sha256.txt", manifest)
            tags["bag-info.txt"] = add_bytes("bag-info.txt", info_text)
            add_bytes("tagmanifest-sha256.txt", _manifest_text(tags))
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
        _fsync_dir(dest)
    except BaseException:
        # Whatever stopped the run (an error, Ctrl-C, SIGTERM turned into SystemExit), nothing
        # is left under the final name and the partial file goes too.
        partial.unlink(missing_ok=True)
        raise
    return HasilCadangan(
        path=final,
        size=final.stat().st_size,
        objects=objects,
        files=media_count,
        manifest_digest=manifest_digest,
    )


def _remove_stale_partials(dest: Path) -> None:
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for path in dest.glob(f".{PREFIX}*{SUFFIX}{PARTIAL}"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            continue


def bundel_list(dest: Path) -> list[Path]:
    """Complete bundles in `dest`, oldest first (the name carries the time)."""
    if not dest.is_dir():
        return []
    return sorted(p for p in dest.iterdir() if p.is_file() and BUNDLE_RE.match(p.name))


def bundel_prune(dest: Path, *, keep: int) -> list[Path]:
    if keep < 1:
        raise CadanganError("Jumlah bundel yang disimpan minimal 1.")
    bundles = bundel_list(dest)
    old = bundles[:-keep] if len(bundles) > keep else []
    for path in old:
        path.unlink()
    return old


# --- verify -------------------------------------------------------------------------------------


def _safe_member(name: str, root: str | None) -> tuple[str, str] | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    top = path.parts[0]
    if root is not None and top != root:
        return None
    return top, "/".join(path.parts[1:])


def _iter_bundle(
    bundle: Path, errors: list[str], on_file: Callable[[str, tarfile.TarFile, tarfile.TarInfo], str]
) -> tuple[dict[str, str], dict[str, int], dict[str, bytes], str | None]:
    """Walk a bundle once; `on_file(rel, tar, member)` returns the SHA-256 of a payload file."""
    found: dict[str, str] = {}
    sizes: dict[str, int] = {}
    tags: dict[str, bytes] = {}
    root: str | None = None
    try:
        with tarfile.open(bundle, mode="r:") as tar:
            for member in tar:
                parts = _safe_member(member.name, root)
                if parts is None:
                    errors.append(f"Isi bundel tidak sah: {member.name!r}")
                    continue
                root = parts[0]
                rel = parts[1]
                if member.isdir():
                    continue
                if not member.isfile():
                    errors.append(f"Isi bundel bukan berkas biasa: {member.name!r}")
                    continue
                if rel in (*TAG_FILES, "tagmanifest-sha256.txt"):
                    handle = tar.extractfile(member)
                    tags[rel] = handle.read() if handle else b""
                    found[rel] = hashlib.sha256(tags[rel]).hexdigest()
                elif rel.startswith("data/"):
                    if rel == SCHEMA and member.size < 10 * 1024 * 1024:
                        # Kept so a restore can check the schema before writing anything.
                        handle = tar.extractfile(member)
                        tags[rel] = handle.read() if handle else b""
                        found[rel] = on_file(rel, tar, member)
                    else:
                        found[rel] = on_file(rel, tar, member)
                    sizes[rel] = member.size
                else:
                    errors.append(f"Berkas tak dikenal di luar data/: {rel}")
    except (tarfile.TarError, OSError, EOFError) as exc:
        errors.append(f"Bundel rusak atau terpotong: {exc}")
    return found, sizes, tags, root


def _hash_member(rel: str, tar: tarfile.TarFile, member: tarfile.TarInfo) -> str:
    digest = hashlib.sha256()
    handle = tar.extractfile(member)
    if handle is not None:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_bag(
    result: HasilVerifikasi,
    found: dict[str, str],
    sizes: dict[str, int],
    tags: dict[str, bytes],
) -> None:
    errors = result.errors
    for required in ("bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        if required not in tags:
            errors.append(f"{required} tidak ada di bundel.")
    if errors:
        return
    manifest = _parse_manifest(tags["manifest-sha256.txt"], "manifest-sha256.txt", errors)
    tagmanifest = _parse_manifest(tags["tagmanifest-sha256.txt"], "tagmanifest-sha256.txt", errors)
    result.manifest = manifest
    result.schema = tags.get(SCHEMA, b"")
    result.manifest_digest = hashlib.sha256(tags["manifest-sha256.txt"]).hexdigest()
    result.info = _parse_info(tags["bag-info.txt"])
    for path, digest in sorted(tagmanifest.items()):
        if path not in tags:
            errors.append(f"Berkas tag {path} tidak ada.")
        elif found[path] != digest:
            errors.append(f"SHA-256 berbeda (berkas tag berubah): {path}")
    for path in TAG_FILES:
        if path not in tagmanifest:
            errors.append(f"{path} tidak tercantum di tagmanifest-sha256.txt.")
    for path, digest in sorted(manifest.items()):
        if path not in found:
            errors.append(f"Berkas hilang dari bundel: {path}")
        elif found[path] != digest:
            errors.append(f"SHA-256 berbeda (isi berubah): {path}")
    for path in sorted(set(sizes) - set(manifest)):
        errors.append(f"Berkas tidak tercantum di manifest: {path}")
    for path in (DATABASE, SCHEMA):
        if path not in manifest:
            errors.append(f"{path} tidak ada di manifest.")
    oxum = result.info.get("Payload-Oxum", "")
    expected = f"{sum(sizes.values())}.{len(sizes)}"
    if oxum != expected:
        errors.append(f"Payload-Oxum {oxum or '-'} tidak sesuai isi bundel ({expected}).")
    result.files = len(sizes)
    result.payload_bytes = sum(sizes.values())


def bundel_verify(bundle: Path) -> HasilVerifikasi:
    """Check every digest of a bundle, read from start to end. Writes nothing."""
    bundle = Path(bundle)
    result = HasilVerifikasi(path=bundle)
    if not bundle.is_file():
        result.errors.append(f"Bundel {bundle} tidak ditemukan.")
        return result
    found, sizes, tags, _root = _iter_bundle(bundle, result.errors, _hash_member)
    if not result.errors:
        _check_bag(result, found, sizes, tags)
    return result


def verifikasi_record(result: HasilVerifikasi, started, using: str = DEFAULT_DB_ALIAS) -> None:
    LaporanCadangan.objects.using(using).create(
        jenis=LaporanCadangan.Jenis.VERIFIKASI,
        mulai=started,
        selesai=timezone.now(),
        hasil=LaporanCadangan.Hasil.BERHASIL if result.ok else LaporanCadangan.Hasil.GAGAL,
        bundel=str(result.path),
        ukuran=result.path.stat().st_size if result.path.is_file() else None,
        jumlah_objek=int(result.info.get("PPID-Jumlah-Baris", 0) or 0),
        jumlah_berkas=int(result.info.get("PPID-Jumlah-Berkas-Media", 0) or 0),
        digest_manifest=result.manifest_digest,
        pesan="\n".join(result.errors[:50])[:2000],
    )


# --- restore ------------------------------------------------------------------------------------


def not_empty_reasons(using: str = DEFAULT_DB_ALIAS, media_root: Path | None = None) -> list[str]:
    """Why the target is not an empty installation: a portal that has been used has accounts,
    an audit trail, stored files or files in its media folder. Rows that `migrate` creates in
    every database (content types, permissions, role groups, data other apps' migrations seed)
    do not count."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    reasons = []
    for model, label in (
        (apps.get_model(settings.AUTH_USER_MODEL), "akun pengguna"),
        (AuditLog, "jejak audit"),
        (StoredFile, "berkas tersimpan"),
    ):
        if model._meta.db_table in tables and model._base_manager.using(using).exists():
            count = model._base_manager.using(using).count()
            reasons.append(f"basis data berisi {count} {label}")
    media = Path(media_root or settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() or p.is_symlink() for p in media.rglob("*")):
        reasons.append(f"folder media {media} berisi berkas")
    return reasons


def _flush_tables(using: str) -> None:
    """Empty every table the bundle restores, and the sessions, in one statement list."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    keep = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in keep:
            continue
        if meta.app_label == "contenttypes":
            continue
        tables.add(meta.db_table)
    tables.add(Session._meta.db_table)
    tables &= existing
    statements = connection.ops.sql_flush(
        no_style(), sorted(tables), reset_sequences=True, allow_cascade=False
    )
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _check_schema(schema_bytes: bytes) -> None:
    try:
        data = json.loads(schema_bytes.decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CadanganError("data/skema.json di bundel tidak terbaca.") from None
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(tuple(m) for m in data.get("migrations", []) if tuple(m) not in known)
    if unknown:
        listed = ", ".join(f"{a}.{n}" for a, n in unknown[:10])
        raise CadanganError(
            "Bundel dibuat oleh versi portal yang lebih baru (migrasi tidak dikenal: "
            f"{listed}). Pasang versi portal yang sama atau lebih baru, lalu ulangi pemulihan."
        )


def cadangan_restore(
    bundle: Path,
    *,
    force: bool = False,
    using: str = DEFAULT_DB_ALIAS,
    media_root: Path | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> HasilVerifikasi:
    """Restore a bundle into this installation's database and media folder.

    Order matters: every digest is verified first, and the target is checked to be empty
    (unless `force`), before anything is written. The media files are unpacked into a staging
    folder next to MEDIA_ROOT and checked again as they are written; the database is emptied
    and loaded in one transaction; only then does the staging folder take MEDIA_ROOT's place.
    """
    started = timezone.now()
    bundle = Path(bundle)
    media = Path(media_root or settings.MEDIA_ROOT)
    log(f"Memverifikasi {bundle} ...")
    result = bundel_verify(bundle)
    if not result.ok:
        raise CadanganError(
            "Bundel tidak lolos verifikasi; tidak ada yang ditulis.\n" + "\n".join(result.errors)
        )
    _check_schema(result.schema)
    reasons = not_empty_reasons(using, media)
    if reasons and not force:
        raise CadanganError(
            "Tujuan pemulihan tidak kosong ("
            + "; ".join(reasons)
            + "). Pemulihan hanya menulis ke basis data dan folder media yang kosong; gunakan "
            "--force untuk menimpa seluruh isinya."
        )
    manifest = result.manifest
    errors: list[str] = []
    media.mkdir(parents=True, exist_ok=True)
    # Staging inside MEDIA_ROOT keeps the final moves on one file system (MEDIA_ROOT is often a
    # mount point of its own).
    staging = Path(tempfile.mkdtemp(prefix=".pemulihan-", dir=media))
    workdir = Path(tempfile.mkdtemp(prefix=".ppid-pemulihan-"))
    try:

        def unpack(rel: str, tar: tarfile.TarFile, member: tarfile.TarInfo) -> str:
            if rel.startswith(MEDIA):
                target = staging / rel[len(MEDIA) :]
            elif rel in (DATABASE, SCHEMA):
                target = workdir / PurePosixPath(rel).name
            else:
                raise CadanganError(f"Berkas data tak dikenal di bundel: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            source = tar.extractfile(member)
            with open(target, "xb") as out:
                for chunk in iter(lambda: source.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
            os.chmod(target, getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o640)
            os.utime(target, (member.mtime, member.mtime))
            return digest.hexdigest()

        log("Membongkar berkas dan memeriksa ulang SHA-256 ...")
        found, _sizes, _tags, _root = _iter_bundle(bundle, errors, unpack)
        for rel, digest in manifest.items():
            if found.get(rel) != digest:
                errors.append(f"SHA-256 berbeda saat dibongkar: {rel}")
        if errors:
            raise CadanganError("Bundel berubah saat dibongkar:\n" + "\n".join(errors))

        log("Menyiapkan skema basis data (migrate) ...")
        call_command("migrate", database=using, interactive=False, verbosity=0)
        log("Memuat basis data ...")
        with transaction.atomic(using=using):
            _flush_tables(using)
            call_command("loaddata", str(workdir / "database.json"), database=using, verbosity=0)
        log("Memasang berkas media ...")
        _swap_media(staging, media)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    LaporanCadangan.objects.using(using).create(
        jenis=LaporanCadangan.Jenis.PEMULIHAN,
        mulai=started,
        selesai=timezone.now(),
        hasil=LaporanCadangan.Hasil.BERHASIL,
        bundel=str(bundle),
        ukuran=bundle.stat().st_size,
        jumlah_objek=int(result.info.get("PPID-Jumlah-Baris", 0) or 0),
        jumlah_berkas=int(result.info.get("PPID-Jumlah-Berkas-Media", 0) or 0),
        digest_manifest=result.manifest_digest,
        pesan="Dipulihkan dengan --force (isi lama ditimpa)." if force and reasons else "",
    )
    return result


def _swap_media(staging: Path, media: Path) -> None:
    """Put the staged files in MEDIA_ROOT; whatever was there before (only with --force) is
    moved aside first and removed at the end."""
    old = Path(tempfile.mkdtemp(prefix=".lama-", dir=media))
    for child in media.iterdir():
        if child not in (staging, old):
            os.replace(child, old / child.name)
    for child in staging.iterdir():
        os.replace(child, media / child.name)
    staging.rmdir()
    shutil.rmtree(old, ignore_errors=True)
