"""Enforce the time-based retention periods of the personal-data inventory (run daily)."""

from __future__ import annotations

from typing import Any

from prongsai.core.management.routine import RoutineCommand
from prongsai.core.services_retention import purge_expired_personal_data


class Command(RoutineCommand):
    help = "Delete personal data whose retention period has passed (see prongsai/core/personal_data.py)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in purge_expired_personal_data().items():
            self.stdout.write(f"{name}: {count} deleted")
