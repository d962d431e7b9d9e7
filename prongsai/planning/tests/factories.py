"""Builders for planning tests: plans and their items, through the services (rules and audit events hold).

Each takes the acting user and keyword overrides of Thai defaults; the caller is inside the agency's scope.
"""

from __future__ import annotations

from typing import Any

from prongsai.core.models import Agency, User
from prongsai.planning import services
from prongsai.planning.models import Plan, PlanItem


def plan(agency: Agency, user: User, **overrides: Any) -> Plan:
    """A draft plan: by default the FY2568 integrity measures (one plan per kind and year)."""
    fields: dict[str, Any] = {
        "kind": Plan.Kind.INTEGRITY_MEASURES,
        "fiscal_year": 2568,
        "title": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568",
    }
    fields.update(overrides)
    return services.plan_create(agency=agency, acting_user=user, **fields)


def item(of_plan: Plan, user: User, **overrides: Any) -> PlanItem:
    """A measure of the plan (pass ``parent`` and ``kind=PlanItem.Kind.ACTIVITY`` for an activity)."""
    fields: dict[str, Any] = {
        "kind": PlanItem.Kind.MEASURE,
        "number": "1",
        "title": "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
    }
    fields.update(overrides)
    return services.item_save(plan=of_plan, acting_user=user, **fields)


def published_plan(agency: Agency, user: User, **overrides: Any) -> Plan:
    """A plan with one measure, published (revision 1)."""
    draft = plan(agency, user, **overrides)
    item(draft, user)
    return services.plan_publish(plan=draft, acting_user=user)
