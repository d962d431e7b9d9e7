from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from prongsai.core.holidays import load_holiday_files


class Command(BaseCommand):
    help = "Load the national public holidays shipped in core/data/holidays/ (never overwrites a date)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_holiday_files()
        self.stdout.write(f"{created} new public holidays loaded.")
