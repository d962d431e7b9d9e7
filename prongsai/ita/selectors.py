"""Reads of the ita app shared by views, the document exporters and (later) the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.prepared import TenantQuery
from prongsai.ita.models import (
    Analysis,
    BackfilledCount,
    Catalogue,
    EvidenceSnapshot,
    ItaResult,
    ManualEvidence,
    OitItem,
    ResultScore,
    YearSetting,
)

_CATALOGUE_ORDER = ("-fiscal_year", "-is_default", "variant")
# Every catalogue, per process, under the instance-wide publication version. A catalogue changes only through
# its files, the admin site or a save (each moves that version), and every public OIT page asked the table
# the same three or four questions about it.
_CATALOGUES: dict[str, list[Catalogue]] = {}


def _catalogues() -> list[Catalogue]:
    """All catalogues, newest year first, the year's default first within it (treat them as read-only)."""
    from prongsai.core.pagecache import global_version

    version = global_version()
    found = _CATALOGUES.get(version)
    if found is None:
        found = list(Catalogue.objects.order_by(*_CATALOGUE_ORDER))
        _CATALOGUES.clear()
        _CATALOGUES[version] = found
    return found


def catalogues_of_year(fiscal_year: int) -> QuerySet[Catalogue]:
    return Catalogue.objects.filter(fiscal_year=fiscal_year).order_by(*_CATALOGUE_ORDER)


def _first_of_year(fiscal_year: int) -> Catalogue | None:
    return next((c for c in _catalogues() if c.fiscal_year == fiscal_year), None)


def years_with_catalogues() -> list[int]:
    return sorted({c.fiscal_year for c in _catalogues()}, reverse=True)


def catalogue_for(agency: Agency, fiscal_year: int) -> Catalogue | None:
    """The catalogue the agency answers in ``fiscal_year``: its choice, else the year's default.

    A choice of the provisional catalogue (the previous year's) gives way to the year's own once loaded.
    """
    return _catalogue_for(year_setting(agency, fiscal_year), fiscal_year)


def _catalogue_for(setting: YearSetting | None, fiscal_year: int) -> Catalogue | None:
    chosen = None
    if setting is not None:
        chosen = next((c for c in _catalogues() if c.pk == setting.catalogue_id), None)
        if chosen is None:  # saved after this process read the catalogues (a version bump is on its way)
            chosen = Catalogue.objects.get(pk=setting.catalogue_id)
    if chosen is not None and chosen.fiscal_year == fiscal_year:
        return chosen
    own = _first_of_year(fiscal_year)
    if own is None and chosen is not None:
        return chosen
    return own


def year_setting(agency: Agency, fiscal_year: int) -> YearSetting | None:
    return YearSetting.objects.filter(agency=agency, fiscal_year=fiscal_year).first()


@dataclass(frozen=True)
class YearOffer:
    """The catalogue an agency answers in a year; ``provisional`` when it is the previous year's, offered
    because NACC has not published the year's own yet (an agency prepares from 1 October)."""

    fiscal_year: int
    catalogue: Catalogue
    provisional: bool


def _today() -> date:
    from django.utils import timezone

    from prongsai.core.thai import BANGKOK

    return timezone.now().astimezone(BANGKOK).date()


def provisional_catalogue(fiscal_year: int, *, today: date | None = None) -> Catalogue | None:
    """The previous year's default catalogue, offered for the current fiscal year when it has none."""
    from prongsai.core.thai import fiscal_year as fiscal_year_of

    if fiscal_year != fiscal_year_of(today or _today()) or _first_of_year(fiscal_year) is not None:
        return None
    return next((c for c in _catalogues() if c.fiscal_year < fiscal_year and c.is_default), None)


def offered_catalogue(agency: Agency, fiscal_year: int, *, today: date | None = None) -> YearOffer | None:
    """The year's catalogue for the agency, or the provisional one of the current year, or None."""
    return _offer(year_setting(agency, fiscal_year), fiscal_year, today=today)


def offer_and_answer_date(agency: Agency, fiscal_year: int) -> tuple[YearOffer | None, date]:
    """``offered_catalogue`` and ``answer_date_for`` together, from one read of the year's setting.

    The public OIT index asks on every uncached visit, so the setting is read by a TenantQuery
    (core/prepared.py) of the two columns used, into an unsaved ``YearSetting``."""
    found = _SETTING.rows(agency, fiscal_year=fiscal_year)
    setting = None
    if found:
        catalogue_id, answer_date = found[0]
        setting = YearSetting(
            agency_id=agency.pk, fiscal_year=fiscal_year, catalogue_id=catalogue_id, answer_date=answer_date
        )
    return _offer(setting, fiscal_year), _answer_date(setting, fiscal_year)


def _setting(agency_id: int, fiscal_year: int) -> QuerySet[Any]:
    return YearSetting.objects.filter(agency_id=agency_id, fiscal_year=fiscal_year).values_list(
        "catalogue_id", "answer_date"
    )


_SETTING = TenantQuery(_setting, fiscal_year=int)


def _offer(setting: YearSetting | None, fiscal_year: int, *, today: date | None = None) -> YearOffer | None:
    catalogue = _catalogue_for(setting, fiscal_year)
    if catalogue is not None:
        return YearOffer(fiscal_year, catalogue, provisional=catalogue.fiscal_year != fiscal_year)
    provisional = provisional_catalogue(fiscal_year, today=today)
    return YearOffer(fiscal_year, provisional, provisional=True) if provisional else None


def offered_years(*, today: date | None = None) -> list[int]:
    """The years with a catalogue, and the current year when it is offered provisionally (newest first)."""
    from prongsai.core.thai import fiscal_year as fiscal_year_of

    years = set(years_with_catalogues())
    current = fiscal_year_of(today or _today())
    if current not in years and provisional_catalogue(current, today=today) is not None:
        years.add(current)
    return sorted(years, reverse=True)


def answer_date_for(agency: Agency, fiscal_year: int) -> date:
    """The agency's ITAS answer date of the year: its setting, else the ITAS calendar's default.

    The one source of truth for the readiness check, the evidence copies and the scheduler.
    """
    return _answer_date(year_setting(agency, fiscal_year), fiscal_year)


def _answer_date(setting: YearSetting | None, fiscal_year: int) -> date:
    from prongsai.ita.itas_calendar import default_answer_date

    if setting is not None and setting.answer_date is not None:
        return setting.answer_date
    return default_answer_date(fiscal_year)


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
    """For every active agency, its most recent ITAS answer date on or before ``day`` (its setting of a
    year, else the calendar's default: ``answer_date_for`` in bulk).

    The scheduler takes the evidence copies of an agency on the day this returns ``day`` for it.
    """
    from django_scopes import scopes_disabled

    from prongsai.core.thai import fiscal_year as fiscal_year_of
    from prongsai.ita.itas_calendar import default_answer_date

    years = set(years_with_catalogues()) | {fiscal_year_of(day)}
    with scopes_disabled():
        agency_ids = list(Agency.objects.filter(is_active=True).values_list("pk", flat=True))
        explicit = {
            (agency_id, year): answer
            for agency_id, year, answer in YearSetting.objects.filter(
                agency__is_active=True, answer_date__isnull=False
            ).values_list("agency_id", "fiscal_year", "answer_date")
        }
    latest: dict[int, date] = {}
    for agency_id in agency_ids:
        dates = [explicit.get((agency_id, year)) or default_answer_date(year) for year in years]
        passed = [d for d in dates if d <= day]
        if passed:
            latest[agency_id] = max(passed)
    return latest


def answering_on(agency: Agency, day: date) -> list[YearOffer]:
    """The years (with their catalogues) whose ITAS answer date for the agency is ``day``."""
    from prongsai.core.thai import fiscal_year as fiscal_year_of

    offers = []
    for year in sorted(set(years_with_catalogues()) | {fiscal_year_of(day)}):
        if answer_date_for(agency, year) == day:
            offer = offered_catalogue(agency, year, today=day)
            if offer is not None:
                offers.append(offer)
    return offers


def backfilled_counts(agency: Agency, fiscal_year: int) -> QuerySet[BackfilledCount]:
    """The monthly totals entered for months before go-live, with who entered them."""
    return BackfilledCount.objects.filter(agency=agency, fiscal_year=fiscal_year).select_related("entered_by")


def published_scores(agency: Agency) -> QuerySet[ResultScore]:
    """Every score of the agency's published results, by year (the open-data catalogue)."""
    return (
        ResultScore.objects.filter(agency=agency, result__agency=agency, result__is_published=True)
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


def item_titles(catalogue_ids: set[int]) -> dict[int, list[tuple[str, str]]]:
    """(code, Thai title) of the OIT items of each catalogue, in order."""
    result: dict[int, list[tuple[str, str]]] = {pk: [] for pk in catalogue_ids}
    for catalogue_id, code, title in (
        OitItem.objects.filter(catalogue_id__in=catalogue_ids)
        .order_by("catalogue_id", "order")
        .values_list("catalogue_id", "code", "title_th")
    ):
        result[catalogue_id].append((code, title))
    return result


def latest_results(agency_ids: list[int]) -> dict[int, ItaResult]:
    """Each agency's most recent official ITA result (published or not), in one query."""
    found: dict[int, ItaResult] = {}
    for result in ItaResult.objects.filter(agency_id__in=agency_ids).order_by("agency_id", "-fiscal_year"):
        found.setdefault(result.agency_id, result)
    return found
