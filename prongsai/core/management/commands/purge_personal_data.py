"""Enforce the time-based retention periods of the personal-data inventory (run daily)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from prongsai.core.services_retention import purge_expired_personal_data


class Command(BaseCommand):
    help = "Delete personal data whose retention period has passed (see prongsai/core/personal_data.py)."

    def handle(self, *args: Any, **options: Any) -> None:
        for name, count in purge_expired_personal_data().items():
            self.stdout.write(f"{name}: {count} deleted")
        # Apps with their own retention rules provide ``<app>.retention.purge_expired_personal_data()``.
        for config in apps.get_app_configs():
            if not config.name.startswith("prongsai.") or config.name == "prongsai.core":
                continue
            try:
                module = import_module(f"{config.name}.retention")
            except ModuleNotFoundError:
                continue
            for name, count in module.purge_expired_personal_data().items():
                self.stdout.write(f"{name}: {count}")
