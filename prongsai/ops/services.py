"""Writes of the ops app: claiming due job slots, the life of a run, heartbeats and pruning old records.

Job runs are operational records of the instance, not agency data, so their transitions write no audit
event: the run row is the record (who claimed it, when it started and finished, the outcome and counts),
and whatever a job changes in an agency is audited by that app's own services.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_scopes import scopes_disabled

from prongsai.core.models import Agency
from prongsai.ops.models import FINISHED, Heartbeat, JobRun, RunStatus
from prongsai.ops.schedule import Job

JOB_HISTORY_DAYS = 90
TASK_RESULT_DAYS = 14


def process_name() -> str:
    """host:pid:random, unique for each start of a worker or scheduler process."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{get_random_string(8)}"


@dataclass(frozen=True)
class Claim:
    job: str
    agency_id: int | None
    slot: datetime


def due_claims(*, jobs: list[Job], now: datetime) -> list[Claim]:
    """Every (job, agency, slot) due at ``now``, claimed or not yet."""
    with scopes_disabled():
        active = list(Agency.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    claims: list[Claim] = []
    for job in jobs:
        slot = job.schedule.due_slot(now)
        if slot is None:
            continue
        if not job.per_agency:
            claims.append(Claim(job.name, None, slot))
            continue
        agency_ids = active
        if job.due_days is not None:
            day = slot.date()
            due = job.due_days(day)
            agency_ids = [pk for pk in active if due.get(pk) == day]
        claims.extend(Claim(job.name, pk, slot) for pk in agency_ids)
    return claims


@transaction.atomic
def claim_due_runs(*, jobs: list[Job], now: datetime, claimer: str) -> list[int]:
    """Insert a run row for every due slot nobody has claimed yet; return the ids of the rows this call made.

    The insert ignores conflicts with the unique constraints, so when two schedulers tick at once each slot
    is claimed by exactly one of them (the database decides); ``claimer`` must be unique to this call.
    """
    wanted = due_claims(jobs=jobs, now=now)
    if not wanted:
        return []
    with scopes_disabled():
        existing = set(
            JobRun.objects.filter(
                job__in={c.job for c in wanted}, slot__in={c.slot for c in wanted}
            ).values_list("job", "agency_id", "slot")
        )
        missing = [c for c in wanted if (c.job, c.agency_id, c.slot) not in existing]
        if not missing:
            return []
        JobRun.objects.bulk_create(
            [
                JobRun(
                    job=c.job,
                    agency_id=c.agency_id,
                    slot=c.slot,
                    claimed_by=claimer,
                    claimed_at=timezone.now(),
                )
                for c in missing
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        return list(
            JobRun.objects.filter(claimed_by=claimer, status=RunStatus.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


@transaction.atomic
def run_start(*, run_id: int) -> JobRun | None:
    """Take a queued run for this worker; None when it is gone or another worker already took it."""
    with scopes_disabled():
        run = (
            JobRun.objects.select_for_update(of=("self",)).select_related("agency").filter(pk=run_id).first()
        )
        if run is None or run.status != RunStatus.QUEUED:
            return None
        run.start()
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
    return run


@transaction.atomic
def run_finish(*, run_id: int, counts: dict[str, int] | None = None, error: str = "") -> JobRun:
    """Record the outcome of a started run: succeeded with its counts, or failed with a safe error text."""
    with scopes_disabled():
        run = JobRun.objects.select_for_update().get(pk=run_id)
        if error:
            run.fail()
            run.error = error[:300]
        else:
            run.succeed()
            run.counts = {str(k): int(v) for k, v in (counts or {}).items()}
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "finished_at", "error", "counts"])
    return run


@transaction.atomic
def heartbeat_beat(*, kind: str, process: str, started_at: datetime) -> None:
    """Record that ``process`` is alive now."""
    now = timezone.now()
    updated = Heartbeat.objects.filter(process=process).update(beat_at=now)
    if not updated:
        Heartbeat.objects.create(kind=kind, process=process, started_at=started_at, beat_at=now)


@transaction.atomic
def heartbeat_stop(*, process: str) -> None:
    """A process that stops cleanly removes its heartbeat, so /healthz sees it gone at once."""
    Heartbeat.objects.filter(process=process).delete()


@transaction.atomic
def prune_history(*, now: datetime) -> dict[str, int]:
    """Delete finished runs older than 90 days, heartbeats of processes silent for a day, and finished task
    results older than 14 days (the database task backend keeps every result otherwise)."""
    from django_tasks_db.models import DBTaskResult

    with scopes_disabled():
        runs, _ = JobRun.objects.filter(
            status__in=FINISHED, slot__lt=now - timedelta(days=JOB_HISTORY_DAYS)
        ).delete()
    beats, _ = Heartbeat.objects.filter(beat_at__lt=now - timedelta(days=1)).delete()
    results, _ = (
        DBTaskResult.objects.finished()
        .filter(finished_at__lt=now - timedelta(days=TASK_RESULT_DAYS))
        .delete()
    )
    return {"job runs": runs, "heartbeats": beats, "task results": results}
