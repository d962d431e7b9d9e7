"""The OIT subjects the people app answers from its data (prongsai/ita/providers.py explains the contract).

Each provider returns a plain mapping (urls, checks, dates, fiscal_years); ``dates`` are the publication
dates of the evidence (or the dates the activities took place), so the readiness check can judge the
item's time window as the assessor would. The HR plan and the HR report's projects live in the planning
app (subjects ``hr_plan`` and ``hr_report``); the report's staffing and training statistics are read from
this app's selectors by ita's planning provider.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.urls import reverse

from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.core.thai import fiscal_year_range
from prongsai.people import catalogue, selectors
from prongsai.people.models import HrRule
from prongsai.planning import selectors as plan_selectors
from prongsai.planning.models import Plan


def _published_on(record: Any) -> list[date]:
    return [record.published_at.date()] if getattr(record, "published_at", None) else []


def _rules_in_force(agency: Agency, fiscal_year: int) -> list[HrRule]:
    return selectors.published_rules(agency, in_force_on=fiscal_year_range(fiscal_year)[1])


def hr_policy(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The HR policy signed by the head of the agency, in force during the year."""
    policies = [r for r in _rules_in_force(agency, fiscal_year) if r.topic == HrRule.Topic.POLICY]
    if not policies:
        return None
    policy = policies[0]
    first_year = fiscal_year_of(policy.effective_on)
    return {
        "urls": [reverse("people:rule_detail", args=[policy.public_id])],
        "checks": {"exists": bool(policy.signer_name.strip())},
        "dates": [policy.effective_on, *_published_on(policy)],
        "fiscal_years": list(range(min(first_year, fiscal_year), fiscal_year + 1)),
    }


def hr_policy_actions(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """What the agency did under its HR policy this year: the training it ran and the HR plan's results."""
    if not any(r.topic == HrRule.Topic.POLICY for r in _rules_in_force(agency, fiscal_year)):
        return None
    courses = list(selectors.courses_of_year(agency, fiscal_year))
    plan = plan_selectors.plan_of(agency, Plan.Kind.HR, fiscal_year, published_only=True)
    results = list(plan_selectors.results_of(plan, fiscal_year)) if plan is not None else []
    if not courses and not results:
        return None
    return {
        "urls": [reverse("people:statistics") + f"?fiscal_year={fiscal_year}"],
        "checks": {"exists": True},
        "dates": [c.ends_on for c in courses] + [r.actual_end for r in results if r.actual_end],
        "fiscal_years": [fiscal_year],
    }


def hr_rules(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The published HR criteria; each check is answered by the topics the data file maps to it."""
    rules = _rules_in_force(agency, fiscal_year)
    if not rules:
        return None
    topics = {r.topic for r in rules}
    return {
        "urls": [reverse("people:rules")],
        "checks": {
            check: any(topic in topics for topic in answering)
            for check, answering in catalogue.hr_rules_checks().items()
        },
        "dates": [d for r in rules for d in _published_on(r)],
        "fiscal_years": [fiscal_year],
    }


def ethics_code(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    end = fiscal_year_range(fiscal_year)[1]
    codes = [c for c in selectors.published_codes(agency) if c.issued_on <= end]
    if not codes:
        return None
    return {
        "urls": [reverse("people:ethics")],
        "checks": {"exists": True},
        "dates": [d for c in codes for d in _published_on(c)],
        "fiscal_years": [fiscal_year],
    }


def ethics_promotion(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """Ethics training of the year (from the training records), the working group and the Dos & Don'ts."""
    courses = [c for c in selectors.ethics_courses(agency, fiscal_year) if selectors.attendance_count(c)]
    group = selectors.published_group(agency, fiscal_year)
    guide = selectors.published_guide(agency, fiscal_year)
    if not courses and group is None and guide is None:
        return None
    dates = [c.ends_on for c in courses]
    if group is not None:
        dates += [group.ordered_on, *_published_on(group)]
    if guide is not None:
        dates += [guide.announced_on, *_published_on(guide)]
    return {
        "urls": [reverse("people:ethics") + f"?fiscal_year={fiscal_year}"],
        "checks": {
            "training": bool(courses),
            "team": group is not None and selectors.members_of(group).exists(),
            "dos_donts": guide is not None and bool(guide.do_lines and guide.dont_lines),
        },
        "dates": dates,
        "fiscal_years": [fiscal_year] if courses else [],
    }


def ethics_assessment(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The ethics assessment in the yearly ethics report (this year's, else the previous year's)."""
    for year in (fiscal_year, fiscal_year - 1):
        report = selectors.published_report(agency, year)
        if report is not None and report.assessment.strip():
            return {
                "urls": [reverse("people:ethics_report", args=[year])],
                "checks": {"exists": True},
                "dates": [report.reported_on, *_published_on(report)],
                "fiscal_years": [year],
            }
    return None


PROVIDERS: dict[str, Callable[[Agency, int], Mapping[str, Any] | None]] = {
    "hr_policy": hr_policy,
    "hr_policy_actions": hr_policy_actions,
    "hr_rules": hr_rules,
    "ethics_code": ethics_code,
    "ethics_promotion": ethics_promotion,
    "ethics_assessment": ethics_assessment,
}
