"""The full demo, seeded once per test process and restored whenever a later test needs it again.

Why: ``seed_demo`` runs ~80,000 queries (every E-Service request walked through its steps, every loan,
the audit chain), a minute or more on PostgreSQL; a dozen browser tests and the test modules that check the
demo itself each seeding it took most of CI's time. Both kinds commit the demo (the browser tests run with
``transactional_db`` because the live server reads committed rows; the other modules through the ``demo``
fixture of the root conftest), and the tables are emptied after them; this module puts the same demo back in a
second or two instead of building it again:

- PostgreSQL: after the first seed, ``pg_dump --data-only`` of the model tables; later tests ``pg_restore`` it
  into the emptied tables (``--disable-triggers`` lets the rows go in whatever the foreign-key order; the test
  role is a superuser on a test server).
- SQLite (in-memory, shared with the live server's thread): the database is copied whole with SQLite's backup
  API.
- The uploaded files of the demo (MEDIA_ROOT is a new temporary folder for every test) are copied back too.

The restored demo is the one the first test seeded: same rows, same ids, same files; a test that changes it
changes only its own copy, since the flush after it empties the tables again.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection


@dataclass
class _Snapshot:
    folder: Path
    sqlite_copy: sqlite3.Connection | None = None

    @property
    def dump(self) -> Path:
        return self.folder / "demo.dump"

    @property
    def media(self) -> Path:
        return self.folder / "media"


_snapshot: _Snapshot | None = None


def seed_or_restore_demo(seed: Callable[[], None]) -> None:
    """Seed the demo with ``seed`` the first time in this session, restore that copy every later time."""
    global _snapshot
    if _snapshot is None:
        seed()
        _snapshot = _take()
    else:
        _restore(_snapshot)


def _model_tables() -> list[str]:
    # Exactly the tables pytest-django's flush empties; django_migrations and the cache table are left alone.
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed (Debian package postgresql-client)")
    return path


def _pg_args() -> list[str]:
    params = connection.settings_dict
    args = ["-d", params["NAME"], "-U", params.get("USER") or "postgres"]
    if params.get("HOST"):
        args += ["-h", params["HOST"]]
    if params.get("PORT"):
        args += ["-p", str(params["PORT"])]
    return args


def _pg_env() -> dict[str, str]:
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    return env


def _take() -> _Snapshot:
    snapshot = _Snapshot(folder=Path(tempfile.mkdtemp(prefix="prongsai-e2e-demo-")))
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, snapshot.media)
    if connection.vendor == "postgresql":
        tables = [arg for table in _model_tables() for arg in ("-t", f'"{table}"')]
        subprocess.run(  # noqa: S603 - a fixed tool and the test database's own parameters
            [
                _tool("pg_dump"),
                "--data-only",
                "--format=custom",
                f"--file={snapshot.dump}",
                *tables,
                *_pg_args(),
            ],
            check=True,
            env=_pg_env(),
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        snapshot.sqlite_copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot.sqlite_copy)
    else:  # pragma: no cover - only the two engines Prongsai supports
        raise RuntimeError(f"no demo snapshot for the {connection.vendor} engine")
    return snapshot


def _restore(snapshot: _Snapshot) -> None:
    if snapshot.media.is_dir():
        shutil.copytree(snapshot.media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    if connection.vendor == "postgresql":
        # The flush after the previous test ran post_migrate, which created content types and permissions
        # again under new ids; the snapshot's own rows (referenced by its other rows) replace them.
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(connection.ops.quote_name(t) for t in _model_tables()))
        connection.close()  # nothing of ours holds a lock while pg_restore writes
        subprocess.run(  # noqa: S603 - a fixed tool and the test database's own parameters
            [
                _tool("pg_restore"),
                "--data-only",
                "--disable-triggers",
                "--single-transaction",
                *_pg_args(),
                str(snapshot.dump),
            ],
            check=True,
            env=_pg_env(),
        )
    else:
        assert snapshot.sqlite_copy is not None
        connection.ensure_connection()
        snapshot.sqlite_copy.backup(connection.connection)
    # Content types are cached per process (the live server's thread included) by id; the ids are the
    # snapshot's again.
    ContentType.objects.clear_cache()
