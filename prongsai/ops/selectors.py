"""Reads of the ops app: the state of each scheduled job (for an agency's status page and for /healthz) and
the liveness of the worker and scheduler processes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.db.models import Max, Min
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK
from prongsai.ops.models import Heartbeat, JobRun, RunStatus
from prongsai.ops.schedule import Daily, Job, all_jobs

State = Literal["ok", "running", "late", "failed", "not_due"]
# A job tied to an agency's date (the ITAS answer date) is reported late for a month after a missed day,
# not forever: an instance installed after an agency's answer date has nothing to catch up.
MISSED_DATE_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class RunSummary:
    status: str
    slot: datetime
    started_at: datetime | None
    finished_at: datetime | None
    counts: dict[str, int]
    error: str


@dataclass(frozen=True)
class JobState:
    job: Job
    state: State
    expected_slot: datetime | None
    last: RunSummary | None

    @property
    def needs_attention(self) -> bool:
        return self.state in {"late", "failed"}


def _expected_slot(job: Job, now: datetime, due_day_of_agency: object = None) -> datetime | None:
    """The newest slot whose run should have finished by ``now`` (None when none is due yet)."""
    if job.due_days is None:
        return job.schedule.expected_slot(now, job.late_after)
    if due_day_of_agency is None or not isinstance(job.schedule, Daily):
        return None
    slot = job.schedule.slot_on(due_day_of_agency)  # type: ignore[arg-type]
    if slot + job.late_after > now or slot < now - MISSED_DATE_WINDOW:
        return None
    return slot


def scheduling_since() -> datetime | None:
    """When this instance first claimed a job slot: no slot before it can be late (a fresh install)."""
    with scopes_disabled():
        first: datetime | None = JobRun.objects.aggregate(first=Min("claimed_at"))["first"]
    return first


def _since(first_claim: datetime | None, agency_created: datetime | None) -> datetime | None:
    """Slots before this moment are not expected: before the instance scheduled anything, or before the
    agency existed. None: nothing has ever been scheduled, so nothing is late yet."""
    if first_claim is None:
        return None
    return max(first_claim, agency_created) if agency_created is not None else first_claim


def _state(
    job: Job, expected: datetime | None, last: RunSummary | None, now: datetime, since: datetime | None
) -> State:
    if last is not None and last.status == RunStatus.FAILED:
        return "failed"
    if (
        expected is not None
        and since is not None
        and expected >= since
        and (last is None or last.slot < expected)
    ):
        return "late"
    if last is None:
        return "not_due"
    if last.status in {RunStatus.QUEUED, RunStatus.RUNNING}:
        # Claimed but not finished: late once the run has had its time (no worker, or a stuck job).
        return "late" if now > last.slot + job.late_after else "running"
    return "ok"


def _summary(run: JobRun) -> RunSummary:
    return RunSummary(
        status=run.status,
        slot=run.slot,
        started_at=run.started_at,
        finished_at=run.finished_at,
        counts=dict(run.counts or {}),
        error=run.error,
    )


def job_states_for_agency(agency: Agency, *, now: datetime) -> tuple[list[JobState], list[JobState]]:
    """The state of every job for ``agency``'s status page: its own jobs, then the instance-wide ones.

    Counts of instance-wide jobs (which cover every agency) and of jobs that hide them are left out.
    """
    today = now.astimezone(BANGKOK).date()
    own: list[JobState] = []
    shared: list[JobState] = []
    first_claim = scheduling_since()
    with scopes_disabled():
        for job in all_jobs():
            runs = JobRun.objects.filter(job=job.name)
            runs = runs.filter(agency=agency) if job.per_agency else runs.filter(agency__isnull=True)
            latest = runs.order_by("-slot").first()
            last = _summary(latest) if latest is not None else None
            if last is not None and (not job.per_agency or not job.show_counts):
                last = RunSummary(last.status, last.slot, last.started_at, last.finished_at, {}, last.error)
            due_day = job.due_days(today).get(agency.pk) if job.due_days is not None else None
            expected = _expected_slot(job, now, due_day)
            since = _since(first_claim, agency.created_at if job.per_agency else None)
            state = JobState(
                job=job, state=_state(job, expected, last, now, since), expected_slot=expected, last=last
            )
            (own if job.per_agency else shared).append(state)
    return own, shared


@dataclass(frozen=True)
class JobHealth:
    name: str
    state: State
    late: int  # agencies (or 1 for an instance job) whose expected run is missing or stuck
    failed: int


def job_health(*, now: datetime) -> list[JobHealth]:
    """Every job's state across the instance (worst agency wins), for /healthz: a few queries per job."""
    today = now.astimezone(BANGKOK).date()
    result: list[JobHealth] = []
    first_claim = scheduling_since()
    with scopes_disabled():
        created = dict(Agency.objects.filter(is_active=True).values_list("pk", "created_at"))
        active = list(created)
        for job in all_jobs():
            if not job.per_agency:
                latest = JobRun.objects.filter(job=job.name, agency__isnull=True).order_by("-slot").first()
                state = _state(
                    job,
                    _expected_slot(job, now),
                    _summary(latest) if latest is not None else None,
                    now,
                    _since(first_claim, None),
                )
                result.append(JobHealth(job.name, state, int(state == "late"), int(state == "failed")))
                continue
            due = job.due_days(today) if job.due_days is not None else None
            expected_by_agency = {
                pk: _expected_slot(job, now, due.get(pk) if due is not None else None) for pk in active
            }
            relevant = [slot for slot in expected_by_agency.values() if slot is not None]
            since = min(relevant) if relevant else now - timedelta(days=2)
            last_slots = dict(
                JobRun.objects.filter(job=job.name, agency_id__in=active, slot__gte=since)
                .values("agency_id")
                .annotate(latest=Max("slot"))
                .values_list("agency_id", "latest")
            )
            lasts: dict[int, RunSummary] = {}
            if last_slots:
                for run in JobRun.objects.filter(job=job.name, slot__in=set(last_slots.values())):
                    if run.agency_id is not None and last_slots.get(run.agency_id) == run.slot:
                        lasts[run.agency_id] = _summary(run)
            states = [
                _state(job, expected_by_agency[pk], lasts.get(pk), now, _since(first_claim, created[pk]))
                for pk in active
            ]
            late, failed = states.count("late"), states.count("failed")
            worst: State = "failed" if failed else "late" if late else "ok"
            result.append(JobHealth(job.name, worst, late, failed))
    return result


@dataclass(frozen=True)
class ProcessHealth:
    state: Literal["ok", "stopped", "not_used"]
    age_seconds: int | None


def worker_stale_after() -> timedelta:
    return timedelta(seconds=3 * settings.WORKER_HEARTBEAT_SECONDS)


def scheduler_stale_after() -> timedelta:
    return timedelta(seconds=max(3 * settings.SCHEDULER_TICK_SECONDS, 60))


def process_health(kind: str, *, now: datetime) -> ProcessHealth:
    """Whether a process of ``kind`` beat recently enough (the newest beat of any such process)."""
    if kind == Heartbeat.Kind.WORKER and not settings.TASKS_USE_WORKER:
        return ProcessHealth("not_used", None)
    newest = Heartbeat.objects.filter(kind=kind).aggregate(newest=Max("beat_at"))["newest"]
    if newest is None:
        return ProcessHealth("stopped", None)
    stale = worker_stale_after() if kind == Heartbeat.Kind.WORKER else scheduler_stale_after()
    age = now - newest
    return ProcessHealth("ok" if age <= stale else "stopped", max(int(age.total_seconds()), 0))


# Staff pages warn when background work waits and no worker has beaten for this long (and never sooner than
# the worker's own staleness threshold, so a slow beat is not reported as a missing worker).
WORKER_MISSING_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class WorkerWarning:
    """Tasks are waiting and no worker has been seen: e-mails, LINE pushes and e-GP imports stand still."""

    last_seen: datetime | None  # the newest heartbeat of any worker; None: never seen on this instance


def worker_missing(*, now: datetime) -> WorkerWarning | None:
    """A warning when at least one task is ready to run and no worker has beaten within the minute; None
    otherwise (also when tasks run inline, without a worker). Reads no agency's data: the queue is the
    instance's, and only whether it is non-empty is asked."""
    if not settings.TASKS_USE_WORKER:
        return None
    newest = Heartbeat.objects.filter(kind=Heartbeat.Kind.WORKER).aggregate(newest=Max("beat_at"))["newest"]
    if newest is not None and now - newest <= max(WORKER_MISSING_AFTER, worker_stale_after()):
        return None
    if not DBTaskResult.objects.ready().exists():
        return None
    return WorkerWarning(last_seen=newest)
