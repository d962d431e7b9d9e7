"""One consistent archive of an instance, and its verified restore into an empty instance.

An archive (``prongsai-backup-<UTC time>.tar.gz``) holds:

* ``manifest.json`` first: the format, the database engine, each agency's audit-chain head (sequence and
  hash) as of the database copy, the latest migration of each app, and the SHA-256 and size of the database
  copy and of every media file;
* ``database.pgdump`` (PostgreSQL: ``pg_dump`` custom format, taken in an exported snapshot in which the
  chain heads are read too) or ``database.sqlite3`` (SQLite: the online backup API, a consistent copy while
  the instance runs);
* ``media/...``: the uploaded files, copied after the database, so every file the database names exists.

``restore`` refuses a database that has any table or a media folder that has any file, loads the copy,
writes the files while checking each checksum, and then checks every agency's chain head against the
manifest and verifies every chain. Corruption reports stay encrypted throughout: the archive holds only the
ciphertext and the sealed keys, so a report is readable after a restore by whoever could read it before.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from prongsai.ops.schedule import JobFailed

FORMAT = 1
PREFIX = "prongsai-backup-"
SUFFIX = ".tar.gz"
CHUNK = 1024 * 1024
_HEADS_SQL = (
    "SELECT a.code, COALESCE(h.seq, 0), COALESCE(h.hash, %s) FROM core_agency a "
    "LEFT JOIN core_audithead h ON h.agency_id = a.id ORDER BY a.code"
)
_MIGRATIONS_SQL = "SELECT app, name FROM django_migrations"


class BackupError(JobFailed):
    """A backup or restore that cannot be done or does not verify; the message says what to do."""


@dataclass
class BackupResult:
    path: Path
    file_count: int
    size: int
    manifest: dict[str, Any] = field(repr=False)


@dataclass
class RestoreResult:
    agencies: list[dict[str, Any]]
    file_count: int


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _genesis() -> str:
    from prongsai.core.models import GENESIS_HASH

    return GENESIS_HASH


def _latest_migrations(rows: list[tuple[str, str]]) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in rows:
        if name > latest.get(app, ""):
            latest[app] = name
    return latest


def _heads(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [{"code": code, "audit_seq": int(seq), "audit_hash": str(head)} for code, seq, head in rows]


# --- the database copy -------------------------------------------------------------------------------------


def _cache_tables() -> list[str]:
    """The database cache tables: abuse-limit counters and cached pages, which an archive leaves out.

    Their rows are worth nothing after a restore, and the corruption channel's hourly pepper and counters
    must never outlive their hour in a copy (ADR 0080).
    """
    return sorted(
        {
            str(options["LOCATION"])
            for options in settings.CACHES.values()
            if str(options.get("BACKEND", "")).endswith("DatabaseCache") and options.get("LOCATION")
        }
    )


def _copy_sqlite(target: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    if connection.in_atomic_block:
        # SQLite's backup API waits for the copy's read lock forever while this connection holds a write
        # transaction; commands and the worker never do, so this only guards against a caller's mistake.
        raise BackupError("A SQLite backup cannot run inside a database transaction; run it on its own.")
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        existing = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # secure_delete overwrites the deleted rows' content instead of leaving it in free pages.
        copy.execute("PRAGMA secure_delete = ON")
        for table in _cache_tables():
            if table in existing:
                copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 - a table name from settings
        copy.commit()
        heads = copy.execute(_HEADS_SQL.replace("%s", "?"), (_genesis(),)).fetchall()
        migrations = copy.execute(_MIGRATIONS_SQL).fetchall()
    finally:
        copy.close()
    return _heads(heads), _latest_migrations(migrations)


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    params = connection.settings_dict
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    args = []
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    return env, args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools of the server's major version "
            "(Debian: apt-get install postgresql-client)."
        )
    return path


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(f"{what} failed: {detail[-1] if detail else 'exit code ' + str(done.returncode)}")


def _copy_postgresql(target: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    import psycopg

    pg_dump = _tool("pg_dump")
    env, args = _pg_env_and_args()
    name = str(connection.settings_dict["NAME"])
    # One REPEATABLE READ transaction exports its snapshot; pg_dump works in that same snapshot, and the
    # chain heads and migrations are read in it, so the manifest describes exactly the dumped data.
    with psycopg.connect(**connection.get_connection_params()) as snapshot_connection:
        snapshot_connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        row = snapshot_connection.execute("SELECT pg_export_snapshot()").fetchone()
        assert row is not None  # noqa: S101 - pg_export_snapshot always returns a row
        heads = snapshot_connection.execute(_HEADS_SQL, (_genesis(),)).fetchall()
        migrations = snapshot_connection.execute(_MIGRATIONS_SQL).fetchall()
        _run(
            [
                pg_dump,
                *args,
                "--format=custom",
                f"--snapshot={row[0]}",
                "--no-owner",
                "--no-privileges",
                *[f"--exclude-table-data={table}" for table in _cache_tables()],
                f"--file={target}",
                name,
            ],
            env,
            "pg_dump",
        )
        snapshot_connection.rollback()
    return _heads(heads), _latest_migrations(migrations)


# --- backup ------------------------------------------------------------------------------------------------


def _media_files(root: Path) -> Iterator[tuple[str, Path]]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path.relative_to(root).as_posix(), path


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> tuple[str, int]:
    """Add ``path`` as ``name`` while hashing exactly the bytes that go into the archive."""
    digest = hashlib.sha256()
    size = path.stat().st_size
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(path.stat().st_mtime)
    info.mode = 0o640

    class Hashing(io.RawIOBase):
        def __init__(self, handle: IO[bytes]) -> None:
            self.handle = handle

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            data = self.handle.read(len(buffer))
            digest.update(data)
            buffer[: len(data)] = data
            return len(data)

    with path.open("rb") as handle:
        tar.addfile(info, io.BufferedReader(Hashing(handle), CHUNK))
    return digest.hexdigest(), size


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(tz=UTC).timestamp())
    info.mode = 0o640
    tar.addfile(info, io.BytesIO(data))


def create_backup(directory: Path, *, now: datetime | None = None) -> BackupResult:
    """Write one archive of the database and the media folder into ``directory``; return where and what.

    The archive appears under its final name only when complete (written to a hidden name, then renamed),
    readable by its owner only, since it holds personal data.
    """
    engine = _engine()
    moment = now or datetime.now(tz=UTC)
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / f"{PREFIX}{moment.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"
    if final.exists():
        raise BackupError(f"{final} already exists; wait a second and run the backup again.")
    with tempfile.TemporaryDirectory(prefix=".prongsai-backup-", dir=directory) as work:
        database_name = "database.pgdump" if engine == "postgresql" else "database.sqlite3"
        database_path = Path(work) / database_name
        heads, migrations = (
            _copy_postgresql(database_path) if engine == "postgresql" else _copy_sqlite(database_path)
        )
        database_entry = {
            "name": database_name,
            "sha256": _sha256_file(database_path),
            "size": database_path.stat().st_size,
        }
        partial = Path(work) / "archive.tar.gz"
        files: dict[str, dict[str, Any]] = {}
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as body:
            # The manifest comes first in the archive, so the media checksums are taken in a first pass and
            # checked again while each file is written (a file changed in between fails the backup).
            media_root = Path(settings.MEDIA_ROOT)
            listing = list(_media_files(media_root))
            for name, path in listing:
                files[name] = {"sha256": _sha256_file(path), "size": path.stat().st_size}
            manifest = {
                "format": FORMAT,
                "created_at": moment.astimezone(UTC).isoformat(timespec="seconds"),
                "engine": engine,
                "database": database_entry,
                "agencies": heads,
                "migrations": migrations,
                "files": files,
            }
            _add_bytes(body, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
            _add_file(body, database_name, database_path)
            for name, path in listing:
                digest, size = _add_file(body, f"media/{name}", path)
                if digest != files[name]["sha256"] or size != files[name]["size"]:
                    raise BackupError(
                        f"The media file {name} changed while it was being copied; run the backup again."
                    )
        os.replace(partial, final)
    return BackupResult(path=final, file_count=len(files), size=final.stat().st_size, manifest=manifest)


def list_backups(directory: Path) -> list[Path]:
    """The archives in ``directory``, oldest first (their names sort by time)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX))


def prune_backups(directory: Path, *, keep: int) -> int:
    """Delete all but the newest ``keep`` archives in ``directory``; return how many were deleted."""
    archives = list_backups(directory)
    old = archives[: max(len(archives) - keep, 0)]
    for path in old:
        path.unlink()
    return len(old)


# --- restore -----------------------------------------------------------------------------------------------


def read_manifest(archive: Path) -> dict[str, Any]:
    """The manifest of ``archive``; a clear error when the file is not a Prongsai backup."""
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            member = tar.next()
            if member is None or member.name != "manifest.json" or not member.isfile():
                raise BackupError(f"{archive} is not a Prongsai backup (it does not start with a manifest).")
            handle = tar.extractfile(member)
            assert handle is not None  # noqa: S101 - a regular file member always has content
            manifest: dict[str, Any] = json.loads(handle.read())
    except (OSError, tarfile.TarError, json.JSONDecodeError) as exc:
        raise BackupError(f"{archive} cannot be read as a Prongsai backup ({type(exc).__name__}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{archive} has backup format {manifest.get('format')!r}; this Prongsai reads {FORMAT}."
        )
    return manifest


def _check_empty_target() -> None:
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables). "
            "Restore only "
            "into a newly created, empty database: create one, point DATABASE_URL at it and run restore "
            "before migrate."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(
            f"The media folder {media_root} is not empty. Restore only into an empty media folder."
        )


def _check_migrations(manifest: dict[str, Any]) -> None:
    """Refuse an archive made by a newer Prongsai than this one (it would hold tables this code lacks)."""
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    known = {(app, name) for app, name in on_disk}
    unknown = [
        f"{app}.{name}" for app, name in manifest.get("migrations", {}).items() if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "The archive was made by a newer version of Prongsai (unknown migrations: "
            f"{', '.join(sorted(unknown)[:5])}). Install that version or a later one, then restore."
        )


def _safe_member_name(name: str) -> str:
    path = Path(name)
    if path.is_absolute() or ".." in path.parts or not name.startswith("media/"):
        raise BackupError(f"The archive holds an unexpected entry {name!r}; it was not made by Prongsai.")
    return name[len("media/") :]


def _copy_verified(source: IO[bytes], target: Path, expected: str) -> None:
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(descriptor, "wb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected:
        partial.unlink()
        raise BackupError(
            f"{target.name} in the archive does not match its checksum: the archive is damaged."
        )
    os.replace(partial, target)


def _load_database(engine: str, path: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    pg_restore = _tool("pg_restore")
    env, args = _pg_env_and_args()
    _run(
        [
            pg_restore,
            *args,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        env,
        "pg_restore",
    )


def verify_restored(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Check each agency's chain head against the manifest and verify its whole chain."""
    from django.contrib.contenttypes.models import ContentType
    from django_scopes import scopes_disabled

    from prongsai.core.audit import verify_chain
    from prongsai.core.models import Agency, AuditHead

    ContentType.objects.clear_cache()
    problems = []
    with scopes_disabled():
        for expected in manifest["agencies"]:
            agency = Agency.objects.filter(code=expected["code"]).first()
            if agency is None:
                problems.append(f"agency {expected['code']} is missing")
                continue
            head = AuditHead.objects.filter(agency=agency).first()
            seq, digest = (head.seq, head.hash) if head is not None else (0, _genesis())
            if (seq, digest) != (expected["audit_seq"], expected["audit_hash"]):
                problems.append(
                    f"agency {expected['code']}: chain head #{seq} differs from the manifest's "
                    f"#{expected['audit_seq']}"
                )
                continue
            _count, problem = verify_chain(agency)
            if problem is not None:
                problems.append(str(problem))
    if problems:
        raise BackupError("The restored data does not verify: " + "; ".join(problems))
    return list(manifest["agencies"])


def check_archive(archive: Path) -> dict[str, Any]:
    """Read the whole archive and check every entry against the manifest, writing nothing; return it.

    Run before a restore touches anything, and on its own (``restore --check``) to test a copy kept off-site.
    """
    manifest = read_manifest(archive)
    expected = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    expected.update({f"media/{name}": entry["sha256"] for name, entry in manifest["files"].items()})
    seen: set[str] = set()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if member.name == "manifest.json":
                    continue
                if not member.isfile() or member.name not in expected:
                    raise BackupError(
                        f"The archive holds {member.name!r}, which its manifest does not list; it was not "
                        "made by Prongsai or was changed."
                    )
                content = tar.extractfile(member)
                assert content is not None  # noqa: S101 - regular files only, checked above
                digest = hashlib.sha256()
                while chunk := content.read(CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != expected[member.name]:
                    raise BackupError(f"{member.name} does not match its checksum: the archive is damaged.")
                seen.add(member.name)
    except (OSError, EOFError, tarfile.TarError, zlib.error) as exc:
        raise BackupError(
            f"The archive is damaged and cannot be read to its end ({type(exc).__name__})."
        ) from None
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(
            f"{len(missing)} entries of the manifest are missing from the archive, e.g. {missing[0]}."
        )
    return manifest


def restore_backup(archive: Path, *, progress: Callable[[str], None] | None = None) -> RestoreResult:
    """Restore ``archive`` into this (empty) instance and verify it against its manifest."""
    say = progress or (lambda text: None)
    manifest = check_archive(archive)
    say("archive checked: every entry matches its checksum")
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            f"The archive holds a {manifest['engine']} database and this instance uses {engine}; restore it "
            f"into a {manifest['engine']} database (DATABASE_URL)."
        )
    _check_migrations(manifest)
    _check_empty_target()
    media_root = Path(settings.MEDIA_ROOT)
    files: dict[str, dict[str, Any]] = manifest["files"]
    seen: set[str] = set()
    with (
        tempfile.TemporaryDirectory(prefix=".prongsai-restore-") as work,
        tarfile.open(archive, "r:gz") as tar,
    ):
        database_entry = manifest["database"]
        database_path = Path(work) / database_entry["name"]
        for member in tar:
            if member.name == "manifest.json":
                continue
            if not member.isfile():
                raise BackupError(
                    f"The archive holds an unexpected entry {member.name!r}; it was not made by Prongsai."
                )
            handle = tar.extractfile(member)
            assert handle is not None  # noqa: S101 - regular files only, checked above
            if member.name == database_entry["name"]:
                _copy_verified(handle, database_path, database_entry["sha256"])
                say("database copy verified; loading it")
                _load_database(engine, database_path)
                continue
            name = _safe_member_name(member.name)
            if name not in files:
                raise BackupError(f"The archive holds {member.name}, which its manifest does not list.")
            _copy_verified(handle, media_root / name, files[name]["sha256"])
            seen.add(name)
    missing = sorted(set(files) - seen)
    if missing:
        raise BackupError(
            f"{len(missing)} file(s) of the manifest are missing from the archive, e.g. {missing[0]}."
        )
    say(f"{len(seen)} media file(s) restored and verified")
    agencies = verify_restored(manifest)
    return RestoreResult(agencies=agencies, file_count=len(seen))
