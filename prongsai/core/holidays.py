"""Loading the national public holidays shipped in core/data/holidays/."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from prongsai.core.models import PublicHoliday

DATA_DIR = Path(__file__).resolve().parent / "data" / "holidays"


def load_holiday_files(directory: Path = DATA_DIR) -> int:
    """Create the holidays listed in the yearly CSV files; return how many were new.

    A date already present is left as it is, so an operator's correction is never overwritten.
    """
    created = 0
    for path in sorted(directory.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                _holiday, was_created = PublicHoliday.objects.get_or_create(
                    date=date.fromisoformat(row["date"]),
                    defaults={
                        "name_th": row["name_th"],
                        "name_en": row.get("name_en", ""),
                        "source": row.get("source", ""),
                    },
                )
                created += int(was_created)
    return created
