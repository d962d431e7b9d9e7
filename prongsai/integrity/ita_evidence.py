"""What the integrity app publishes, as evidence for the OIT items (see ``prongsai/ita/providers.py``).

* ``gift_declaration`` (FY2567 o26, FY2568 O21, FY2569 O20): the year's published declaration, signed by the
  chief executive;
* ``gift_culture`` (o27, O21): the year's published culture activities;
* ``gift_report`` (o28, O22, O20): the published report of the *previous* year (window PREV_FY), a stated
  zero ("no gifts were received or offered") being a nil report;
* ``gift_rules`` (FY2569 O20): the rules on accepting gifts by ethical custom (มาตรา 128) in force at the end
  of the year, from ``data/rules.yaml``, shown on the public No Gift page once the agency has published a
  declaration there (its date is the day the page first went public);
* ``corruption_risk_assessment`` (o29, O23, O21): the year's published assessment with events, levels and
  measures;
* ``corruption_risk_actions`` (o30, O24, O22): the treatment report of the *previous* year's assessment with
  the result of each measure; its publication date falls in the year asked about.

Manual evidence attached in the ITA app before this app existed stays and is merged with this evidence
(``ita.readiness.evidence_by_subject``), so nothing attached before is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year_range
from prongsai.integrity import rules, selectors


def gift_declaration(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    declaration = selectors.published_declaration(agency, fiscal_year)
    if declaration is None:
        return None
    published = selectors.local_day(declaration.published_at)
    return {
        "urls": [reverse("integrity:declaration", args=[declaration.public_id])],
        "checks": {"signed": declaration.is_signed},
        "dates": [published] if published else [],
        "fiscal_years": [fiscal_year],
        "notes": [] if declaration.text_en.strip() else [_("ประกาศยังไม่มีฉบับภาษาอังกฤษ")],
    }


def gift_culture(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    activities = list(selectors.published_activities(agency, fiscal_year))
    if not activities:
        return None
    dates = [d for d in (selectors.local_day(a.published_at) for a in activities) if d]
    return {
        "urls": [reverse("integrity:activity", args=[a.public_id]) for a in activities],
        "checks": {"activity": True},
        "dates": dates,
        "fiscal_years": [fiscal_year],
    }


def gift_report(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The previous year's report (PREV_FY), else the current year's six-month report, as the assessor may
    ask for either (catalogue note Q2)."""
    report = selectors.gift_report_of(agency, fiscal_year - 1) or selectors.gift_report_of(
        agency, fiscal_year
    )
    if report is None:
        return None
    published = selectors.local_day(report.published_at)
    return {
        "urls": [reverse("integrity:gift_report", args=[report.public_id])],
        "checks": {"report": True},
        "dates": [published] if published else [],
        "fiscal_years": [report.fiscal_year],
        "nil_report": report.is_nil,
        "notes": [_("รายงานว่าไม่มีการรับหรือให้ของขวัญ")] if report.is_nil else [],
    }


def gift_rules(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    published = selectors.no_gift_page_published_on(agency)
    if published is None:
        return None
    rule = rules.gift_rule(fiscal_year_range(fiscal_year)[1])
    return {
        "urls": [reverse("integrity:index") + "#gift-rules-heading"],
        "checks": {"exists": bool(rule.source.strip()) and rule.threshold_baht > 0},
        "dates": [published],
        "fiscal_years": [fiscal_year],
    }


def corruption_risk_assessment(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    assessment = selectors.published_assessment(agency, fiscal_year)
    if assessment is None:
        return None
    events, measures = selectors.assessment_is_complete(assessment)
    published = selectors.local_day(assessment.published_at)
    return {
        "urls": [reverse("integrity:assessment", args=[assessment.public_id])],
        "checks": {"events": events, "measures": measures},
        "dates": [published] if published else [],
        "fiscal_years": [fiscal_year],
    }


def corruption_risk_actions(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """What the agency did about its risks, as seen in ``fiscal_year``.

    Two shapes of the item share this subject: the actions of the year itself (FY2566 o35, FY2567 o30: the
    progress of this year's measures, shown on the published assessment and dated by each progress entry, so a
    first-six-months item sees whether anything was reported after 31 March) and the treatment report of the
    previous year's assessment (seed 8.7; FY2568 O24, FY2569 O22), published during ``fiscal_year``.
    """
    urls: list[str] = []
    dates = []
    years: list[int] = []
    checks = {"events": False, "measures": False, "results": False}
    current = selectors.published_assessment(agency, fiscal_year)
    if current is not None:
        progress = [p.reported_on for m in selectors.measures_of(current) for p in m.progress.all()]
        if progress:
            events, measures = selectors.assessment_is_complete(current)
            urls.append(reverse("integrity:assessment", args=[current.public_id]))
            dates.extend(progress)
            years.append(current.fiscal_year)
            checks = {"events": events, "measures": measures, "results": True}
    previous = selectors.published_assessment(agency, fiscal_year - 1)
    if previous is not None and previous.report_is_published:
        events, measures = selectors.assessment_is_complete(previous)
        measured = selectors.measures_of(previous)
        results = bool(measured) and all(m.result.strip() for m in measured)
        published = selectors.local_day(previous.report_published_at)
        urls.append(reverse("integrity:treatment_report", args=[previous.public_id]))
        if published:
            dates.append(published)
        years.append(previous.fiscal_year)
        checks = {
            "events": checks["events"] or events,
            "measures": checks["measures"] or measures,
            "results": checks["results"] or results,
        }
    if not urls:
        return None
    return {"urls": urls, "checks": checks, "dates": dates, "fiscal_years": years}


PROVIDERS = {
    "gift_declaration": gift_declaration,
    "gift_culture": gift_culture,
    "gift_report": gift_report,
    "gift_rules": gift_rules,
    "corruption_risk_assessment": corruption_risk_assessment,
    "corruption_risk_actions": corruption_risk_actions,
}
