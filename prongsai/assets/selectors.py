"""Reads of the government-property app shared by the staff pages, the public pages and the reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from prongsai.assets.models import (
    Asset,
    AssetPhoto,
    AssetType,
    Condition,
    LendingRules,
    Loan,
    StockTake,
    StockTakeCheck,
)
from prongsai.core.models import Agency, OrgUnit, PublicationStatus, User
from prongsai.core.thai import fiscal_year, fiscal_year_range
from prongsai.procurement import selectors as procurement_selectors
from prongsai.procurement.models import Procurement

MAX_SEARCH_TERMS = 6


@dataclass(frozen=True)
class AssetFilter:
    query: str = ""
    type_id: int | None = None
    unit_id: int | None = None
    condition: str = ""
    lendable: bool = False
    include_written_off: bool = False


def assets_for_staff(agency: Agency, flt: AssetFilter) -> QuerySet[Asset]:
    qs = Asset.objects.filter(agency=agency).select_related("asset_type", "custodian_unit")
    if not flt.include_written_off:
        qs = qs.filter(status=Asset.Status.IN_USE)
    for term in flt.query.split()[:MAX_SEARCH_TERMS]:
        qs = qs.filter(Q(code__icontains=term) | Q(name__icontains=term) | Q(location__icontains=term))
    if flt.type_id:
        qs = qs.filter(asset_type_id=flt.type_id)
    if flt.unit_id:
        qs = qs.filter(custodian_unit_id=flt.unit_id)
    if flt.condition in Condition.values:
        qs = qs.filter(condition=flt.condition)
    if flt.lendable:
        qs = qs.filter(lendable=True)
    return qs.order_by("code")


def register_rows(agency: Agency) -> QuerySet[Asset]:
    """Every item on the register (in use), in code order, for the register export and the stock-take."""
    return (
        Asset.objects.filter(agency=agency, status=Asset.Status.IN_USE)
        .select_related("asset_type", "custodian_unit")
        .order_by("code")
    )


def types_of(agency: Agency) -> QuerySet[AssetType]:
    return (
        AssetType.objects.filter(agency=agency)
        .annotate(n=Count("assets", filter=Q(assets__status=Asset.Status.IN_USE)))
        .order_by("code")
    )


def units_of(agency: Agency) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER).order_by("order", "name_th")


def members_of(agency: Agency) -> QuerySet[User]:
    return (
        User.objects.filter(memberships__agency=agency, memberships__is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )


def procurements_for_link(agency: Agency) -> QuerySet[Procurement]:
    """The published procurement rows an item may have been bought by (through procurement's selectors)."""
    return procurement_selectors.register(agency, procurement_selectors.RegisterFilter())


def photos_of(asset: Asset) -> list[AssetPhoto]:
    return list(asset.photos.all())


def loans_of_asset(asset: Asset) -> QuerySet[Loan]:
    return (
        Loan.objects.filter(agency=asset.agency, asset=asset)
        .select_related("borrower")
        .order_by("-starts_on")
    )


def lendable_assets(agency: Agency, *, public: bool = False) -> QuerySet[Asset]:
    qs = Asset.objects.filter(
        agency=agency, status=Asset.Status.IN_USE, lendable=True, condition=Condition.GOOD
    ).select_related("asset_type")
    if public:
        qs = qs.filter(lendable_to_public=True)
    return qs.order_by("code")


# --- loans -------------------------------------------------------------------------------------------------

LOAN_VIEWS = ("waiting", "approved", "out", "overdue", "closed", "all")


def loans_for_staff(
    agency: Agency, *, view: str, today: date, fiscal_year: int | None = None
) -> QuerySet[Loan]:
    qs = Loan.objects.filter(agency=agency).select_related("asset", "borrower", "decided_by")
    if view == "waiting":
        qs = qs.filter(status=Loan.Status.REQUESTED)
    elif view == "approved":
        qs = qs.filter(status=Loan.Status.APPROVED)
    elif view == "out":
        qs = qs.filter(status=Loan.Status.HANDED_OVER)
    elif view == "overdue":
        qs = qs.filter(status=Loan.Status.HANDED_OVER, due_on__lt=today)
    elif view == "closed":
        qs = qs.filter(status__in=[Loan.Status.RETURNED, Loan.Status.REJECTED, Loan.Status.CANCELLED])
    if fiscal_year:
        start, end = fiscal_year_range(fiscal_year)
        qs = qs.filter(starts_on__gte=start, starts_on__lte=end)
    return qs.order_by("-starts_on", "-pk")


def loan_counts(agency: Agency, today: date) -> dict[str, int]:
    row = Loan.objects.filter(agency=agency).aggregate(
        waiting=Count("pk", filter=Q(status=Loan.Status.REQUESTED)),
        approved=Count("pk", filter=Q(status=Loan.Status.APPROVED)),
        out=Count("pk", filter=Q(status=Loan.Status.HANDED_OVER)),
        overdue=Count("pk", filter=Q(status=Loan.Status.HANDED_OVER, due_on__lt=today)),
    )
    return {k: int(v or 0) for k, v in row.items()}


def loans_of_year(agency: Agency, fiscal_year: int) -> QuerySet[Loan]:
    start, end = fiscal_year_range(fiscal_year)
    return (
        Loan.objects.filter(agency=agency, starts_on__gte=start, starts_on__lte=end)
        .select_related("asset", "decided_by")
        .order_by("starts_on", "pk")
    )


@dataclass(frozen=True)
class LoanStatistics:
    fiscal_year: int
    requests: int
    approved: int
    rejected: int
    returned: int
    returned_late: int
    damaged: int
    out_now: int


def loan_statistics(agency: Agency, fiscal_year: int) -> LoanStatistics:
    loans = list(loans_of_year(agency, fiscal_year))
    decided = [loan for loan in loans if loan.decided_at is not None]
    return LoanStatistics(
        fiscal_year=fiscal_year,
        requests=len(loans),
        approved=sum(1 for loan in decided if loan.status != Loan.Status.REJECTED),
        rejected=sum(1 for loan in loans if loan.status == Loan.Status.REJECTED),
        returned=sum(1 for loan in loans if loan.status == Loan.Status.RETURNED),
        returned_late=sum(1 for loan in loans if loan.returned_late),
        damaged=sum(1 for loan in loans if loan.return_condition and loan.return_condition != Condition.GOOD),
        out_now=sum(1 for loan in loans if loan.status == Loan.Status.HANDED_OVER),
    )


def loan_years(agency: Agency) -> list[int]:
    days = Loan.objects.filter(agency=agency).values_list("starts_on", flat=True)
    return sorted({fiscal_year(d) for d in days}, reverse=True)


@dataclass
class CalendarDay:
    day: date
    loans: list[Loan] = field(default_factory=list)


def booking_calendar(agency: Agency, start: date, days: int = 28) -> list[CalendarDay]:
    """What is booked (requested, approved or out) on each day from ``start``: the loan calendar."""
    end = start + timedelta(days=days - 1)
    loans = list(
        Loan.objects.filter(agency=agency, status__in=Loan.HOLDING, starts_on__lte=end, due_on__gte=start)
        .select_related("asset")
        .order_by("asset__code")
    )
    calendar = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        calendar.append(CalendarDay(day, [loan for loan in loans if loan.starts_on <= day <= loan.due_on]))
    return calendar


# --- rules and the manual ----------------------------------------------------------------------------------


def rules_of(agency: Agency) -> LendingRules | None:
    return LendingRules.objects.filter(agency=agency).first()


def published_rules(agency: Agency) -> LendingRules | None:
    return LendingRules.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).first()


# --- the stock-take ----------------------------------------------------------------------------------------


def stocktakes(agency: Agency) -> QuerySet[StockTake]:
    return StockTake.objects.filter(agency=agency).prefetch_related("committee").order_by("-fiscal_year")


def stocktake_of_year(agency: Agency, fiscal_year: int) -> StockTake | None:
    return (
        StockTake.objects.filter(agency=agency, fiscal_year=fiscal_year).prefetch_related("committee").first()
    )


def reported_stocktakes(agency: Agency) -> QuerySet[StockTake]:
    return stocktakes(agency).filter(status=StockTake.Status.REPORTED)


@dataclass(frozen=True)
class StockTakeRow:
    asset: Asset
    check: StockTakeCheck | None


@dataclass(frozen=True)
class StockTakeResult:
    stocktake: StockTake
    rows: list[StockTakeRow]
    totals: dict[str, int]  # condition → number of items; "unchecked" for items not yet checked
    value: Decimal

    @property
    def checked(self) -> int:
        return sum(n for k, n in self.totals.items() if k != "unchecked")

    @property
    def total(self) -> int:
        return len(self.rows)


def stocktake_items(stocktake: StockTake) -> QuerySet[Asset]:
    """The items a stock-take counts: on the register and acquired by the last day of its fiscal year."""
    return register_rows(stocktake.agency).filter(
        acquired_on__lte=fiscal_year_range(stocktake.fiscal_year)[1]
    )


def stocktake_result(stocktake: StockTake) -> StockTakeResult:
    """Every item with its check. While the stock-take runs that is the register now; once reported, the
    items that were checked (an item written off since stays in the report it belongs to)."""
    checks = {
        c.asset_id: c for c in StockTakeCheck.objects.filter(stocktake=stocktake).select_related("checked_by")
    }
    if stocktake.is_reported:
        assets = (
            Asset.objects.filter(agency=stocktake.agency, pk__in=list(checks))
            .select_related("asset_type", "custodian_unit")
            .order_by("code")
        )
    else:
        assets = stocktake_items(stocktake)
    rows = [StockTakeRow(asset, checks.get(asset.pk)) for asset in assets]
    totals: Counter[str] = Counter({c: 0 for c in Condition.values})
    for row in rows:
        totals[row.check.result if row.check else "unchecked"] += 1
    value = sum((row.asset.price for row in rows), Decimal("0"))
    return StockTakeResult(stocktake=stocktake, rows=rows, totals=dict(totals), value=value)


def unchecked_assets(stocktake: StockTake, query: str = "") -> QuerySet[Asset]:
    done = StockTakeCheck.objects.filter(stocktake=stocktake).values("asset_id")
    qs = stocktake_items(stocktake).exclude(pk__in=done)
    for term in query.split()[:MAX_SEARCH_TERMS]:
        qs = qs.filter(Q(code__icontains=term) | Q(name__icontains=term) | Q(location__icontains=term))
    return qs


def register_totals(agency: Agency) -> dict[str, int]:
    rows = (
        Asset.objects.filter(agency=agency, status=Asset.Status.IN_USE)
        .values("condition")
        .annotate(n=Count("pk"))
    )
    totals = {c: 0 for c in Condition.values}
    for row in rows:
        totals[row["condition"]] = row["n"]
    return totals


def register_value(agency: Agency) -> Decimal:
    total = Asset.objects.filter(agency=agency, status=Asset.Status.IN_USE).aggregate(v=Sum("price"))["v"]
    return total or Decimal("0")
