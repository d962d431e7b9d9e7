"""The schedule registry: every periodic job of Prongsai is declared once, with ``@job(...)`` in ops/jobs.py.

A declaration names the job, says when it is due (``Daily`` at a Bangkok time, or ``Every`` n minutes),
whether it runs once for the instance or once per active agency, and, for jobs tied to a date of each agency
(the ITAS answer date), which agencies are due on a given day. The scheduler (``manage.py run_scheduler``)
claims each due slot in the database and queues one ``run_job`` task per claim; the status page and
``/healthz`` read the same declarations to say when a job is late.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK


@dataclass(frozen=True)
class Daily:
    """Once a day at ``at`` (Bangkok time).

    A slot missed while no scheduler was up is still run later the same day, never on a later day: a
    daily job that did not run on its day is reported as late instead of run with the wrong date.
    """

    at: time

    def slot_on(self, day: date) -> datetime:
        return datetime.combine(day, self.at, tzinfo=BANGKOK)

    def due_slot(self, now: datetime) -> datetime | None:
        """The slot to run at ``now``, if one is due today and its time has come."""
        slot = self.slot_on(now.astimezone(BANGKOK).date())
        return slot if now >= slot else None

    def expected_slot(self, now: datetime, grace: timedelta) -> datetime:
        """The newest slot whose run should have finished by ``now``."""
        today = now.astimezone(BANGKOK).date()
        slot = self.slot_on(today)
        return slot if slot + grace <= now else self.slot_on(today - timedelta(days=1))

    def describe(self) -> str:
        return _("ทุกวัน เวลา %(time)s น.") % {"time": self.at.strftime("%H.%M")}


@dataclass(frozen=True)
class Every:
    """Every ``minutes`` minutes, on the multiples of that period since midnight UTC."""

    minutes: int

    def _floor(self, moment: datetime) -> datetime:
        period = self.minutes * 60
        seconds = int(moment.astimezone(UTC).timestamp())
        return datetime.fromtimestamp(seconds - seconds % period, tz=UTC)

    def due_slot(self, now: datetime) -> datetime | None:
        return self._floor(now)

    def expected_slot(self, now: datetime, grace: timedelta) -> datetime:
        return self._floor(now - grace)

    def describe(self) -> str:
        return _("ทุก %(minutes)s นาที") % {"minutes": self.minutes}


Schedule = Daily | Every


@dataclass(frozen=True)
class JobContext:
    """What a job's function receives: the agency (None for an instance job) and the slot it runs for."""

    agency: Agency | None
    slot: datetime

    @property
    def day(self) -> date:
        """The Bangkok date of the slot: the day the job is run for, even when it runs late that day."""
        return self.slot.astimezone(BANGKOK).date()


class JobFailed(Exception):
    """A job's own, expected failure. Its message is written by Prongsai (no personal data) and recorded."""


# The counts a job reports, e.g. {"sent": 3}; numbers only, never names or content.
Counts = dict[str, int]


@dataclass(frozen=True)
class Job:
    name: str
    title: str | Promise
    schedule: Schedule
    run: Callable[[JobContext], Counts | None]
    per_agency: bool = True
    # For jobs tied to a date of each agency: given a day, the most recent due day (<= that day) of every
    # agency that has one. An agency is due on a day when its most recent due day is that day.
    due_days: Callable[[date], dict[int, date]] | None = None
    # How long after its slot a run may take before the job counts as late.
    late_after: timedelta = field(default=timedelta(hours=1))
    # False for the corruption-reporting channel: how many reports were reminded or purged is not shown.
    show_counts: bool = True

    def describe_schedule(self) -> str:
        if self.due_days is not None:
            return _("ในวันที่กำหนดของหน่วยงาน เวลา %(time)s น.") % {
                "time": self.schedule.at.strftime("%H.%M") if isinstance(self.schedule, Daily) else ""
            }
        return self.schedule.describe()


REGISTRY: dict[str, Job] = {}


def job(
    name: str,
    *,
    title: str | Promise,
    schedule: Schedule,
    per_agency: bool = True,
    due_days: Callable[[date], dict[int, date]] | None = None,
    late_after: timedelta | None = None,
    show_counts: bool = True,
) -> Callable[[Callable[[JobContext], Counts | None]], Callable[[JobContext], Counts | None]]:
    """Declare a periodic job: ``@job("app.name", title=..., schedule=Daily(time(2, 0)))`` over a function."""
    if due_days is not None and not (per_agency and isinstance(schedule, Daily)):
        raise ValueError(f"{name}: due_days needs a per-agency Daily schedule")

    def register(function: Callable[[JobContext], Counts | None]) -> Callable[[JobContext], Counts | None]:
        if name in REGISTRY:
            raise ValueError(f"the job {name!r} is declared twice")
        grace = late_after
        if grace is None:
            grace = (
                timedelta(minutes=2 * schedule.minutes) if isinstance(schedule, Every) else timedelta(hours=1)
            )
        REGISTRY[name] = Job(
            name=name,
            title=title,
            schedule=schedule,
            run=function,
            per_agency=per_agency,
            due_days=due_days,
            late_after=grace,
            show_counts=show_counts,
        )
        return function

    return register


def all_jobs() -> list[Job]:
    """Every declared job, in declaration order (ops/jobs.py is imported when the app is ready)."""
    return list(REGISTRY.values())


def get_job(name: str) -> Job | None:
    return REGISTRY.get(name)


def count_label(key: str) -> str:
    """The Thai name of a count that a per-agency job reports, for the status page."""
    labels = {
        "pages": _("หน้าหลักฐานที่เก็บสำเนา"),
        "sent": _("หนังสือแจ้งความคืบหน้าที่ส่ง"),
        "entries": _("รายการที่ตรวจสอบ"),
        "retried": _("ข้อความที่ส่งอีกครั้ง"),
        "years": _("ปีงบประมาณที่ตรวจความพร้อม OIT"),
    }
    return labels.get(key, key)
