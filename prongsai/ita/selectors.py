"""Reads of the ita app shared by views, the document exporters and (later) the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import QuerySet

from prongsai.core.models import Agency, PublicationStatus
from prongsai.ita.models import (
    Analysis,
    Catalogue,
    EvidenceSnapshot,
    ItaResult,
    ManualEvidence,
    ResultScore,
    YearSetting,
)


def catalogues_of_year(fiscal_year: int) -> QuerySet[Catalogue]:
    return Catalogue.objects.filter(fiscal_year=fiscal_year).order_by("-is_default", "variant")


def years_with_catalogues() -> list[int]:
    return sorted(set(Catalogue.objects.values_list("fiscal_year", flat=True)), reverse=True)


def catalogue_for(agency: Agency, fiscal_year: int) -> Catalogue | None:
    """The catalogue the agency answers in ``fiscal_year``: its choice, else the year's default."""
    setting = (
        YearSetting.objects.filter(agency=agency, fiscal_year=fiscal_year).select_related("catalogue").first()
    )
    if setting is not None:
        return setting.catalogue
    return catalogues_of_year(fiscal_year).first()


def year_setting(agency: Agency, fiscal_year: int) -> YearSetting | None:
    return YearSetting.objects.filter(agency=agency, fiscal_year=fiscal_year).first()


def result_of(agency: Agency, fiscal_year: int, *, published_only: bool = False) -> ItaResult | None:
    query = ItaResult.objects.filter(agency=agency, fiscal_year=fiscal_year)
    if published_only:
        query = query.filter(is_published=True)
    return query.select_related("catalogue").first()


def results_of(agency: Agency, *, published_only: bool = False) -> QuerySet[ItaResult]:
    query = ItaResult.objects.filter(agency=agency)
    if published_only:
        query = query.filter(is_published=True)
    return query.select_related("catalogue").order_by("fiscal_year")


def scores_of(result: ItaResult) -> dict[tuple[str, str], Decimal]:
    """All stored scores of a result keyed by (kind, code)."""
    return {(s.kind, s.code): s.score for s in ResultScore.objects.filter(result=result)}


@dataclass(frozen=True)
class IndicatorTrend:
    number: int
    name_th: str
    points: list[tuple[int, Decimal]]


def indicator_trends(agency: Agency) -> list[IndicatorTrend]:
    """Each indicator's score per fiscal year of the published results (two queries in all).

    Indicators are numbered 1–10 in every year of the framework; the name shown is the latest year's.
    """
    results = list(results_of(agency, published_only=True))
    by_result: dict[int, dict[str, Decimal]] = {}
    for score in ResultScore.objects.filter(result__in=results, kind="indicator"):
        by_result.setdefault(score.result_id, {})[score.code] = score.score
    names: dict[int, str] = {}
    for result in results:  # oldest first: a later year's name replaces an earlier one
        for indicator in result.catalogue.indicators.all():
            names[indicator.number] = indicator.name_th
    trends = []
    for number in sorted(names):
        points = [
            (r.fiscal_year, by_result[r.pk][str(number)])
            for r in results
            if str(number) in by_result.get(r.pk, {})
        ]
        if points:
            trends.append(IndicatorTrend(number=number, name_th=names[number], points=points))
    return trends


@dataclass(frozen=True)
class CitedScore:
    found: bool
    value: Decimal | None


def cited_score(agency: Agency, *, fiscal_year: int, kind: str, code: str) -> CitedScore:
    """The score a plan result cites, looked up in the year's ITA result (never typed twice).

    ``kind`` is "indicator", "question", "oit" or "total" (the planning citation kinds).
    """
    result = result_of(agency, fiscal_year)
    if result is None:
        return CitedScore(False, None)
    if kind == "total":
        return CitedScore(True, result.total)
    score = ResultScore.objects.filter(result=result, kind=kind, code=code.strip()).first()
    return CitedScore(score is not None, score.score if score else None)


def manual_evidence_for_staff(agency: Agency, fiscal_year: int) -> QuerySet[ManualEvidence]:
    return ManualEvidence.objects.filter(agency=agency, fiscal_year=fiscal_year).select_related("attachment")


def snapshots_of(agency: Agency, fiscal_year: int) -> QuerySet[EvidenceSnapshot]:
    return EvidenceSnapshot.objects.filter(agency=agency, fiscal_year=fiscal_year).order_by(
        "item_code", "-created_at"
    )


def published_analysis(agency: Agency, fiscal_year: int) -> Analysis | None:
    return (
        Analysis.objects.filter(agency=agency, fiscal_year=fiscal_year, status=PublicationStatus.PUBLISHED)
        .prefetch_related("topics")
        .first()
    )


def analysis_of(agency: Agency, fiscal_year: int) -> Analysis | None:
    return Analysis.objects.filter(agency=agency, fiscal_year=fiscal_year).prefetch_related("topics").first()


def latest_answer_days(day: date) -> dict[int, date]:
    """For every active agency with an ITAS answer date on or before ``day``, its most recent one.

    The scheduler takes the evidence copies of an agency on the day this returns ``day`` for it.
    """
    from django.db.models import Max
    from django_scopes import scopes_disabled

    with scopes_disabled():
        rows = (
            YearSetting.objects.filter(answer_date__lte=day, agency__is_active=True)
            .values("agency_id")
            .annotate(latest=Max("answer_date"))
        )
        return {row["agency_id"]: row["latest"] for row in rows}


def settings_answering_on(agency: Agency, day: date) -> QuerySet[YearSetting]:
    """The agency's year settings whose ITAS answer date is ``day`` (the catalogues to copy evidence for)."""
    return YearSetting.objects.filter(agency=agency, answer_date=day).select_related("catalogue")


def published_scores(agency: Agency) -> QuerySet[ResultScore]:
    """Every score of the agency's published results, by year (the open-data catalogue)."""
    return (
        ResultScore.objects.filter(agency=agency, result__is_published=True)
        .select_related("result")
        .order_by("result__fiscal_year", "kind", "code")
    )


def results_span(agency: Agency) -> tuple[datetime | None, datetime | None]:
    from django.db.models import Max, Min

    found = (
        ItaResult.objects.filter(agency=agency, is_published=True)
        .order_by()
        .aggregate(first=Min("created_at"), last=Max("updated_at"))
    )
    return found["first"], found["last"]
