"""Verify every agency's audit chain; exit 1 naming the first bad entry if one is found."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django_scopes import scopes_disabled

from prongsai.core.audit import verify_chain
from prongsai.core.management.routine import RoutineCommand
from prongsai.core.models import Agency


class Command(RoutineCommand):
    help = "Verify the hash chain of the audit log of each agency (or of --agency CODE)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="the code of one agency; default: every agency")

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            agencies = Agency.objects.order_by("code")
            if options["agency"]:
                agencies = agencies.filter(code=options["agency"])
                if not agencies.exists():
                    raise CommandError(f"No agency with code {options['agency']!r}.")
            problems = []
            for agency in agencies:
                count, problem = verify_chain(agency)
                if problem is None:
                    self.stdout.write(f"OK {agency.code}: {count} entries, chain intact")
                else:
                    problems.append(problem)
                    self.stderr.write(f"BROKEN {problem}")
        if problems:
            raise CommandError(f"The audit chain of {len(problems)} agency(ies) is broken.", returncode=1)
