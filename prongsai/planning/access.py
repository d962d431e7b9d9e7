"""Guarded accessors of the planning app: the same 404 for "missing", "not public" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency, PublicationStatus
from prongsai.planning.models import ItemResult, Plan, PlanItem


def get_public_plan(agency: Agency, public_id: str) -> Plan:
    plan = Plan.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PublicationStatus.PUBLISHED
    ).first()
    if plan is None:
        raise Http404
    return plan


def get_plan_for_staff(agency: Agency, pk: int) -> Plan:
    plan = Plan.objects.filter(agency=agency, pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def year_of(plan: Plan, raw: str | None) -> int:
    """The fiscal year a results page is about (``?year=``): the plan's own year unless one it covers is asked
    for; anything else is the same 404 as a missing page, never a 500."""
    if not raw:
        return plan.fiscal_year
    try:
        year = int(raw)
    except ValueError:
        raise Http404 from None
    if not plan.covers(year):
        raise Http404
    return year


def get_item_for_staff(plan: Plan, pk: int) -> PlanItem:
    item = PlanItem.objects.filter(agency=plan.agency, plan=plan, pk=pk).first()
    if item is None:
        raise Http404
    return item


def get_result_for_staff(plan: Plan, pk: int) -> ItemResult:
    entry = ItemResult.objects.filter(agency=plan.agency, plan=plan, pk=pk).select_related("item").first()
    if entry is None:
        raise Http404
    return entry
