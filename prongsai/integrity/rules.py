"""The rules of ``data/rules.yaml`` as typed values: the มาตรา ๑๒๘ threshold and decision period, the risk
areas offered by default, the assessment method of a fiscal year and the levels of the 5×5 risk matrix.

These are data ([M] in the domain spec): a change of the law or of NACC's manual is an edit of the YAML file,
never of the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "rules.yaml"


@dataclass(frozen=True)
class GiftRule:
    since: date
    threshold_baht: Decimal
    decision_days: int
    source: str


@dataclass(frozen=True)
class AreaDefault:
    code: str
    name_th: str
    default: bool
    from_fiscal_year: int | None


@dataclass(frozen=True)
class LevelBand:
    level: str
    max_score: int
    colour: str


@cache
def _raw() -> dict[str, Any]:
    import yaml  # here, not at start-up (core/tests/test_startup.py)

    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


def gift_rule(on: date) -> GiftRule:
    """The rule in force on ``on`` (the earliest rule for a date before every row)."""
    rows = sorted(
        (
            GiftRule(
                since=row["from"],
                threshold_baht=Decimal(str(row["threshold_baht"])),
                decision_days=int(row["decision_days"]),
                source=str(row.get("source", "")),
            )
            for row in _raw()["gift_rules"]
        ),
        key=lambda r: r.since,
    )
    chosen = rows[0]
    for row in rows:
        if row.since <= on:
            chosen = row
    return chosen


def area_defaults() -> list[AreaDefault]:
    return [
        AreaDefault(
            code=str(row["code"]),
            name_th=str(row["name_th"]),
            default=bool(row.get("default", False)),
            from_fiscal_year=row.get("from_fiscal_year"),
        )
        for row in _raw()["risk_areas"]
    ]


def method_for(fiscal_year: int) -> str:
    """``bribery4`` (the four bribery topics, FY2566–FY2568) or ``nacc5`` (NACC's five steps, FY2569 on)."""
    rows = sorted(_raw()["risk_methods"], key=lambda r: int(r["from_fiscal_year"]))
    chosen = str(rows[0]["method"])
    for row in rows:
        if int(row["from_fiscal_year"]) <= fiscal_year:
            chosen = str(row["method"])
    return chosen


def level_bands() -> list[LevelBand]:
    return [
        LevelBand(level=str(r["level"]), max_score=int(r["max_score"]), colour=str(r["colour"]))
        for r in sorted(_raw()["risk_levels"], key=lambda r: int(r["max_score"]))
    ]


def level_of(likelihood: int, impact: int) -> LevelBand:
    """The band of the matrix cell ``likelihood`` × ``impact``."""
    score = likelihood * impact
    bands = level_bands()
    for band in bands:
        if score <= band.max_score:
            return band
    return bands[-1]
