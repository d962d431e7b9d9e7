"""The people app's data file (``data/people.yaml``, marked [M] in ita-criteria.md §4.15): position
types, the codes of ethics in force, and which HR-rule topics answer which OIT check. Read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

DATA_FILE = Path(__file__).resolve().parent / "data" / "people.yaml"


@dataclass(frozen=True)
class PositionType:
    key: str
    side: str  # "career" or "political"
    label_th: str
    label_en: str

    @property
    def label(self) -> str:
        """The label in the language of the request (Thai unless the page is in English)."""
        return self.label_en if (get_language() or "th").startswith("en") else self.label_th


@dataclass(frozen=True)
class CodeKind:
    kind: str
    title_th: str
    title_en: str

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "th").startswith("en") else self.title_th


@cache
def _data() -> dict[str, Any]:
    import yaml  # here, not at start-up (core/tests/test_startup.py)

    with DATA_FILE.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def position_types() -> list[PositionType]:
    return [
        PositionType(key=row["key"], side=row["side"], label_th=row["label"], label_en=row["label_en"])
        for row in _data()["position_types"]
    ]


def position_type(key: str) -> PositionType | None:
    return next((t for t in position_types() if t.key == key), None)


def position_type_choices() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in position_types()]


def code_kinds() -> list[CodeKind]:
    return [
        CodeKind(kind=row["kind"], title_th=row["title"], title_en=row["title_en"])
        for row in _data()["ethics_codes"]
    ]


def code_kind_choices() -> list[tuple[str, str]]:
    return [(c.kind, c.title) for c in code_kinds()]


def hr_rules_checks() -> dict[str, list[str]]:
    return {str(k): [str(t) for t in v] for k, v in _data()["hr_rules_checks"].items()}
