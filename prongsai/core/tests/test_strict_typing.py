"""Writes, reads and guarded accessors are type-checked strictly: each is in the strict mypy section."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _strict_patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for override in config["tool"]["mypy"]["overrides"]:
        if override.get("disallow_untyped_defs") and override.get("disallow_any_generics"):
            return list(override["module"])
    raise AssertionError("pyproject.toml has no strict mypy section")


def _covered(module: str, patterns: list[str]) -> bool:
    # mypy's patterns: "*" stands for exactly one dotted component (or, at the end, any number).
    for pattern in patterns:
        regex = r"\.".join("[^.]+" if part == "*" else re.escape(part) for part in pattern.split("."))
        if re.fullmatch(regex, module):
            return True
    return False


def test_every_services_selectors_and_access_module_is_checked_strictly():
    patterns = _strict_patterns()
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for pattern in ("services*.py", "selectors*.py", "access.py")
        for path in (ROOT / "prongsai").glob(f"*/{pattern}")
    ]
    assert len(modules) > 30
    missing = sorted(m for m in modules if not _covered(m, patterns))
    assert missing == [], f"add these modules to the strict mypy section of pyproject.toml: {missing}"


def test_the_check_would_notice_a_module_outside_the_section():
    assert not _covered("prongsai.assets.services_loans", ["prongsai.*.services"])
    assert _covered("prongsai.assets.services", ["prongsai.*.services"])
