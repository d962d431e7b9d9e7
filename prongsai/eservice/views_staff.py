"""Back-office pages of the E-Service: queues per unit, a request's page with one small view per action,
walk-in recording, and the attached files (downloaded, never shown inline)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap
from prongsai.core.thai import format_date
from prongsai.core.views_forms import apply_errors, form_action, form_status

from . import access, clock, selectors, services, services_catalogue
from .forms import (
    AskDocumentsForm,
    AssignForm,
    DecisionForm,
    QueueFilterForm,
    RejectionForm,
    RequestForm,
    StepNoteForm,
)
from .forms_builder import BaseFieldSpecFormSet, FieldSpecFormSet, initial_rows
from .forms_catalogue import DocumentFormSet, ServiceForm, StepFormSet, formset_rows
from .models import Channel, Service, ServiceRequest
from .models.form_spec import PERSONAL_KINDS
from .notices import tracking_link

QUEUE_PAGE_SIZE = 50


@staff(Cap.ESERVICE_HANDLE)
def queue(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    units = selectors.queue_units(agency)
    form = QueueFilterForm(request.GET or None, units=units)
    state, unit, mine = "open", None, False
    if form.is_valid():
        state = form.cleaned_data.get("state") or "open"
        unit = form.cleaned_data.get("unit")
        mine = bool(form.cleaned_data.get("mine"))
    qs = selectors.staff_queue(agency, unit=unit, assignee=request.user if mine else None, state=state)
    page_obj = Paginator(qs, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    rows = [(r, selectors.is_overdue(r, now)) for r in page_obj.object_list]
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "eservice/staff/queue.html",
        {
            "form": form,
            "rows": rows,
            "page_obj": page_obj,
            "querystring": filters.urlencode(),
            "can_manage": Cap.ESERVICE_MANAGE in capabilities_for(request),
        },
    )


def _thai_date(stored: str) -> str:
    """A stored ISO date answer as staff read it (``15 มิถุนายน 2505``); anything else as it was typed."""
    try:
        return format_date(date.fromisoformat(stored))
    except ValueError:
        return stored


def _answers(req: ServiceRequest) -> list[tuple[str, str, bool]]:
    rows = []
    for spec in req.service.form_fields:
        if spec["kind"] == "file" or spec["name"] not in req.answers:
            continue
        value = str(req.answers[spec["name"]])
        if spec["kind"] == "date":
            value = _thai_date(value)
        elif spec["kind"] == "choice":
            value = dict((str(k), str(v)) for k, v in spec.get("choices", [])).get(value, value)
        rows.append((spec["label"], value, spec["kind"] in PERSONAL_KINDS))
    return rows


def _detail(request: StaffRequest, req: ServiceRequest, **forms: BaseForm) -> HttpResponse:
    agency = request.agency
    caps = capabilities_for(request)
    steps = selectors.request_steps(req)
    current = next((s for s in steps if s.pk == req.current_step_id), None)
    is_last = current is not None and current.order == steps[-1].order
    history = selectors.request_history(req)
    context: dict[str, Any] = {
        "req": req,
        "steps": steps,
        "current": current,
        "is_last_step": is_last,
        "answers": _answers(req),
        "files": req.files.all(),
        "overdue": selectors.is_overdue(req),
        "history": history,
        "can_decide": Cap.ESERVICE_DECIDE in caps,
        "track_url": tracking_link(req),
        # The select opens on the current assignee, so a glance shows who has the request.
        "assign_form": forms.get("assign_form")
        or AssignForm(handlers=selectors.handlers(agency), initial={"assignee": req.assigned_to_id}),
        "step_form": forms.get("step_form") or StepNoteForm(prefix="step"),
        "documents_form": forms.get("documents_form") or AskDocumentsForm(prefix="docs"),
        "decision_form": forms.get("decision_form") or DecisionForm(prefix="decision"),
    }
    return render(request, "eservice/staff/request_detail.html", context)


@staff(Cap.ESERVICE_HANDLE)
def request_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_request_for_staff(request.agency, pk))


def _act(
    request: StaffRequest,
    pk: int,
    form: BaseForm,
    form_key: str,
    action: Callable[[ServiceRequest, dict[str, Any]], object],
    done: str,
) -> HttpResponseBase:
    """One action of a request's page (``form_action``): its form under ``form_key`` when shown again."""
    req = access.get_request_for_staff(request.agency, pk)
    return form_action(
        request,
        form,
        lambda data: action(req, data),
        success=done,
        done=reverse("eservice:staff_request", args=[req.pk]),
        page=lambda: _detail(request, req, **{form_key: form}),
    )


@staff(Cap.ESERVICE_HANDLE)
@require_POST
def request_assign(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = AssignForm(request.POST, handlers=selectors.handlers(request.agency))
    return _act(
        request,
        pk,
        form,
        "assign_form",
        lambda req, data: services.request_assign(
            request=req, acting_user=request.user, assignee=data["assignee"]
        ),
        _("มอบหมายผู้รับผิดชอบเรียบร้อยแล้ว"),
    )


@staff(Cap.ESERVICE_HANDLE)
@require_POST
def request_complete_step(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = StepNoteForm(request.POST, prefix="step")
    return _act(
        request,
        pk,
        form,
        "step_form",
        lambda req, data: services.request_complete_step(
            request=req, acting_user=request.user, note=data["note"]
        ),
        _("บันทึกขั้นตอนเสร็จและเริ่มขั้นตอนถัดไปแล้ว"),
    )


@staff(Cap.ESERVICE_HANDLE)
@require_POST
def request_ask_documents(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = AskDocumentsForm(request.POST, prefix="docs")
    return _act(
        request,
        pk,
        form,
        "documents_form",
        lambda req, data: services.request_ask_documents(
            request=req, acting_user=request.user, note=data["note"]
        ),
        _("บันทึกการขอเอกสารเพิ่มเติมแล้ว ระบบหยุดนับเวลาจนกว่าจะได้รับเอกสาร"),
    )


@staff(Cap.ESERVICE_HANDLE)
@require_POST
def request_documents_received(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = StepNoteForm(request.POST, prefix="received")
    return _act(
        request,
        pk,
        form,
        "step_form",
        lambda req, data: services.request_receive_documents(request=req, acting_user=request.user),
        _("บันทึกการได้รับเอกสารแล้ว ระบบเริ่มนับเวลาต่อ"),
    )


@staff(Cap.ESERVICE_DECIDE)
@require_POST
def request_approve(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = DecisionForm(request.POST, prefix="decision")
    return _act(
        request,
        pk,
        form,
        "decision_form",
        lambda req, data: services.request_approve(
            request=req, acting_user=request.user, reason=data["reason"]
        ),
        _("บันทึกผลอนุมัติแล้ว ระบบแจ้งผลแก่ผู้ยื่นคำขอ"),
    )


@staff(Cap.ESERVICE_DECIDE)
@require_POST
def request_reject(request: StaffRequest, pk: int) -> HttpResponseBase:
    form = RejectionForm(request.POST, prefix="decision")
    return _act(
        request,
        pk,
        form,
        "decision_form",
        lambda req, data: services.request_reject(
            request=req, acting_user=request.user, reason=data["reason"]
        ),
        _("บันทึกผลไม่อนุมัติพร้อมเหตุผลแล้ว ระบบแจ้งผลแก่ผู้ยื่นคำขอ"),
    )


@staff(Cap.ESERVICE_HANDLE)
def request_file(request: StaffRequest, pk: int) -> HttpResponseBase:
    stored = access.get_request_file_for_staff(request.agency, pk)
    # An applicant's upload is never rendered as a page of ours, whatever it claims to be.
    return file_download(stored.file, content_type=stored.content_type, filename=stored.original_name)


@staff(Cap.ESERVICE_HANDLE)
def walk_in_index(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "eservice/staff/walk_in_index.html",
        {"services": selectors.published_services(request.agency).filter(channel_walk_in=True)},
    )


@staff(Cap.ESERVICE_HANDLE)
def walk_in_new(request: StaffRequest, pk: int) -> HttpResponse:
    service = access.get_service_for_staff(request.agency, pk)
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, service=service, walk_in=True)
        if form.is_valid():
            try:
                submission = services.request_submit(
                    agency=request.agency,
                    service=service,
                    channel=Channel.WALK_IN,
                    applicant=form.applicant(),
                    answers=form.answers(),
                    files=form.checked_files(),
                    idempotency_key=form.key(),
                    acting_user=request.user,
                    at=form.received_at(),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("บันทึกคำขอแบบติดต่อด้วยตนเองแล้ว รหัสติดตามของผู้ยื่นคำขอคือ %(code)s")
                    % {"code": submission.request.display_code},
                )
                return redirect("eservice:staff_request", pk=submission.request.pk)
    else:
        form = RequestForm(initial={"idempotency_key": uuid.uuid4()}, service=service, walk_in=True)
    return render(
        request,
        "eservice/staff/walk_in_form.html",
        {"service": service, "form": form},
        status=form_status(form),
    )


@staff(Cap.ESERVICE_MANAGE)
def service_index(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "eservice/staff/service_index.html",
        {"services": selectors.services_for_staff(request.agency)},
    )


def _catalogue_forms(
    request: StaffRequest, service: Service | None
) -> tuple[ServiceForm, BaseFormSet[Any], BaseFormSet[Any], BaseFieldSpecFormSet]:
    agency = request.agency
    data = request.POST if request.method == "POST" else None
    steps_initial = (
        [
            {
                "name": s.name,
                "duration_value": s.duration_value,
                "duration_unit": s.duration_unit,
                "responsible_unit": s.responsible_unit,
            }
            for s in service.steps.select_related("responsible_unit").order_by("order")
        ]
        if service
        else []
    )
    documents_initial = (
        [
            {"name": d.name, "original_or_copy": d.original_or_copy, "copies": d.copies, "note": d.note}
            for d in service.documents.order_by("order")
        ]
        if service
        else []
    )
    return (
        ServiceForm(data, instance=service, agency=agency),
        StepFormSet(data, prefix="steps", initial=steps_initial, form_kwargs={"agency": agency}),
        DocumentFormSet(data, prefix="docs", initial=documents_initial),
        FieldSpecFormSet(data, prefix="fields", initial=initial_rows(service.form_fields) if service else []),
    )


@staff(Cap.ESERVICE_MANAGE)
def service_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    """Draft a manual, change a draft, or correct a published one with a reason (one revision)."""
    agency = request.agency
    service = access.get_service_for_staff(agency, pk) if pk else None
    form, steps, documents, fields = _catalogue_forms(request, service)
    valid = [f.is_valid() for f in (form, steps, documents, fields)]  # every one, so all errors show at once
    if request.method == "POST" and all(valid):
        step_rows, document_rows = formset_rows(steps), formset_rows(documents)
        definition = {**form.service_fields(), "form_fields": fields.definition()}
        try:
            if service is None:
                service = services_catalogue.service_create_draft(
                    agency=agency,
                    acting_user=request.user,
                    steps=step_rows,
                    documents=document_rows,
                    **definition,
                )
            elif service.is_published:
                services_catalogue.service_revise_published(
                    service=service,
                    acting_user=request.user,
                    reason=form.cleaned_data["reason"],
                    steps=step_rows,
                    documents=document_rows,
                    **definition,
                )
            else:
                services_catalogue.service_update_draft(
                    service=service,
                    acting_user=request.user,
                    steps=step_rows,
                    documents=document_rows,
                    **definition,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกคู่มือเรียบร้อยแล้ว"))
            return redirect("eservice:staff_service_edit", pk=service.pk)
    return render(
        request,
        "eservice/staff/service_edit.html",
        {
            "form": form,
            "steps": steps,
            "documents": documents,
            "fields": fields,
            "service": service,
            "revisions": revisions_of(service) if service and service.is_published else [],
        },
        status=form_status(form, steps, documents, fields),
    )


@staff(Cap.ESERVICE_MANAGE)
@require_POST
def service_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    service = access.get_service_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services_catalogue.service_publish(service=service, acting_user=request.user),
        success=_("เผยแพร่คู่มือแล้ว ประชาชนยื่นคำขอออนไลน์ได้ตั้งแต่บัดนี้"),
        done=reverse("eservice:staff_service_edit", args=[service.pk]),
    )
