"""``manage.py take_ita_snapshots [--date YYYY-MM-DD]``: run daily; on each agency's ITAS answer date, keep
a frozen copy of every evidence page of that year's OIT items (hash in the audit chain)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.management.routine import RoutineCommand
from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK, ThaiDateError, parse_date
from prongsai.ita.selectors import answering_on, latest_answer_days
from prongsai.ita.snapshots import take_snapshots


class Command(RoutineCommand):
    help = "Snapshot the OIT evidence pages of every agency whose ITAS answer date is today (or --date)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the answer date to act on (default: today in Bangkok)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = (
                parse_date(options["date"]) if options["date"] else timezone.now().astimezone(BANGKOK).date()
            )
        except ThaiDateError as exc:
            raise CommandError(str(exc)) from None
        with scopes_disabled():
            agencies = list(
                Agency.objects.filter(pk__in=[a for a, d in latest_answer_days(day).items() if d == day])
            )
        answered = 0
        for agency in agencies:
            with agency_scope(agency):
                for offer in answering_on(agency, day):
                    taken = take_snapshots(
                        agency=agency,
                        acting_user=None,
                        catalogue=offer.catalogue,
                        fiscal_year=offer.fiscal_year,
                    )
                    answered += 1
                    self.stdout.write(
                        f"{agency.code} {offer.fiscal_year}: {len(taken)} evidence pages copied"
                    )
        if not answered:
            self.stdout.write(f"no agency answers the OIT on {day.isoformat()}")
