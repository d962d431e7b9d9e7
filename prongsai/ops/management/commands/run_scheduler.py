"""``manage.py run_scheduler``: the scheduler process. Run one (or more: they never run a slot twice)."""

from __future__ import annotations

import signal
import time
from contextlib import suppress
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from prongsai.core.management.routine import RoutineCommand
from prongsai.ops import services
from prongsai.ops.models import Heartbeat
from prongsai.ops.scheduler import select_jobs, tick


class Command(RoutineCommand):
    help = (
        "Claim every due slot of the declared periodic jobs and queue it for the task worker, every "
        "SCHEDULER_TICK_SECONDS. Several schedulers may run: each slot is claimed once, in the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="tick once and exit (cron, tests)")
        parser.add_argument("--job", action="append", default=[], help="only this job (repeatable)")
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="seconds between ticks (default SCHEDULER_TICK_SECONDS)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            jobs = select_jobs(options["job"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        interval = options["interval"] if options["interval"] is not None else settings.SCHEDULER_TICK_SECONDS
        process = services.process_name()
        started = timezone.now()
        self.running = True

        def stop(signum: int, frame: FrameType | None) -> None:
            self.running = False

        if not options["once"]:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        try:
            while True:
                if not connection.in_atomic_block:  # (a caller's transaction, in tests, is left alone)
                    close_old_connections()
                try:
                    services.heartbeat_beat(
                        kind=Heartbeat.Kind.SCHEDULER, process=process, started_at=started
                    )
                    claimed = tick(now=timezone.now(), process=process, jobs=jobs)
                    if options["once"] or options["verbosity"] > 1:
                        self.stdout.write(f"claimed {len(claimed)} run(s)")
                except DatabaseError as exc:
                    if options["once"]:
                        raise
                    # A database restart must not kill the scheduler; it tries again next tick.
                    self.stderr.write(f"scheduler tick failed ({type(exc).__name__}); retrying")
                if options["once"] or not self.running:
                    break
                deadline = time.monotonic() + interval
                while self.running and time.monotonic() < deadline:
                    time.sleep(min(0.5, interval))
                if not self.running:
                    break
        finally:
            with suppress(DatabaseError):
                services.heartbeat_stop(process=process)
