"""Reads of the complaint channel shared by views, reports and the API: the staff queue and the statistics."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from prongsai.complaints.models import Complaint, ComplaintCategory, ComplaintEvent, ComplaintFile
from prongsai.core.models import Agency, OrgUnit
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range, format_month


def complaint_by_idempotency_key(agency: Agency, key: uuid.UUID) -> Complaint | None:
    return Complaint.objects.filter(agency=agency, idempotency_key=key).first()


def active_categories(agency: Agency) -> QuerySet[ComplaintCategory]:
    return ComplaintCategory.objects.filter(agency=agency, is_active=True).order_by("order", "name_th")


def categories_for_staff(agency: Agency) -> QuerySet[ComplaintCategory]:
    return (
        ComplaintCategory.objects.filter(agency=agency)
        .select_related("default_unit")
        .order_by("order", "name_th")
    )


def units_of(agency: Agency) -> QuerySet[OrgUnit]:
    """Units a complaint can be routed to: the career side, where the work is done."""
    return OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER).order_by("order", "name_th")


# --- the staff queue ---------------------------------------------------------------------------------------

QUEUE_FILTERS = ("open", "new", "overdue", "disputed", "closed", "moved", "all")


def complaints_for_staff(
    agency: Agency,
    *,
    view: str = "open",
    unit_id: int | None = None,
    category_id: int | None = None,
) -> QuerySet[Complaint]:
    """The staff queue; ``view``: open, new (received, not yet acknowledged), overdue (open past a deadline),
    disputed, closed, moved or all."""
    qs = Complaint.objects.filter(agency=agency).select_related("category", "unit")
    now = timezone.now()
    if view == "open":
        qs = qs.filter(status__in=Complaint.OPEN)
    elif view == "new":
        qs = qs.filter(status=Complaint.Status.RECEIVED)
    elif view == "overdue":
        qs = qs.filter(
            Q(status=Complaint.Status.RECEIVED, ack_due__lt=now)
            | Q(status__in=Complaint.OPEN, resolve_due__lt=now)
        )
    elif view == "disputed":
        qs = qs.filter(status=Complaint.Status.RESOLVED, citizen_response=Complaint.CitizenResponse.DISPUTED)
    elif view == "closed":
        qs = qs.filter(status__in=Complaint.CLOSED)
    elif view == "moved":
        qs = qs.filter(status=Complaint.Status.MOVED)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if category_id:
        qs = qs.filter(category_id=category_id)
    order = ("resolve_due", "received_at") if view in {"open", "new", "overdue"} else ("-received_at",)
    return qs.order_by(*order)


@dataclass(frozen=True)
class QueueCounts:
    open: int
    ack_overdue: int
    resolve_overdue: int
    disputed: int


def queue_counts(agency: Agency) -> QueueCounts:
    """Headline numbers of the staff queue, in one query."""
    now = timezone.now()
    counts = Complaint.objects.filter(agency=agency).aggregate(
        open=Count("pk", filter=Q(status__in=Complaint.OPEN)),
        ack_overdue=Count("pk", filter=Q(status=Complaint.Status.RECEIVED, ack_due__lt=now)),
        resolve_overdue=Count("pk", filter=Q(status__in=Complaint.OPEN, resolve_due__lt=now)),
        disputed=Count(
            "pk",
            filter=Q(status=Complaint.Status.RESOLVED, citizen_response=Complaint.CitizenResponse.DISPUTED),
        ),
    )
    return QueueCounts(**counts)


def events_of(complaint: Complaint, *, public_only: bool) -> QuerySet[ComplaintEvent]:
    qs = ComplaintEvent.objects.filter(agency=complaint.agency, complaint=complaint).select_related("actor")
    if public_only:
        qs = qs.filter(is_public=True)
    return qs.order_by("at", "pk")


def files_of(complaint: Complaint, purpose: str | None = None) -> QuerySet[ComplaintFile]:
    qs = ComplaintFile.objects.filter(agency=complaint.agency, complaint=complaint)
    if purpose:
        qs = qs.filter(purpose=purpose)
    return qs.order_by("created_at", "pk")


# --- public statistics -------------------------------------------------------------------------------------


@dataclass
class StatRow:
    label: str
    received: int = 0
    resolved: int = 0
    rejected: int = 0
    forwarded: int = 0
    pending: int = 0
    resolved_on_time: int = 0

    @property
    def done(self) -> int:
        """Finished one way or another (ดำเนินการแล้วเสร็จ): resolved, rejected or forwarded."""
        return self.resolved + self.rejected + self.forwarded

    def add(self, status: str, count: int, on_time: int) -> None:
        self.received += count
        if status == Complaint.Status.RESOLVED:
            self.resolved += count
            self.resolved_on_time += on_time
        elif status == Complaint.Status.REJECTED:
            self.rejected += count
        elif status == Complaint.Status.FORWARDED:
            self.forwarded += count
        else:
            self.pending += count


@dataclass
class CategoryMonths:
    label: str
    counts: list[int]
    total: int


@dataclass
class ComplaintStatistics:
    """General complaints received in one fiscal year, by month and by category, with their current state.

    Months with no complaint are listed with zeros (a nil report is evidence too). Complaints moved to the
    corruption channel are not counted: they are not general complaints, and the corruption channel
    publishes its own de-identified statistics.
    """

    fiscal_year: int
    months: list[StatRow]
    categories: list[StatRow]
    by_category_and_month: list[CategoryMonths]
    month_labels: list[str]
    total: StatRow = field(default_factory=lambda: StatRow(label=""))


def _month_starts(fiscal_year_be: int) -> list[datetime]:
    """The 13 boundaries of the fiscal year's months at midnight Bangkok time (October … next October)."""
    first, _last = fiscal_year_range(fiscal_year_be)
    year, month = first.year, first.month
    bounds = []
    for _ in range(13):
        bounds.append(datetime.combine(date(year, month, 1), time.min, tzinfo=BANGKOK))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return bounds


def complaint_statistics(agency: Agency, fiscal_year_be: int) -> ComplaintStatistics:
    """Statistics of one fiscal year (BE), in one grouped query.

    The months are counted with one conditional aggregate per month over (category, status) groups, so the
    database compares timestamps natively instead of truncating every row to its month.
    """
    bounds = _month_starts(fiscal_year_be)
    month_keys = [(b.year, b.month) for b in bounds[:12]]
    months = [StatRow(label=format_month(*key)) for key in month_keys]
    categories = {c.pk: StatRow(label=c.name_th) for c in ComplaintCategory.objects.filter(agency=agency)}
    matrix: dict[int, list[int]] = {pk: [0] * 12 for pk in categories}
    total = StatRow(label="")
    on_time = Q(status=Complaint.Status.RESOLVED, closed_at__lte=F("resolve_due"))
    aggregates: dict[str, Count] = {}
    for index in range(12):
        in_month = Q(received_at__gte=bounds[index], received_at__lt=bounds[index + 1])
        aggregates[f"n{index}"] = Count("pk", filter=in_month)
        aggregates[f"t{index}"] = Count("pk", filter=in_month & on_time)
    rows = (
        Complaint.objects.filter(agency=agency, received_at__gte=bounds[0], received_at__lt=bounds[12])
        .exclude(status=Complaint.Status.MOVED)
        .values("category_id", "status")
        .annotate(**aggregates)
        .order_by()
    )
    for row in rows:
        status, category_id = row["status"], row["category_id"]
        for index in range(12):
            count, in_time = row[f"n{index}"], row[f"t{index}"]
            if not count:
                continue
            months[index].add(status, count, in_time)
            categories[category_id].add(status, count, in_time)
            matrix[category_id][index] += count
            total.add(status, count, in_time)
    category_rows = sorted(categories.values(), key=lambda r: (-r.received, r.label))
    labels = {pk: row.label for pk, row in categories.items()}
    by_category = sorted(
        (CategoryMonths(label=labels[pk], counts=counts, total=sum(counts)) for pk, counts in matrix.items()),
        key=lambda r: (-r.total, r.label),
    )
    return ComplaintStatistics(
        fiscal_year=fiscal_year_be,
        months=months,
        categories=category_rows,
        by_category_and_month=by_category,
        month_labels=[format_month(*key, abbr=True) for key in month_keys],
        total=total,
    )


def statistics_years(agency: Agency) -> list[int]:
    """Fiscal years (BE) with at least one complaint, plus the current one, newest first."""
    first = (
        Complaint.objects.filter(agency=agency)
        .order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    current = fiscal_year(timezone.localdate())
    oldest = fiscal_year(first) if first else current
    return list(range(current, oldest - 1, -1))


def statistics_month_keys(fiscal_year_be: int) -> list[tuple[int, int]]:
    """The (CE year, month) of each month of a fiscal year, in the order of ``complaint_statistics``."""
    return [(b.year, b.month) for b in _month_starts(fiscal_year_be)[:12]]


def statistics_span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    """When the statistics first had data (the first receipt) and last changed (a receipt or a closure)."""
    from django.db.models import Max, Min

    found = (
        Complaint.objects.filter(agency=agency)
        .exclude(status=Complaint.Status.MOVED)
        .order_by()
        .aggregate(first=Min("received_at"), received=Max("received_at"), closed=Max("closed_at"))
    )
    last = max((d for d in (found["received"], found["closed"]) if d is not None), default=None)
    return found["first"], last


def overdue_counts(agency_ids: list[int]) -> dict[int, int]:
    """Complaints past their acknowledgement or resolution time limit, per agency, in one query."""
    now = timezone.now()
    rows = (
        Complaint.objects.filter(agency_id__in=agency_ids)
        .filter(
            Q(status=Complaint.Status.RECEIVED, ack_due__lt=now)
            | Q(status__in=Complaint.OPEN, resolve_due__lt=now)
        )
        .values("agency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["agency_id"]: row["n"] for row in rows}
