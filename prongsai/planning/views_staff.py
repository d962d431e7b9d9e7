"""Back-office pages of the plans."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted
from prongsai.planning import access, selectors, services
from prongsai.planning.forms import (
    AnnualReportForm,
    ItemDeleteForm,
    ItemForm,
    PlanForm,
    ProgressForm,
    ResultForm,
    result_initial,
)
from prongsai.planning.models import ItemResult, default_as_of


@staff(Cap.PLANS_EDIT)
def plan_index(request: StaffRequest) -> HttpResponse:
    return render(
        request, "planning/staff/plan_index.html", {"plans": selectors.plans_for_staff(request.agency)}
    )


@staff(Cap.PLANS_EDIT)
def plan_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    plan = access.get_plan_for_staff(request.agency, pk) if pk else None
    form = PlanForm(posted(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in PlanForm.Meta.fields}
        try:
            if plan is None:
                plan = services.plan_create(agency=request.agency, acting_user=request.user, **fields)
            else:
                plan = services.plan_update(
                    plan=plan, acting_user=request.user, reason=form.cleaned_data.get("reason", ""), **fields
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกแผนเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/plan_edit.html",
        {
            "form": form,
            "plan": plan,
            "tree": selectors.plan_tree(plan, every_year=True) if plan else [],
            "plan_years": range(plan.first_year, plan.last_year + 1) if plan else [],
        },
        status=form_status(form),
    )


@staff(Cap.PLANS_EDIT)
@require_POST
def plan_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    plan = access.get_plan_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.plan_publish(plan=plan, acting_user=request.user),
        success=_("เผยแพร่แผนเรียบร้อยแล้ว"),
        done=resolve_url("planning:staff_plan_edit", pk=plan.pk),
    )


@staff(Cap.PLANS_EDIT)
def item_edit(request: StaffRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    """Add an item to a plan (``?parent=<id>`` for an activity under a measure) or change one."""
    plan = access.get_plan_for_staff(request.agency, pk)
    item = access.get_item_for_staff(plan, item_pk) if item_pk else None
    parent_id = request.GET.get("parent") or request.POST.get("parent")
    parent = access.get_item_for_staff(plan, int(parent_id)) if parent_id and parent_id.isdigit() else None
    form = ItemForm(posted(request), instance=item)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in ItemForm.Meta.fields}
        try:
            services.item_save(plan=plan, acting_user=request.user, item=item, parent=parent, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกรายการเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/form.html",
        {"form": form, "plan": plan, "parent": parent, "title": _("รายการในแผน")},
        status=form_status(form),
    )


def _cite(entry: ItemResult, data: dict[str, Any], request: StaffRequest) -> None:
    """Add the ITA score the result form names, if it names one (the score is looked up when rendering)."""
    if data["citation_kind"]:
        services.citation_add(
            result=entry,
            acting_user=request.user,
            fiscal_year=data["citation_year"],
            kind=data["citation_kind"],
            code=data["citation_code"],
            lead_text=data["citation_lead"],
        )


@staff(Cap.PLANS_EDIT)
def result_new(request: StaffRequest, pk: int, item_pk: int) -> HttpResponse:
    """Record the result of an item, optionally citing an ITA score (looked up when documents render)."""
    plan = access.get_plan_for_staff(request.agency, pk)
    item = access.get_item_for_staff(plan, item_pk)
    form = ResultForm(posted(request), plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.result_record(
                item=item,
                acting_user=request.user,
                fiscal_year=data.get("fiscal_year"),
                result=data["result"],
                covers=list(item.children.all()),
                spent=data["spent"],
                actual_start=data["actual_start"],
                actual_end=data["actual_end"],
                problems=data["problems"],
                suggestions=data["suggestions"],
            )
            _cite(entry, data, request)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกผลการดำเนินการเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/form.html",
        {"form": form, "plan": plan, "title": _("ผลการดำเนินการ: %(item)s") % {"item": item.title[:80]}},
        status=form_status(form),
    )


@staff(Cap.PLANS_EDIT)
def progress_edit(request: StaffRequest, pk: int) -> HttpResponse:
    """Record the progress of every item as of a date (31 March by default: the six-month report)."""
    plan = access.get_plan_for_staff(request.agency, pk)
    items = list(plan.items.order_by("number", "pk"))
    form = ProgressForm(posted(request), items=items, initial={"as_of": default_as_of(plan.fiscal_year)})
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report_save(
                plan=plan,
                acting_user=request.user,
                as_of=form.cleaned_data["as_of"],
                entries=form.entries(),
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกความก้าวหน้าเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/form.html",
        {"form": form, "plan": plan, "title": _("ความก้าวหน้าของแผน")},
        status=form_status(form),
    )


@staff(Cap.PLANS_EDIT)
def item_delete(request: StaffRequest, pk: int, item_pk: int) -> HttpResponse:
    """Ask before removing an item: it takes its activities, progress and results with it."""
    plan = access.get_plan_for_staff(request.agency, pk)
    item = access.get_item_for_staff(plan, item_pk)
    form = ItemDeleteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.item_delete(item=item, acting_user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("ลบรายการเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/item_delete.html",
        {
            "form": form,
            "plan": plan,
            "item": item,
            "children": item.children.count(),
            "results": item.results.count(),
        },
        status=form_status(form),
    )


@staff(Cap.PLANS_EDIT)
def result_edit(request: StaffRequest, pk: int, result_pk: int) -> HttpResponse:
    """Correct a recorded result; a citation given here is added to the ones it already has."""
    plan = access.get_plan_for_staff(request.agency, pk)
    entry = access.get_result_for_staff(plan, result_pk)
    form = ResultForm(posted(request), initial=result_initial(entry))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.result_update(
                entry=entry,
                acting_user=request.user,
                **{
                    k: data[k]
                    for k in ("result", "spent", "actual_start", "actual_end", "problems", "suggestions")
                },
            )
            _cite(entry, data, request)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกผลการดำเนินการเรียบร้อยแล้ว"))
            return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/form.html",
        {
            "form": form,
            "plan": plan,
            "title": _("แก้ไขผลการดำเนินการ: %(item)s") % {"item": entry.item.title[:80]},
            "citations": list(entry.citations.order_by("order")),
        },
        status=form_status(form),
    )


@staff(Cap.PLANS_EDIT)
def annual_report_edit(request: StaffRequest, pk: int) -> HttpResponse:
    """The plan's annual report of a year (``?year=``, the plan's own year unless it covers several): summary,
    problems and suggestions, and the date reported."""
    plan = access.get_plan_for_staff(request.agency, pk)
    year = access.year_of(plan, request.GET.get("year"))
    form = AnnualReportForm(posted(request), instance=selectors.annual_report_of(plan, year))
    if request.method == "POST" and form.is_valid():
        services.annual_report_save(
            plan=plan,
            acting_user=request.user,
            fiscal_year=year,
            **{k: form.cleaned_data[k] for k in AnnualReportForm.Meta.fields},
        )
        messages.success(request, _("บันทึกรายงานผลประจำปีเรียบร้อยแล้ว"))
        return redirect("planning:staff_plan_edit", pk=plan.pk)
    return render(
        request,
        "planning/staff/form.html",
        {
            "form": form,
            "plan": plan,
            "title": _("รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. %(year)s") % {"year": year},
        },
        status=form_status(form),
    )
