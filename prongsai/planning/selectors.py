"""Reads of the planning app, shared by views, the document exporters and the ITA evidence providers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from prongsai.core.models import Agency, PublicationStatus
from prongsai.planning.models import (
    AnnualReport,
    ItemResult,
    Plan,
    PlanItem,
    ProgressEntry,
    ProgressReport,
    ScoreCitation,
)


def plans_for_staff(agency: Agency) -> QuerySet[Plan]:
    return Plan.objects.filter(agency=agency).order_by("-fiscal_year", "kind")


def published_plans(agency: Agency) -> QuerySet[Plan]:
    return Plan.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).order_by(
        "-fiscal_year", "kind"
    )


def published_plans_listed(agency: Agency) -> QuerySet[Plan]:
    """The published plans for the public list, each marked ``has_progress`` when a progress report exists
    (the list links only to progress pages that answer)."""
    return published_plans(agency).annotate(
        has_progress=Exists(ProgressReport.objects.filter(plan=OuterRef("pk")))
    )


def integrity_report_years(agency: Agency) -> list[int]:
    """Fiscal years whose integrity-measures plan is published, newest first: the years whose official
    report (รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส) the public site offers for download."""
    return list(
        published_plans(agency)
        .filter(kind=Plan.Kind.INTEGRITY_MEASURES)
        .values_list("fiscal_year", flat=True)
        .distinct()
    )


def plan_of(agency: Agency, kind: str, fiscal_year: int, *, published_only: bool = False) -> Plan | None:
    """The plan of a kind for a fiscal year (a multi-year plan counts for every year it covers)."""
    query = Plan.objects.filter(agency=agency, kind=kind)
    if published_only:
        query = query.filter(status=PublicationStatus.PUBLISHED)
    exact = query.filter(fiscal_year=fiscal_year).first()
    if exact is not None:
        return exact
    return (
        query.filter(first_year__lte=fiscal_year, last_year__gte=fiscal_year).order_by("-fiscal_year").first()
    )


@dataclass
class ResultRow:
    result: ItemResult
    covered: list[PlanItem]
    citations: list[ScoreCitation]


@dataclass
class ItemNode:
    item: PlanItem
    children: list[ItemNode] = field(default_factory=list)
    results: list[ResultRow] = field(default_factory=list)
    progress: ProgressEntry | None = None


def plan_tree(
    plan: Plan,
    *,
    progress: ProgressReport | None = None,
    fiscal_year: int | None = None,
    every_year: bool = False,
) -> list[ItemNode]:
    """The items of a plan as a tree (measure → activities) with the results of a year (the plan's own
    year unless given; every year's for staff editing a multi-year plan) and, if given, progress.

    Five queries whatever the size of the plan.
    """
    items = list(PlanItem.objects.filter(plan=plan).order_by("number", "pk"))
    results = (
        (ItemResult.objects.filter(plan=plan) if every_year else results_of(plan, fiscal_year))
        .prefetch_related(
            Prefetch("covers", queryset=PlanItem.objects.order_by("number")),
            Prefetch("citations", queryset=ScoreCitation.objects.order_by("order")),
        )
        .order_by("fiscal_year", "order", "pk")
    )
    entries: dict[int, ProgressEntry] = {}
    if progress is not None:
        entries = {e.item_id: e for e in ProgressEntry.objects.filter(report=progress)}
    nodes = {item.pk: ItemNode(item=item, progress=entries.get(item.pk)) for item in items}
    roots: list[ItemNode] = []
    for item in items:
        node = nodes[item.pk]
        if item.parent_id is not None and item.parent_id in nodes:
            nodes[item.parent_id].children.append(node)
        else:
            roots.append(node)
    for result in results:
        owner = nodes.get(result.item_id)
        if owner is not None:
            owner.results.append(
                ResultRow(
                    result=result, covered=list(result.covers.all()), citations=list(result.citations.all())
                )
            )
    return roots


def progress_report_of(plan: Plan, as_of: date | None = None) -> ProgressReport | None:
    """The progress report as of ``as_of`` (or the latest one on or before it; the latest of all if None)."""
    reports = ProgressReport.objects.filter(plan=plan)
    if as_of is not None:
        reports = reports.filter(as_of__lte=as_of)
    return reports.order_by("-as_of").first()


def annual_report_of(plan: Plan, fiscal_year: int | None = None) -> AnnualReport | None:
    """The plan's annual report of a year (the plan's own year unless given)."""
    year = plan.fiscal_year if fiscal_year is None else fiscal_year
    return AnnualReport.objects.filter(plan=plan, fiscal_year=year).first()


def results_of(plan: Plan, fiscal_year: int | None = None) -> QuerySet[ItemResult]:
    """The item results of a year of the plan (the plan's own year unless given)."""
    year = plan.fiscal_year if fiscal_year is None else fiscal_year
    return ItemResult.objects.filter(plan=plan, fiscal_year=year)


def reported_years(plan: Plan) -> list[int]:
    """The years of the plan with results or an annual report, oldest first (a multi-year plan's links)."""
    years = set(ItemResult.objects.filter(plan=plan).values_list("fiscal_year", flat=True))
    years |= set(AnnualReport.objects.filter(plan=plan).values_list("fiscal_year", flat=True))
    return sorted(years)


def citations_of_year(agency: Agency, fiscal_year: int) -> QuerySet[ScoreCitation]:
    return ScoreCitation.objects.filter(
        agency=agency,
        result__agency=agency,
        result__plan__agency=agency,
        result__plan__fiscal_year=fiscal_year,
    )


def published_items(agency: Agency) -> QuerySet[PlanItem]:
    """Every item (strategy, project ...) of the agency's published plans (the open-data catalogue)."""
    return (
        PlanItem.objects.filter(agency=agency, plan__agency=agency, plan__status=PublicationStatus.PUBLISHED)
        .select_related("plan")
        .order_by("plan__fiscal_year", "plan__kind", "plan_id", "pk")
    )


def plans_span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    from django.db.models import Max, Min

    found = (
        Plan.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
        .order_by()
        .aggregate(first=Min("published_at"), last=Max("updated_at"))
    )
    return found["first"], found["last"]
