"""The lock files pin every dependency that pyproject.toml declares, within its declared range.

`make install` installs only from requirements/*.lock (with hashes), so a requirement added to pyproject.toml
without `make lock` would be silently missing on a fresh machine. This test catches that on the developer's
machine, before CI's fresh clone does.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s\\;]+)", re.MULTILINE)


def _pins(lock: Path) -> dict[str, str]:
    found = PIN.findall(lock.read_text(encoding="utf-8"))
    return {canonicalize_name(name): version for name, version in found}


def _declared() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = [Requirement(r) for r in project["dependencies"]]
    dev = [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return {"base.lock": base, "dev.lock": base + dev}


@pytest.mark.parametrize("lock_name", ["base.lock", "dev.lock"])
def test_every_declared_requirement_is_pinned_within_its_range(lock_name):
    pins = _pins(ROOT / "requirements" / lock_name)
    problems = []
    for requirement in _declared()[lock_name]:
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in {lock_name}")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    assert not problems, "run `make lock` and commit requirements/: " + "; ".join(problems)


def test_every_pin_carries_a_hash():
    for lock in (ROOT / "requirements").glob("*.lock"):
        text = lock.read_text(encoding="utf-8")
        for match in PIN.finditer(text):
            following = text[match.end() : match.end() + 200]
            assert "--hash=sha256:" in following, f"{match.group(1)} in {lock.name} has no hash"


def test_the_lock_reader_sees_a_missing_pin(tmp_path):
    """The check above can fail: a lock without Django is reported."""
    lock = tmp_path / "x.lock"
    lock.write_text("asgiref==3.13.0 \\\n    --hash=sha256:00\n", encoding="utf-8")
    assert "django" not in _pins(lock)
    assert _pins(lock) == {"asgiref": "3.13.0"}
