"""A test database that other processes (schedulers, workers) can open too, on SQLite and on PostgreSQL.

PostgreSQL: the test database itself (the test must be ``transaction=True`` so its rows are committed).
SQLite: the in-memory test database is copied to a file before the processes start (``push``) and copied
back after they ran (``pull``), with SQLite's online backup API.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


class SharedDatabase:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.file = tmp_path / "shared.sqlite3"
            self.url = f"sqlite:///{self.file}"
        else:
            params = connection.settings_dict
            auth = quote(params["USER"] or "")
            if params.get("PASSWORD"):
                auth += ":" + quote(params["PASSWORD"])
            self.url = (
                f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"
            )

    def push(self) -> None:
        if self.sqlite:
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()

    def pull(self) -> None:
        if self.sqlite:
            connection.ensure_connection()
            source = sqlite3.connect(self.file)
            source.backup(connection.connection)
            source.close()

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "TASKS_", "PYTEST"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="prongsai.settings",
            DATABASE_URL=self.url,
            # Development static files: the test processes render pages without collectstatic.
            DEBUG="true",
            SECRET_KEY="test-only-secret-key-with-enough-length-and-entropy-0123456789",
            ALLOWED_HOSTS="testserver,localhost,127.0.0.1,.test",
            SECURE_SSL_REDIRECT="false",
            TASKS_BACKEND="database",
            PRONGSAI_VAR_DIR=str(self.tmp_path / "var"),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
            LOG_FORMAT="json",
            PYTHONPATH=str(ROOT),
        )
        env.update(extra)
        return env

    def command(self, *args: str, at: str = "") -> list[str]:
        return [sys.executable, "-m", "prongsai.ops.tests.run_at", at, *args]

    def start(self, *args: str, at: str = "", **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(  # noqa: S603 - the test's own interpreter and arguments
            self.command(*args, at=at),
            cwd=ROOT,
            env=self.env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(
        self, *args: str, at: str = "", timeout: float = 120, **env: str
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(  # noqa: S603 - the test's own interpreter and arguments
            self.command(*args, at=at),
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done


@pytest.fixture
def shared_db(transactional_db, tmp_path) -> SharedDatabase:
    return SharedDatabase(tmp_path)
