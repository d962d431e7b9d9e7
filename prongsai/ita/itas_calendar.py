"""The ITAS calendar as data (``data/itas-calendar.yaml``): the default OIT answer date of each year."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

CALENDAR_FILE = Path(__file__).resolve().parent / "data" / "itas-calendar.yaml"


@cache
def _calendar() -> dict[str, Any]:
    import yaml  # here, not at start-up (core/tests/test_startup.py)

    loaded: dict[str, Any] = yaml.safe_load(CALENDAR_FILE.read_text(encoding="utf-8"))
    return loaded


def default_answer_date(fiscal_year: int) -> date:
    """The last day of the OIT collection of ``fiscal_year`` (B.E.), from the calendar or its default rule."""
    calendar = _calendar()
    year = (calendar.get("years") or {}).get(fiscal_year)
    if year and year.get("oit_answer"):
        value = year["oit_answer"]
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    rule = calendar["default_oit_answer"]
    return date(fiscal_year - 543, int(rule["month"]), int(rule["day"]))
