"""Reads of the channel shared by views, tasks and the statistics. None of them decrypts anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet

from prongsai.core.models import Agency, Membership, PublicationStatus, User
from prongsai.core.roles import Role
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range
from prongsai.whistleblower.models import (
    ArchivedTally,
    ChannelSettings,
    Guideline,
    IdentityRequest,
    IdentityRequestStatus,
    KeyHolder,
    Report,
    ReportGrant,
    ReportStatus,
)


def channel_settings(agency: Agency) -> ChannelSettings:
    """The agency's time limits and retention (created with defaults on first use)."""
    found, _created = ChannelSettings.objects.get_or_create(agency=agency)
    return found


def _holders_with_role(agency: Agency, role: str) -> list[KeyHolder]:
    users = Membership.objects.filter(agency=agency, role=role, is_active=True, user__is_active=True).values(
        "user_id"
    )
    return list(
        KeyHolder.objects.filter(agency=agency, user_id__in=users)
        .select_related("user")
        .order_by("user__first_name")
    )


def holders_by_id(agency: Agency, ids: set[int]) -> QuerySet[KeyHolder]:
    return KeyHolder.objects.filter(agency=agency, pk__in=ids).select_related("user")


def recipient_holders(agency: Agency) -> list[KeyHolder]:
    """Active integrity-committee members who have set up a key: the possible recipients of a new report."""
    return _holders_with_role(agency, Role.INTEGRITY_COMMITTEE)


def custodian_holders(agency: Agency) -> list[KeyHolder]:
    """Active identity custodians with a key: holders of the identity shares."""
    return _holders_with_role(agency, Role.IDENTITY_CUSTODIAN)


def holder_of(agency: Agency, user: User) -> KeyHolder | None:
    return KeyHolder.objects.filter(agency=agency, user=user).first()


def holders_of(report: Report) -> list[KeyHolder]:
    """The recipients a report is sealed to who are still active committee members."""
    active = {h.pk for h in recipient_holders(report.agency)}
    return [g.holder for g in report.grants.select_related("holder__user") if g.holder_id in active]


def reports_with_tags(agency: Agency, tags: list[str]) -> list[Report]:
    """Reports whose receipt lookup tag is one of ``tags`` (a handful at most)."""
    return list(
        Report.objects.filter(agency=agency, receipt_tag__in=tags).exclude(receipt_verifier=None)[:20]
    )


def grants_for(holder: KeyHolder) -> QuerySet[ReportGrant]:
    """The reports sealed to ``holder``, newest first, for the recipient's list."""
    return (
        ReportGrant.objects.filter(agency=holder.agency, holder=holder)
        .select_related("report")
        .order_by("-report__received_at")
    )


def grant_of(holder: KeyHolder, report_id: int) -> ReportGrant | None:
    return (
        ReportGrant.objects.filter(agency=holder.agency, holder=holder, report_id=report_id)
        .select_related("report", "report__agency")
        .first()
    )


def pending_identity_requests(agency: Agency) -> QuerySet[IdentityRequest]:
    return (
        IdentityRequest.objects.filter(agency=agency, status=IdentityRequestStatus.PENDING)
        .select_related("requester__user", "report")
        .order_by("created_at")
    )


def decided_identity_requests(agency: Agency) -> QuerySet[IdentityRequest]:
    return (
        IdentityRequest.objects.filter(agency=agency)
        .exclude(status=IdentityRequestStatus.PENDING)
        .select_related("requester__user", "decided_by__user")
        .order_by("-decided_at")[:50]
    )


def published_guideline(agency: Agency) -> Guideline | None:
    return Guideline.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).first()


def guideline_for_staff(agency: Agency) -> Guideline | None:
    return Guideline.objects.filter(agency=agency).first()


def channel_ready(agency: Agency) -> bool:
    """Whether a report submitted now could be read by anyone (at least one recipient key exists)."""
    return bool(recipient_holders(agency))


# --- statistics -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthRow:
    year: int  # CE year of the month
    month: int
    total: int
    completed: int

    @property
    def in_progress(self) -> int:
        return self.total - self.completed


@dataclass(frozen=True)
class FiscalYearStats:
    fiscal_year: int
    months: list[MonthRow]
    as_of: date

    @property
    def total(self) -> int:
        return sum(m.total for m in self.months)

    @property
    def completed(self) -> int:
        return sum(m.completed for m in self.months)

    @property
    def in_progress(self) -> int:
        return self.total - self.completed


def _month_of(moment: datetime) -> tuple[int, int]:
    local = moment.astimezone(BANGKOK)
    return local.year, local.month


def statistics(agency: Agency, fy_be: int, *, as_of: date) -> FiscalYearStats:
    """De-identified counts for one fiscal year: per month of receipt, total, completed, in progress.

    Every month of the fiscal year is listed, with explicit zeros (OIT o24/O19). A report counts as completed
    once it is closed; forwarded reports count as in progress until the committee closes them. Purged
    reports are still counted through the archived tallies (month and number only).
    """
    first, last = fiscal_year_range(fy_be)
    counts: dict[tuple[int, int], list[int]] = {}
    year, month = first.year, first.month
    for _ in range(12):
        counts[(year, month)] = [0, 0]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    start = datetime(first.year, first.month, 1, tzinfo=BANGKOK)
    end = datetime(last.year, last.month, last.day, 23, 59, 59, tzinfo=BANGKOK)
    rows = Report.objects.filter(agency=agency, received_at__range=(start, end)).values_list(
        "received_at", "status"
    )
    for received_at, status in rows:
        bucket = counts[_month_of(received_at)]
        bucket[0] += 1
        if status == ReportStatus.CLOSED:
            bucket[1] += 1
    for tally in ArchivedTally.objects.filter(agency=agency):
        key = (tally.year, tally.month)
        if key in counts:
            counts[key][0] += tally.closed_count
            counts[key][1] += tally.closed_count
    months = [MonthRow(y, m, total, done) for (y, m), (total, done) in counts.items()]
    return FiscalYearStats(fiscal_year=fy_be, months=months, as_of=as_of)


def statistics_years(agency: Agency, *, today: date) -> list[int]:
    """Fiscal years to offer: from the year the channel opened or the first report, to the current one.

    The channel opened when its first key holder set up a key. A year in which the channel was open but
    received nothing is still offered, with its explicit zeros, because that is what the OIT item asks for.
    """
    current = fiscal_year(today)
    first = (
        Report.objects.filter(agency=agency)
        .order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    earliest = fiscal_year(first) if first else current
    tally = ArchivedTally.objects.filter(agency=agency).order_by("year", "month").first()
    if tally is not None:
        earliest = min(earliest, fiscal_year(date(tally.year, tally.month, 1)))
    opened = (
        KeyHolder.objects.filter(agency=agency)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if opened is not None:
        earliest = min(earliest, fiscal_year(opened))
    return list(range(current, earliest - 1, -1))


def statistics_span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    """The first receipt and the last receipt or closure, for the open-data catalogue's dates.

    Callers publish only the month of these moments (a day could point at a reporter).
    """
    from django.db.models import Max, Min

    found = (
        Report.objects.filter(agency=agency)
        .order_by()
        .aggregate(first=Min("received_at"), received=Max("received_at"), closed=Max("closed_at"))
    )
    last = max((d for d in (found["received"], found["closed"]) if d is not None), default=None)
    return found["first"], last
