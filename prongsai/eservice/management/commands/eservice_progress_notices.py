"""Queue the E-Service progress notices of every agency (run daily, e.g. from cron or a systemd timer).

Each agency gets one ``send_progress_notices`` task, which the task worker (``manage.py db_worker``) runs;
``--now`` runs them in this process instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser
from django_scopes import scopes_disabled

from prongsai.core.management.routine import RoutineCommand
from prongsai.core.models import Agency
from prongsai.eservice.tasks import send_progress_notices


class Command(RoutineCommand):
    help = "Send a progress notice to the applicant of every late E-Service request (at most every 7 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="run in this process instead of queueing tasks"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            agencies = list(Agency.objects.filter(is_active=True).values_list("pk", "code"))
        for pk, code in agencies:
            if options["now"]:
                sent = send_progress_notices.call(pk)
                self.stdout.write(f"{code}: {sent} progress notice(s) sent")
            else:
                send_progress_notices.enqueue(pk)
                self.stdout.write(f"{code}: queued")
