"""Service statistics (OIT o13) and satisfaction summaries (o17), per service and month.

Counted by the month in which a request was received (Bangkok time):

* walk-in vs E-Service (online form and Open311 together) — the two figures measure 3.3 of the seed names;
* on-time share: of the requests completed, those completed by their due date (the clock stopped while the
  agency waited for the applicant's documents, as the due date already accounts for);
* median duration: working days from receipt to completion, of the completed requests.
"""

from __future__ import annotations

import statistics as pystats
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Avg, Count, Q

from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range
from prongsai.core.workdays import WorkCalendar

from . import clock, schedule
from .models import ONLINE_CHANNELS, Channel, RequestStatus, SatisfactionResponse, Service, ServiceRequest


@dataclass
class Cell:
    """The figures of one service (or all services) in one month (or the whole period)."""

    walk_in: int = 0
    eservice: int = 0
    completed: int = 0
    on_time: int = 0
    durations: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.walk_in + self.eservice

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.completed if self.completed else None

    @property
    def on_time_percent(self) -> float | None:
        share = self.on_time_share
        return round(share * 100, 1) if share is not None else None

    @property
    def median_days(self) -> float | None:
        return float(pystats.median(self.durations)) if self.durations else None

    def add(self, other: Cell) -> None:
        self.walk_in += other.walk_in
        self.eservice += other.eservice
        self.completed += other.completed
        self.on_time += other.on_time
        self.durations.extend(other.durations)


@dataclass
class ServiceRow:
    service: Service
    months: list[Cell]
    total: Cell


@dataclass
class StatisticsReport:
    fiscal_year: int
    start: date
    end: date
    months: list[date]
    rows: list[ServiceRow]
    month_totals: list[Cell]
    total: Cell


def month_starts(start: date, end: date) -> list[date]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def current_fiscal_year() -> int:
    return fiscal_year(clock.now())


def service_statistics(agency: Agency, fy_be: int) -> StatisticsReport:
    """Counts per published service and month of fiscal year ``fy_be`` (Buddhist era)."""
    start, end = fiscal_year_range(fy_be)
    months = month_starts(start, end)
    index = {m: i for i, m in enumerate(months)}
    services = list(
        Service.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).order_by("order", "name_th")
    )
    cells: dict[int, list[Cell]] = {s.pk: [Cell() for _ in months] for s in services}
    lo = datetime.combine(start, datetime.min.time(), tzinfo=BANGKOK)
    hi = datetime.combine(end, datetime.max.time(), tzinfo=BANGKOK)
    rows = ServiceRequest.objects.filter(agency=agency, received_at__range=(lo, hi)).values_list(
        "service_id", "channel", "status", "received_at", "completed_at", "due_at"
    )
    calendar = WorkCalendar(agency)
    for service_id, channel, status, received, completed, due in rows.iterator(chunk_size=2000):
        if service_id not in cells:
            continue
        local = received.astimezone(BANGKOK).date()
        cell = cells[service_id][index[date(local.year, local.month, 1)]]
        if channel in ONLINE_CHANNELS:
            cell.eservice += 1
        elif channel == Channel.WALK_IN:
            cell.walk_in += 1
        if status in (RequestStatus.APPROVED, RequestStatus.REJECTED) and completed is not None:
            cell.completed += 1
            if due is None or completed <= due:
                cell.on_time += 1
            cell.durations.append(schedule.working_days_taken(calendar, received, completed))
    report_rows = []
    month_totals = [Cell() for _ in months]
    grand = Cell()
    for service in services:
        total = Cell()
        for i, cell in enumerate(cells[service.pk]):
            total.add(cell)
            month_totals[i].add(cell)
        grand.add(total)
        report_rows.append(ServiceRow(service=service, months=cells[service.pk], total=total))
    return StatisticsReport(
        fiscal_year=fy_be,
        start=start,
        end=end,
        months=months,
        rows=report_rows,
        month_totals=month_totals,
        total=grand,
    )


@dataclass
class SatisfactionRow:
    service: Service | None
    answers: int
    speed: float | None
    staff: float | None
    clarity: float | None
    overall: float | None
    satisfied: int

    @property
    def satisfied_percent(self) -> float | None:
        return round(self.satisfied * 100 / self.answers, 1) if self.answers else None


def satisfaction_summary(agency: Agency, start: date, end: date) -> list[SatisfactionRow]:
    """Average scores (1–5) per published service for answers given between ``start`` and ``end``; the
    last row (service None) is the whole agency. "Satisfied" means an overall score of 4 or 5."""
    lo = datetime.combine(start, datetime.min.time(), tzinfo=BANGKOK)
    hi = datetime.combine(end, datetime.max.time(), tzinfo=BANGKOK)
    base = SatisfactionResponse.objects.filter(agency=agency, answered_at__range=(lo, hi))
    aggregates = {
        "answers": Count("pk"),
        # Named apart from the fields: an annotation may not shadow the column it averages.
        "avg_speed": Avg("speed"),
        "avg_staff": Avg("staff"),
        "avg_clarity": Avg("clarity"),
        "avg_overall": Avg("overall"),
        "satisfied": Count("pk", filter=Q(overall__gte=4)),
    }
    per_service: dict[int, dict[str, Any]] = {
        r["service_id"]: r for r in base.values("service_id").annotate(**aggregates)
    }
    result = []
    for service in Service.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).order_by(
        "order", "name_th"
    ):
        r = per_service.get(service.pk, {})
        result.append(_satisfaction_row(service, r))
    result.append(_satisfaction_row(None, base.aggregate(**aggregates)))
    return result


def _satisfaction_row(service: Service | None, r: dict[str, Any]) -> SatisfactionRow:
    def avg(name: str) -> float | None:
        value = r.get(f"avg_{name}")
        return round(float(value), 2) if value is not None else None

    return SatisfactionRow(
        service=service,
        answers=int(r.get("answers") or 0),
        speed=avg("speed"),
        staff=avg("staff"),
        clarity=avg("clarity"),
        overall=avg("overall"),
        satisfied=int(r.get("satisfied") or 0),
    )


def statistics_span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    """When the service statistics first had data (the first request) and last changed."""
    from django.db.models import Max, Min

    found = (
        ServiceRequest.objects.filter(agency=agency)
        .order_by()
        .aggregate(first=Min("received_at"), received=Max("received_at"), completed=Max("completed_at"))
    )
    last = max((d for d in (found["received"], found["completed"]) if d is not None), default=None)
    return found["first"], last


def statistics_years(agency: Agency) -> list[int]:
    """Fiscal years (BE) from the first request to the current one, newest first."""
    first, _last = statistics_span(agency)
    current = current_fiscal_year()
    oldest = fiscal_year(first) if first else current
    return list(range(current, oldest - 1, -1))
