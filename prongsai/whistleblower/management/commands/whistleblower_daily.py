"""Daily job of the corruption-reporting channel: deadline reminders, purge warnings and purges."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.management.routine import RoutineCommand
from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.whistleblower import services_case


class Command(RoutineCommand):
    help = "Send deadline reminders and purge warnings, and purge expired reports, for every agency."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        with scopes_disabled():
            agencies = list(Agency.objects.filter(is_active=True).order_by("code"))
        for agency in agencies:
            with agency_scope(agency):
                reminded = services_case.send_reminders(agency=agency, now=now)
                warned = services_case.warn_before_purge(agency=agency, now=now)
                purged = services_case.purge_expired(agency=agency, now=now)
            self.stdout.write(f"{agency.code}: {reminded} reminded, {warned} warned, {purged} purged")
