"""The working-day calendar: every time limit in Prongsai is counted on it.

A working day is a Monday–Friday that is neither a national public holiday nor a day off of the agency.
Office hours are 08.30–16.30 Bangkok time.

Rules, chosen to match how Thai offices count time limits (the day of receipt is not counted):

* ``add_working_days(start, n)``: if ``start`` falls outside a working day, the clock starts at 08.30 of the
  next working day. The result is the same time of day on the n-th working day after that day.
* ``add_working_hours(start, h)``: only office hours count; a start outside them moves to the next opening.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django_scopes import scopes_disabled

from prongsai.core.models import Agency, AgencyDayOff, PublicHoliday
from prongsai.core.thai import BANGKOK

OFFICE_OPENS = time(8, 30)
OFFICE_CLOSES = time(16, 30)
# How far ahead one database read looks; a long limit reads the next window when it gets there.
_WINDOW = timedelta(days=400)


class WorkCalendar:
    """The closed days of one agency, read from the database a window at a time."""

    def __init__(self, agency: Agency) -> None:
        self.agency = agency
        self._closed: set[date] = set()
        self._loaded_from: date | None = None
        self._loaded_to: date | None = None

    def _load(self, start: date, end: date) -> None:
        with scopes_disabled():
            public = PublicHoliday.objects.filter(date__range=(start, end)).values_list("date", flat=True)
            own = AgencyDayOff.objects.filter(agency=self.agency, date__range=(start, end)).values_list(
                "date", flat=True
            )
            self._closed.update(public)
            self._closed.update(own)
        self._loaded_from = start if self._loaded_from is None else min(start, self._loaded_from)
        self._loaded_to = end if self._loaded_to is None else max(end, self._loaded_to)

    def _ensure(self, day: date) -> None:
        if self._loaded_from is None or self._loaded_to is None:
            self._load(day - timedelta(days=7), day + _WINDOW)
        elif day > self._loaded_to:
            self._load(self._loaded_to + timedelta(days=1), day + _WINDOW)
        elif day < self._loaded_from:
            self._load(day - _WINDOW, self._loaded_from - timedelta(days=1))

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        self._ensure(day)
        return day not in self._closed

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        candidate = day + timedelta(days=1)
        while not self.is_working_day(candidate):
            candidate += timedelta(days=1)
        return candidate


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("Naive datetimes are not accepted; pass an aware datetime.")
    return moment.astimezone(BANGKOK)


def is_working_day(agency: Agency, day: date) -> bool:
    """Whether ``agency`` is open on ``day``."""
    return WorkCalendar(agency).is_working_day(day)


def add_working_days(
    agency: Agency, start: datetime, days: int, *, calendar: WorkCalendar | None = None
) -> datetime:
    """The moment ``days`` working days after ``start`` (see the module docstring for the rules)."""
    if days < 0:
        raise ValueError("days must not be negative")
    cal = calendar or WorkCalendar(agency)
    local = _local(start)
    day, clock = local.date(), local.timetz().replace(tzinfo=None)
    if not cal.is_working_day(day):
        day, clock = cal.next_working_day(day), OFFICE_OPENS
    for _ in range(days):
        day = cal.next_working_day(day)
    return datetime.combine(day, clock, tzinfo=BANGKOK)


def add_working_hours(
    agency: Agency, start: datetime, hours: float, *, calendar: WorkCalendar | None = None
) -> datetime:
    """The moment ``hours`` office hours after ``start``."""
    if hours < 0:
        raise ValueError("hours must not be negative")
    cal = calendar or WorkCalendar(agency)
    local = _local(start)
    day = local.date()
    clock = local.timetz().replace(tzinfo=None)
    if not cal.is_working_day(day) or clock >= OFFICE_CLOSES:
        day, clock = cal.next_working_day(day), OFFICE_OPENS
    elif clock < OFFICE_OPENS:
        clock = OFFICE_OPENS
    remaining = timedelta(hours=hours)
    while True:
        current = datetime.combine(day, clock, tzinfo=BANGKOK)
        closes = datetime.combine(day, OFFICE_CLOSES, tzinfo=BANGKOK)
        if current + remaining <= closes:
            return current + remaining
        remaining -= closes - current
        day, clock = cal.next_working_day(day), OFFICE_OPENS


def working_days_between(agency: Agency, start: date, end: date) -> int:
    """The number of working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    cal = WorkCalendar(agency)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            count += 1
    return count
