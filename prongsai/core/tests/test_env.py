"""Configuration is read strictly: bad values stop the process with a message naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from prongsai.env import env_bool, env_int, env_list, env_secret

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("1", True), ("YES", True), ("off", False), ("0", False)]
)
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", not expected) is expected


@pytest.mark.parametrize("raw", ["Flase", "2", "enabled"])
def test_a_misspelt_boolean_is_an_error_not_false(monkeypatch, raw):
    monkeypatch.setenv("FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", False)


def test_integers_are_checked(monkeypatch):
    monkeypatch.setenv("N", "abc")
    with pytest.raises(ImproperlyConfigured, match="N must be a whole number"):
        env_int("N", 1)
    monkeypatch.setenv("N", "-5")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("N", 1, minimum=0)
    monkeypatch.delenv("N")
    assert env_int("N", 7) == 7


def test_lists_drop_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.go.th, ,b.go.th ,")
    assert env_list("HOSTS", []) == ["a.go.th", "b.go.th"]


def test_secrets_come_from_a_file_but_not_from_both(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("s3cret\n", encoding="utf-8")
    monkeypatch.setenv("TOKEN_FILE", str(secret_file))
    assert env_secret("TOKEN") == "s3cret"
    monkeypatch.setenv("TOKEN", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_secret("TOKEN")
    monkeypatch.delenv("TOKEN")
    monkeypatch.setenv("TOKEN_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="not a readable file"):
        env_secret("TOKEN")


def _settings_process(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY", "DEBUG", "ALLOWED"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import prongsai.settings"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_debug_the_secret_key_is_required(tmp_path):
    result = _settings_process(DEBUG="false", ALLOWED_HOSTS="x.go.th", PRONGSAI_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_without_debug_the_host_names_are_required(tmp_path):
    result = _settings_process(DEBUG="false", SECRET_KEY="k" * 50, PRONGSAI_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_a_typo_in_debug_stops_the_process(tmp_path):
    result = _settings_process(DEBUG="ture", PRONGSAI_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_database_url_switches_to_postgresql(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from prongsai import settings; print(settings.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": "postgres://u:p@db.example:5432/prongsai",
            "PRONGSAI_VAR_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"
