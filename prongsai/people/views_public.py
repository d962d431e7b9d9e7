"""Public pages of people and ethics: the HR rules, the staffing and training statistics (counts only), and
the ethics programme (codes in force, the working group with the names of its office holders, the Dos &
Don'ts, the yearly reports). Who attended which course is personal data and never appears here."""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from prongsai.core.access import parse_public_id
from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.thai import fiscal_year, fiscal_year_range
from prongsai.people import access, selectors


def _year(request: AgencyRequest) -> int:
    raw = (request.GET.get("fiscal_year") or "").strip()
    if raw.isdigit() and 2400 <= int(raw) <= 2700:
        return int(raw)
    return fiscal_year(timezone.localdate())


@public
@cache_public_page
def rules(request: AgencyRequest) -> HttpResponse:
    return render(request, "people/rules.html", {"rules": selectors.published_rules(request.agency)})


@public
@cache_public_page
def rule_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    rule = access.get_public_rule(request.agency, public_id)
    return render(request, "people/rule_detail.html", {"rule": rule, "revisions": revisions_of(rule)})


@public
@cache_public_page
def statistics(request: AgencyRequest) -> HttpResponse:
    """Staffing by position type as of the end of the fiscal year (or today, for the current year) and the
    year's training statistics, both counted from the records."""
    year = _year(request)
    end = fiscal_year_range(year)[1]
    as_of = min(end, timezone.localdate())
    return render(
        request,
        "people/statistics.html",
        {
            "year": year,
            "staffing": selectors.staffing_as_of(request.agency, as_of),
            "training": selectors.training_stats(request.agency, year),
            "years": selectors.training_years(request.agency),
        },
    )


@public
@cache_public_page
def ethics(request: AgencyRequest) -> HttpResponse:
    year = _year(request)
    group = selectors.published_group(request.agency, year)
    return render(
        request,
        "people/ethics.html",
        {
            "year": year,
            "codes": selectors.published_codes(request.agency),
            "group": group,
            "members": selectors.members_of(group) if group else [],
            "guide": selectors.published_guide(request.agency, year),
            "reports": selectors.published_reports(request.agency),
            "courses": selectors.ethics_courses(request.agency, year),
        },
    )


@public
def ethics_report(request: AgencyRequest, year: int) -> HttpResponse:
    report = selectors.published_report(request.agency, year)
    if report is None:
        raise Http404
    return render(
        request,
        "people/ethics_report.html",
        {
            "report": report,
            "revisions": revisions_of(report),
            "courses": selectors.ethics_courses(request.agency, year),
        },
    )


@public
def document(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    """A document carried by a published HR rule, code of ethics or working-group order."""
    found = selectors.published_document(request.agency, parse_public_id(public_id))
    if found is None:
        raise Http404
    return file_download(
        found.file,
        content_type=found.content_type,
        filename=found.original_name,
        inline=found.kind in {"pdf", "jpg", "png"},
        max_age=3600,
    )
