"""Due dates of request steps, counted on the agency's working-day calendar (``core.workdays``).

Rules (docs/decisions/0021-eservice-time-limits.md):

* a step's due date is its start plus its time allowed, in working days (same time of day, the day of
  receipt not counted) or in office hours (08.30–16.30 on working days);
* each step starts when the previous one is completed, so the plan of the later steps is recomputed then;
* asking the applicant for missing documents stops the clock: what was left of the current step (whole
  working days, or office minutes for an hours step) is kept and counted again from the day the documents
  arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK
from prongsai.core.workdays import (
    OFFICE_CLOSES,
    OFFICE_OPENS,
    WorkCalendar,
    add_working_days,
    add_working_hours,
)

from .models import DurationUnit, RequestStep


def step_deadline(
    agency: Agency, start: datetime, value: int, unit: str, *, calendar: WorkCalendar
) -> datetime:
    """The moment a step started at ``start`` with ``value`` ``unit`` of time is due."""
    if unit == DurationUnit.WORKING_HOURS:
        return add_working_hours(agency, start, value, calendar=calendar)
    return add_working_days(agency, start, value, calendar=calendar)


def plan(
    agency: Agency, steps: Iterable[RequestStep], start: datetime, *, calendar: WorkCalendar
) -> datetime:
    """Give each step in order a due date, the first counted from ``start``; the last due date."""
    moment = start
    for step in steps:
        moment = step_deadline(agency, moment, step.duration_value, step.duration_unit, calendar=calendar)
        step.due_at = moment
    return moment


def working_days_left(calendar: WorkCalendar, moment: datetime, due: datetime) -> int:
    """Working days after the day of ``moment`` up to and including the day of ``due``."""
    day = moment.astimezone(BANGKOK).date()
    end = due.astimezone(BANGKOK).date()
    count = 0
    while day < end:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def office_minutes_between(calendar: WorkCalendar, start: datetime, end: datetime) -> int:
    """Office minutes (08.30–16.30 on working days) between two moments; 0 when ``end`` is not later."""
    if end <= start:
        return 0
    total = timedelta()
    day = start.astimezone(BANGKOK).date()
    last = end.astimezone(BANGKOK).date()
    while day <= last:
        if calendar.is_working_day(day):
            opens = datetime.combine(day, OFFICE_OPENS, tzinfo=BANGKOK)
            closes = datetime.combine(day, OFFICE_CLOSES, tzinfo=BANGKOK)
            lo, hi = max(opens, start), min(closes, end)
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return int(total.total_seconds() // 60)


def working_days_taken(calendar: WorkCalendar, start: datetime, end: datetime) -> int:
    """How many working days a request took: working days after the day of receipt up to completion."""
    return working_days_left(calendar, start, end)
