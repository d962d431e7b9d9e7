"""Evidence from the plans (planning selectors) and from the ITA analysis kept in the ita app itself."""

from __future__ import annotations

from functools import partial

from django.urls import reverse

from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.thai import fiscal_year_range
from prongsai.ita.models import Analysis
from prongsai.ita.providers import Evidence, Provider
from prongsai.people import selectors as people_selectors
from prongsai.planning import selectors as plan_selectors
from prongsai.planning.models import Plan, PlanItem


def _items(plan: Plan) -> list[PlanItem]:
    return list(plan.items.all())


def _plan(agency: Agency, fiscal_year: int, *, kind: str, subject: str) -> Evidence | None:
    """A published plan that applies to ``fiscal_year``: its items with outputs, budget and period."""
    plan = plan_selectors.plan_of(agency, kind, fiscal_year, published_only=True)
    if plan is None:
        return None
    items = _items(plan)
    leaves = [i for i in items if i.kind in {PlanItem.Kind.PROJECT, PlanItem.Kind.ACTIVITY}] or items
    dates = [d for d in [plan.approved_on, plan.published_at.date() if plan.published_at else None] if d]
    return Evidence(
        subject=subject,
        urls=[reverse("planning:plan_detail", args=[plan.public_id])],
        checks={
            "items": bool(items),
            "exists": bool(items) and plan.last_year > plan.first_year,
            "outputs": bool(leaves) and all(i.outputs.strip() for i in leaves),
            "budget": bool(leaves) and all(i.budget is not None for i in leaves),
            "period": bool(leaves) and all(i.period_start or i.period_text for i in leaves),
            "owner": bool(leaves) and all(i.owner.strip() for i in leaves),
            "steps": bool(leaves) and all(i.details.strip() or i.title.strip() for i in leaves),
            "strategies": any(i.kind == PlanItem.Kind.STRATEGY for i in items),
            "targets": bool(leaves) and all(i.outputs.strip() for i in leaves),
            "indicators": bool(leaves) and all(i.indicators.strip() for i in leaves),
        },
        dates=dates,
        fiscal_years=set(range(plan.first_year, plan.last_year + 1)),
    )


def _progress(agency: Agency, fiscal_year: int, *, kind: str, subject: str) -> Evidence | None:
    """The six-month progress report of the year's plan (data as of 31 March)."""
    plan = plan_selectors.plan_of(agency, kind, fiscal_year, published_only=True)
    if plan is None or plan.fiscal_year != fiscal_year:
        return None
    report = plan_selectors.progress_report_of(plan)
    if report is None:
        return None
    entries = list(report.entries.all())
    return Evidence(
        subject=subject,
        urls=[reverse("planning:plan_progress", args=[plan.public_id])],
        checks={
            "results": bool(entries) and all(e.result.strip() for e in entries),
            "spending": bool(entries) and all(e.spent is not None for e in entries),
        },
        dates=[report.as_of],
        fiscal_years={fiscal_year},
    )


def _annual(
    agency: Agency, fiscal_year: int, *, kind: str, subject: str, previous: bool = True
) -> Evidence | None:
    """The annual results of the previous year (what the OIT asks for in ``fiscal_year``): those of the plan
    in force that year, which for a multi-year plan (the HR plan 2567–2569) are its results of that year."""
    year = fiscal_year - 1 if previous else fiscal_year
    plan = plan_selectors.plan_of(agency, kind, year, published_only=True)
    if plan is None:
        return None
    results = list(plan_selectors.results_of(plan, year))
    report = plan_selectors.annual_report_of(plan, year)
    if not results:
        return None
    url = reverse("planning:plan_results", args=[plan.public_id])
    urls = [url if year == plan.fiscal_year else f"{url}?year={year}"]
    statistics = {"staffing": False, "training": False}
    if kind == Plan.Kind.HR:
        # The HR report's staffing and training statistics are counted by the people app.
        statistics = _people_statistics(agency, year)
        urls.append(f"{reverse('people:statistics')}?fiscal_year={year}")
    return Evidence(
        subject=subject,
        urls=urls,
        checks={
            "results": all(r.result.strip() for r in results),
            "items": True,
            "outcomes": all(r.result.strip() for r in results),
            "spending": all(r.spent is not None for r in results),
            "dates": all(r.actual_start and r.actual_end for r in results),
            "problems": bool(report and report.problems.strip()) or any(r.problems.strip() for r in results),
            "suggestions": bool(report and report.suggestions.strip())
            or any(r.suggestions.strip() for r in results),
            **statistics,
        },
        dates=[d for d in [report.reported_on if report else None] if d],
        fiscal_years={year},
    )


def _people_statistics(agency: Agency, year: int) -> dict[str, bool]:
    """Whether the year's staffing (as of its last day) and training statistics have data to count."""
    staffing = people_selectors.staffing_as_of(agency, fiscal_year_range(year)[1])
    training = people_selectors.training_stats(agency, year)
    return {"staffing": not staffing.is_empty, "training": training.attendances > 0}


def ita_analysis(agency: Agency, fiscal_year: int) -> Evidence | None:
    analysis = Analysis.objects.filter(
        agency=agency, fiscal_year=fiscal_year, status=PublicationStatus.PUBLISHED
    ).first()
    if analysis is None:
        return None
    topics = list(analysis.topics.all())
    return Evidence(
        subject="ita_analysis",
        urls=[reverse("ita:analysis", args=[fiscal_year])],
        checks={
            "topics": len(topics) >= 7 and all(t.findings.strip() for t in topics),
            "actions": bool(topics)
            and all(t.method.strip() and t.owner.strip() and t.period.strip() for t in topics),
            "limitations": bool(analysis.limitations.strip() and analysis.problems.strip()),
        },
        dates=[analysis.published_at.date()] if analysis.published_at else [],
        fiscal_years={fiscal_year},
    )


PROVIDERS: dict[str, Provider] = {
    "strategic_plan": partial(_plan, kind=Plan.Kind.DEVELOPMENT, subject="strategic_plan"),
    "operations_plan": partial(_plan, kind=Plan.Kind.OPERATIONS, subject="operations_plan"),
    "operations_progress": partial(_progress, kind=Plan.Kind.OPERATIONS, subject="operations_progress"),
    "operations_report": partial(_annual, kind=Plan.Kind.OPERATIONS, subject="operations_report"),
    "hr_plan": partial(_plan, kind=Plan.Kind.HR, subject="hr_plan"),
    "hr_report": partial(_annual, kind=Plan.Kind.HR, subject="hr_report"),
    "anti_corruption_plan": partial(_plan, kind=Plan.Kind.ANTI_CORRUPTION, subject="anti_corruption_plan"),
    "anti_corruption_progress": partial(
        _progress, kind=Plan.Kind.ANTI_CORRUPTION, subject="anti_corruption_progress"
    ),
    "anti_corruption_report": partial(
        _annual, kind=Plan.Kind.ANTI_CORRUPTION, subject="anti_corruption_report"
    ),
    "integrity_measures": partial(_plan, kind=Plan.Kind.INTEGRITY_MEASURES, subject="integrity_measures"),
    "integrity_measures_report": partial(
        _annual, kind=Plan.Kind.INTEGRITY_MEASURES, subject="integrity_measures_report", previous=False
    ),
    "ita_analysis": ita_analysis,
}
