"""Back-office pages of the plans."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.views_staff import apply_errors
from prongsai.planning import access, selectors, services
from prongsai.planning.forms import PlanForm


@staff(Cap.PLANS_EDIT)
def plan_index(request: StaffRequest) -> HttpResponse:
    return render(
        request, "planning/staff/plan_index.html", {"plans": selectors.plans_for_staff(request.agency)}
    )


@staff(Cap.PLANS_EDIT)
def plan_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    plan = access.get_plan_for_staff(request.agency, pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
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
        {"form": form, "plan": plan, "tree": selectors.plan_tree(plan) if plan else []},
        status=400 if request.method == "POST" else 200,
    )


@staff(Cap.PLANS_EDIT)
@require_POST
def plan_publish(request: StaffRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_staff(request.agency, pk)
    try:
        services.plan_publish(plan=plan, acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("เผยแพร่แผนเรียบร้อยแล้ว"))
    return redirect("planning:staff_plan_edit", pk=plan.pk)
