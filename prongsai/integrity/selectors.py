"""Reads of the integrity app shared by its pages, the official documents and the OIT evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from prongsai.core.models import Agency, PublicationStatus, User
from prongsai.core.thai import BANGKOK
from prongsai.integrity import rules
from prongsai.integrity.models import (
    CultureActivity,
    GiftEntry,
    GiftReport,
    NoGiftDeclaration,
    PolicyAcknowledgement,
    RiskArea,
    RiskAssessment,
    RiskEvent,
    RiskLevel,
    RiskMeasure,
)

PUBLISHED = PublicationStatus.PUBLISHED


def local_day(value: object) -> date | None:
    from datetime import datetime

    return value.astimezone(BANGKOK).date() if isinstance(value, datetime) else None


# --- No Gift ----------------------------------------------------------------------------------------------


def published_declaration(agency: Agency, fiscal_year: int) -> NoGiftDeclaration | None:
    return NoGiftDeclaration.objects.filter(agency=agency, fiscal_year=fiscal_year, status=PUBLISHED).first()


def published_declarations(agency: Agency) -> QuerySet[NoGiftDeclaration]:
    return NoGiftDeclaration.objects.filter(agency=agency, status=PUBLISHED).order_by("-fiscal_year")


def no_gift_page_published_on(agency: Agency) -> date | None:
    """The day the agency's No Gift page first carried a published declaration: from then on it shows the
    rules on accepting gifts by ethical custom (the ``gift_rules`` subject), else ``None``."""
    first = (
        NoGiftDeclaration.objects.filter(agency=agency, status=PUBLISHED, published_at__isnull=False)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return local_day(first)


def declarations_for_staff(agency: Agency) -> QuerySet[NoGiftDeclaration]:
    return NoGiftDeclaration.objects.filter(agency=agency).order_by("-fiscal_year")


def acknowledged(declaration: NoGiftDeclaration, user: User) -> bool:
    return PolicyAcknowledgement.objects.filter(
        agency=declaration.agency, declaration=declaration, user=user
    ).exists()


def acknowledgement_count(declaration: NoGiftDeclaration) -> int:
    return PolicyAcknowledgement.objects.filter(agency=declaration.agency, declaration=declaration).count()


def published_activities(agency: Agency, fiscal_year: int | None = None) -> QuerySet[CultureActivity]:
    rows = CultureActivity.objects.filter(agency=agency, status=PUBLISHED).prefetch_related("photos")
    if fiscal_year is not None:
        rows = rows.filter(fiscal_year=fiscal_year)
    return rows.order_by("-held_on")


def activities_for_staff(agency: Agency) -> QuerySet[CultureActivity]:
    return CultureActivity.objects.filter(agency=agency).order_by("-held_on")


def gift_entries(agency: Agency, *, user: User | None = None) -> QuerySet[GiftEntry]:
    """The register; with ``user`` only what that member recorded (members see their own entries)."""
    rows = GiftEntry.objects.filter(agency=agency).select_related("decided_by", "recorded_by")
    if user is not None:
        rows = rows.filter(recorded_by=user)
    return rows.order_by("-event_on", "-pk")


def awaiting_decision(agency: Agency) -> QuerySet[GiftEntry]:
    return GiftEntry.objects.filter(agency=agency, status=GiftEntry.Status.AWAITING_DECISION).order_by(
        "decision_due", "pk"
    )


def published_gift_reports(agency: Agency, fiscal_year: int | None = None) -> QuerySet[GiftReport]:
    rows = GiftReport.objects.filter(agency=agency, status=PUBLISHED)
    if fiscal_year is not None:
        rows = rows.filter(fiscal_year=fiscal_year)
    return rows.order_by("-fiscal_year", "period")


def gift_report_of(agency: Agency, fiscal_year: int) -> GiftReport | None:
    """The published report of a year: the full year's, else the six-month one."""
    reports = list(published_gift_reports(agency, fiscal_year))
    for report in reports:
        if report.period == GiftReport.Period.YEAR:
            return report
    return reports[0] if reports else None


def gift_reports_for_staff(agency: Agency) -> QuerySet[GiftReport]:
    return GiftReport.objects.filter(agency=agency).order_by("-fiscal_year", "period")


@dataclass(frozen=True)
class TotalRow:
    label: str
    count: int


def handling_rows(report: GiftReport) -> list[TotalRow]:
    by = report.totals.get("by_handling", {})
    return [TotalRow(str(choice.label), int(by.get(choice.value, 0))) for choice in GiftEntry.Handling]


def direction_rows(report: GiftReport) -> list[TotalRow]:
    by = report.totals.get("by_direction", {})
    return [TotalRow(str(choice.label), int(by.get(choice.value, 0))) for choice in GiftEntry.Direction]


# --- risk -------------------------------------------------------------------------------------------------


def areas(agency: Agency) -> QuerySet[RiskArea]:
    return RiskArea.objects.filter(agency=agency).order_by("position", "pk")


def areas_for_year(agency: Agency, fiscal_year: int) -> list[RiskArea]:
    return [
        a
        for a in areas(agency)
        if a.is_default or a.from_fiscal_year is None or a.from_fiscal_year <= fiscal_year
    ]


def assessments_for_staff(agency: Agency) -> QuerySet[RiskAssessment]:
    return RiskAssessment.objects.filter(agency=agency).order_by("-fiscal_year")


def published_assessments(agency: Agency) -> QuerySet[RiskAssessment]:
    return RiskAssessment.objects.filter(agency=agency, status=PUBLISHED).order_by("-fiscal_year")


def published_assessment(agency: Agency, fiscal_year: int) -> RiskAssessment | None:
    return RiskAssessment.objects.filter(agency=agency, fiscal_year=fiscal_year, status=PUBLISHED).first()


def events_of(assessment: RiskAssessment) -> list[RiskEvent]:
    return list(
        RiskEvent.objects.filter(agency=assessment.agency, assessment=assessment)
        .select_related("area")
        .prefetch_related(Prefetch("measures", queryset=RiskMeasure.objects.prefetch_related("progress")))
        .order_by("area__position", "area_id", "number", "pk")
    )


@dataclass
class AreaSection:
    area: RiskArea
    events: list[RiskEvent] = field(default_factory=list)


def sections(assessment: RiskAssessment) -> list[AreaSection]:
    """The events grouped by area, in the areas' order; the year's default areas appear even when empty."""
    found: dict[int, AreaSection] = {}
    for area in areas_for_year(assessment.agency, assessment.fiscal_year):
        if area.is_default:
            found[area.pk] = AreaSection(area)
    for event in events_of(assessment):
        found.setdefault(event.area_id, AreaSection(event.area)).events.append(event)
    return sorted(found.values(), key=lambda s: (s.area.position, s.area.pk))


@dataclass(frozen=True)
class MatrixCell:
    likelihood: int
    impact: int
    level: str
    label: str
    colour: str
    numbers: list[str]
    x: int
    y: int


@dataclass(frozen=True)
class Matrix:
    cells: list[MatrixCell]
    legend: list[tuple[str, str]]
    size: int = 60


def matrix(assessment: RiskAssessment) -> Matrix:
    """The 5×5 matrix (likelihood across, impact up) with the events' numbers placed in their cells; the
    levels and colours come from rules.yaml. ``x``/``y`` are the SVG coordinates of each cell."""
    placed: dict[tuple[int, int], list[str]] = {}
    for event in events_of(assessment):
        placed.setdefault((event.likelihood, event.impact), []).append(str(event.number))
    size = 60
    cells = []
    for impact in range(5, 0, -1):
        for likelihood in range(1, 6):
            band = rules.level_of(likelihood, impact)
            cells.append(
                MatrixCell(
                    likelihood=likelihood,
                    impact=impact,
                    level=band.level,
                    label=str(RiskLevel(band.level).label),
                    colour=band.colour,
                    numbers=placed.get((likelihood, impact), []),
                    x=40 + (likelihood - 1) * size,
                    y=(5 - impact) * size,
                )
            )
    legend = [(str(RiskLevel(b.level).label), b.colour) for b in rules.level_bands()]
    return Matrix(cells=cells, legend=legend, size=size)


def measures_of(assessment: RiskAssessment) -> list[RiskMeasure]:
    return [m for e in events_of(assessment) for m in e.measures.all()]


def assessment_is_complete(assessment: RiskAssessment) -> tuple[bool, bool]:
    """(every event has a level, every event has a measure)."""
    events = events_of(assessment)
    return bool(events), bool(events) and all(e.measures.all() for e in events)
