"""What procurement publishes, as evidence for the OIT items of the ITA (see ``prongsai/ita/providers.py``).

Each function answers one data subject of ``prongsai/ita/data/subjects.yaml`` with a plain mapping (this
app never imports ita) read through this app's selectors and report builders, so the evidence is exactly
what the public pages show:

* ``procurement_plan``: the published plan of the year, or the published notice that the year has no
  procurement above the planning threshold (500,000 baht by default) - a nil report;
* ``procurement_announcements``: the year's published announcements;
* ``procurement_progress``: the monthly register (12 fields, สขร.1, the FY2568 16-column data set) and the
  months it covers, nil months included;
* ``procurement_report``: the annual summary by method of the *previous* year, which is what every
  catalogue asks for (window PREV_FY in 2566, 2567-A/B, 2568 and 2569);
* ``procurement_monthly`` (FY2569 O11): the year's monthly summaries bundled per ended quarter, PDF and XLSX;
* ``procurement_monthly_prev`` (FY2569 O12): the previous year's 12 monthly สขร.1, PDF and XLSX.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, fiscal_year_range, half_year_range, quarter_range

from . import reports, selectors
from .models import AnnouncementKind

# From FY2568 the monthly data set has 16 columns, four of which describe the agency itself (ITA O12).
DATASET16_FROM = 2568


def _local_day(value: Any) -> date | None:
    return value.astimezone(BANGKOK).date() if value is not None else None


def _day_after(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1)  # the first day after the month


def procurement_plan(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The year's published plan. A plan with nothing above the threshold is the "no procurement above
    500,000 baht" notice the OIT accepts instead: a nil report whose listing checks hold vacuously when it
    has no item at all. The date is the publication date, so the legal window can be judged."""
    plan = selectors.published_plan(agency, fiscal_year)
    if plan is None:
        return None
    items = list(plan.items.all())
    nil = selectors.plan_needs_no_large_announcement(plan)
    vacuous = nil and not items
    published = _local_day(plan.published_at)
    notes: list[str] = []
    if nil:
        notes.append(_("ประกาศว่าไม่มีการจัดซื้อจัดจ้างที่มีวงเงินเกินกำหนดที่ต้องจัดทำแผน"))
    if selectors.plan_published_in_time(plan) is False:
        notes.append(_("เผยแพร่แผนเกินกำหนดนับจากวันที่ได้รับอนุมัติงบประมาณ"))
    return {
        "urls": [reverse("procurement:plan_detail", args=[plan.fiscal_year])],
        "checks": {
            "exists": True,
            "items": bool(items) or vacuous,
            "budget": vacuous or (bool(items) and all(i.budget is not None for i in items)),
            "source": vacuous or (bool(items) and all(i.budget_source.strip() for i in items)),
            "method": vacuous or (bool(items) and all(i.method for i in items)),
            "timing": vacuous or (bool(items) and all(i.expected_start for i in items)),
        },
        "dates": [published] if published else [],
        "fiscal_years": [plan.fiscal_year],
        "nil_report": nil,
        "notes": notes,
    }


def procurement_announcements(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The year's published announcements (invitations, reference prices, winners, cancellations)."""
    announcements = list(selectors.published_announcements(agency, fiscal_year=fiscal_year))
    if not announcements:
        return None
    kinds = {a.kind for a in announcements}
    return {
        "urls": [f"{reverse('procurement:announcement_list')}?fy={fiscal_year}"],
        "checks": {"exists": bool(kinds & {AnnouncementKind.INVITATION, AnnouncementKind.WINNER})},
        "dates": [a.announced_on for a in announcements],
        "fiscal_years": [fiscal_year],
    }


def _months_covered(agency: Agency, fiscal_year: int) -> list[str]:
    """Months ("YYYY-MM") the public monthly reports cover: months with published rows, and months without
    any that had ended before the register was last published (they show "ไม่มีการจัดซื้อจัดจ้าง")."""
    last = selectors.last_published_on(agency)
    with_data = set(selectors.months_with_data(agency, fiscal_year))
    covered = []
    for year, month in selectors.months_of_year(fiscal_year):
        if (year, month) in with_data or (last is not None and _day_after(year, month) <= last):
            covered.append(f"{year}-{month:02d}")
    return covered


def _contiguous_from_october(months: list[str], fiscal_year: int) -> bool:
    expected = [f"{y}-{m:02d}" for y, m in selectors.months_of_year(fiscal_year)]
    return bool(months) and months == expected[: len(months)]


def procurement_progress(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The monthly register of the year: every month reported (nil months explicitly), every signed
    contract with the 12 fields, and from FY2568 the agency's own columns of the 16-column data set."""
    totals = selectors.totals(selectors.register(agency, selectors.RegisterFilter(fiscal_year=fiscal_year)))
    if totals.count + totals.cancelled == 0:
        # A year without any procurement is declared by a document (manual evidence), not inferred here.
        return None
    start, end = fiscal_year_range(fiscal_year)
    today = timezone.localdate()
    half_end = half_year_range(fiscal_year)[1]
    report = reports.progress_report(agency, max(start, min(end, today)))
    rows = [row for section in report.months for row in section.rows]
    fields = all(value not in (None, "") for row in rows for value in row.values())
    if fiscal_year >= DATASET16_FROM:
        profile = selectors.profile_for(agency)
        fields = fields and all(
            text.strip()
            for text in (agency.district, agency.province, profile.ministry, profile.agency_type_label)
        )
    months = _months_covered(agency, fiscal_year)
    last = selectors.last_published_on(agency)
    as_of = max(start, min(half_end, today))
    return {
        "urls": [
            f"{reverse('procurement:report_progress')}?as_of={as_of.isoformat()}",
            reverse("procurement:report_dataset", args=[fiscal_year]),
            reverse("procurement:report_sorkhor1_year", args=[fiscal_year]),
        ],
        "checks": {"monthly": _contiguous_from_october(months, fiscal_year), "fields": fields},
        "dates": [last] if last else [],
        "fiscal_years": [fiscal_year],
        "months": months,
    }


def procurement_report(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The annual summary by method of the previous fiscal year, with its published problems and
    suggestions (the OIT of ``fiscal_year`` asks for the year before)."""
    year = fiscal_year - 1
    summary = reports.annual_summary(agency, year)
    note = selectors.annual_note(agency, year)
    has_rows = summary.total.count + summary.total.cancelled > 0
    if not has_rows and note is None:
        return None
    published = _local_day(note.published_at) if note else None
    return {
        "urls": [reverse("procurement:report_annual", args=[year])],
        "checks": {
            "counts": has_rows,
            "amounts": has_rows and selectors.unpriced_contracts(agency, year) == 0,
            "problems": bool(summary.problems.strip()),
            "suggestions": bool(summary.suggestions.strip()),
        },
        "dates": [published] if published else [],
        "fiscal_years": [year],
    }


def _documents(identifier: str, fiscal_year: int, as_of: date | None = None) -> list[str]:
    """The public PDF and XLSX of an official procurement document (the reports app's public download)."""
    query = f"?fiscal_year={fiscal_year}" + (f"&as_of={as_of.isoformat()}" if as_of else "")
    return [reverse("reports:public_download", args=[identifier, fmt]) + query for fmt in ("pdf", "xlsx")]


def procurement_monthly(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """FY2569 O11: the monthly summaries of the assessed year, bundled per quarter (the progress report as
    of each ended quarter, month by month, nil months stated), each as PDF and XLSX."""
    totals = selectors.totals(selectors.register(agency, selectors.RegisterFilter(fiscal_year=fiscal_year)))
    months = _months_covered(agency, fiscal_year)
    if not months and totals.count + totals.cancelled == 0:
        return None
    last = selectors.last_published_on(agency)
    today = timezone.localdate()
    urls: list[str] = []
    for quarter in (1, 2, 3, 4):
        quarter_end = quarter_range(fiscal_year, quarter)[1]
        if quarter_end < today:
            urls += _documents("procurement-progress", fiscal_year, quarter_end)
    return {
        "urls": urls or [reverse("procurement:reports")],
        "checks": {
            "monthly": _contiguous_from_october(months, fiscal_year),
            "quarterly": bool(urls),
            "files": bool(urls),
        },
        "dates": [last] if last else [],
        "fiscal_years": [fiscal_year],
        "months": months,
    }


def procurement_monthly_prev(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """FY2569 O12: the 12 monthly สขร.1 of the previous fiscal year, as PDF and XLSX."""
    year = fiscal_year - 1
    months = _months_covered(agency, year)
    if not months:
        return None
    last = selectors.last_published_on(agency)
    return {
        "urls": _documents("procurement-sorkhor1", year),
        "checks": {"monthly": len(months) == 12, "files": True},
        "dates": [last] if last else [],
        "fiscal_years": [year] if len(months) == 12 else [],
        "months": months,
    }


PROVIDERS = {
    "procurement_monthly": procurement_monthly,
    "procurement_monthly_prev": procurement_monthly_prev,
    "procurement_plan": procurement_plan,
    "procurement_announcements": procurement_announcements,
    "procurement_progress": procurement_progress,
    "procurement_report": procurement_report,
}
