"""The operations settings are read strictly and every variable the settings read is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from prongsai.core.tests.test_env import _settings_process

ROOT = Path(__file__).resolve().parents[3]


def test_every_variable_the_settings_read_is_documented_for_operators():
    settings_source = (ROOT / "prongsai" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list|secret)\("([A-Z0-9_]+)"', settings_source))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    assert {
        "BACKUP_DIR",
        "BACKUP_KEEP",
        "LOG_FORMAT",
        "WORKER_HEARTBEAT_SECONDS",
        "SCHEDULER_TICK_SECONDS",
    } <= read
    missing = sorted(
        name for name in read if f"`{name}`" not in documented and f"`{name} /" not in documented
    )
    assert missing == []


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be 'json' or 'plain'"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be DEBUG"),
        ("BACKUP_KEEP", "0", "BACKUP_KEEP must be at least 1"),
        ("WORKER_HEARTBEAT_SECONDS", "soon", "WORKER_HEARTBEAT_SECONDS must be a whole number"),
    ],
)
def test_a_bad_operations_setting_stops_the_process(tmp_path, variable, value, message):
    result = _settings_process(DEBUG="true", PRONGSAI_VAR_DIR=str(tmp_path), **{variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_logs_are_json_and_development_logs_plain(tmp_path):
    code = "from prongsai import settings; print(settings.LOG_FORMAT)"
    env = {"PRONGSAI_VAR_DIR": str(tmp_path), "SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "x.go.th"}
    production = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**_clean(), **env, "DEBUG": "false"},
        capture_output=True,
        text=True,
        check=True,
    )
    development = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**_clean(), **env, "DEBUG": "true"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert (production.stdout.strip(), development.stdout.strip()) == ("json", "plain")


def _clean() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LOG_", "DEBUG"))}
