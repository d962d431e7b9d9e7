"""Public pages of the plans: the list, each plan, its six-month progress and its annual results."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from prongsai.core.http import AgencyRequest
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.planning import access, selectors


@public
@cache_public_page
def plan_list(request: AgencyRequest) -> HttpResponse:
    """แผนงานและรายงาน: the published plans with their progress and results, the official integrity-measures
    report of each published year, and the way to the other reports the agency publishes."""
    return render(
        request,
        "planning/plan_list.html",
        {
            "plans": selectors.published_plans_listed(request.agency),
            "integrity_years": selectors.integrity_report_years(request.agency),
        },
    )


@public
@cache_public_page
def plan_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    plan = access.get_public_plan(request.agency, public_id)
    return render(
        request,
        "planning/plan_detail.html",
        {"plan": plan, "tree": selectors.plan_tree(plan), "revisions": revisions_of(plan)},
    )


@public
@cache_public_page
def plan_progress(request: AgencyRequest, public_id: str) -> HttpResponse:
    plan = access.get_public_plan(request.agency, public_id)
    report = selectors.progress_report_of(plan)
    if report is None:
        raise Http404
    return render(
        request,
        "planning/plan_progress.html",
        {"plan": plan, "report": report, "tree": selectors.plan_tree(plan, progress=report)},
    )


@public
@cache_public_page
def plan_results(request: AgencyRequest, public_id: str) -> HttpResponse:
    plan = access.get_public_plan(request.agency, public_id)
    year = access.year_of(plan, request.GET.get("year"))
    return render(
        request,
        "planning/plan_results.html",
        {
            "plan": plan,
            "year": year,
            "years": selectors.reported_years(plan) if plan.first_year != plan.last_year else [],
            "tree": selectors.plan_tree(plan, fiscal_year=year),
            "annual": selectors.annual_report_of(plan, year),
        },
    )
