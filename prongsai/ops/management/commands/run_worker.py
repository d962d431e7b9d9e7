"""``manage.py run_worker``: django-tasks-db's ``db_worker`` with a heartbeat for /healthz.

A thread beside the worker loop records a heartbeat every WORKER_HEARTBEAT_SECONDS, also while a long task
runs; /healthz reports the worker stopped when no worker has beaten for three periods. A worker that stops
cleanly removes its heartbeat at once.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from prongsai.core.management.routine import RoutineCommand
from prongsai.ops import services
from prongsai.ops.models import Heartbeat


class Command(DbWorkerCommand):
    # No system checks before the worker starts: see prongsai/core/management/routine.py.
    requires_system_checks = RoutineCommand.requires_system_checks
    help = "Run a background-task worker (db_worker) that reports its heartbeat for /healthz."

    def handle(self, *args: Any, **options: Any) -> None:
        process = services.process_name()
        started = timezone.now()
        stop = threading.Event()

        def beat_forever() -> None:
            try:
                while not stop.is_set():
                    # The database may be away; the next beat tries again (/healthz says stopped meanwhile).
                    with suppress(DatabaseError):
                        services.heartbeat_beat(
                            kind=Heartbeat.Kind.WORKER, process=process, started_at=started
                        )
                    stop.wait(settings.WORKER_HEARTBEAT_SECONDS)
            finally:
                connection.close()

        services.heartbeat_beat(kind=Heartbeat.Kind.WORKER, process=process, started_at=started)
        beater = threading.Thread(target=beat_forever, name="prongsai-heartbeat", daemon=True)
        beater.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            beater.join(timeout=5)
            with suppress(DatabaseError):
                services.heartbeat_stop(process=process)
