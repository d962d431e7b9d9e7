"""Back-office pages of the complaint channel: the queue, one complaint with its actions, the categories."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.complaints import access, selectors, services
from prongsai.complaints.forms import (
    CategoryForm,
    ForwardForm,
    InternalNoteForm,
    MoveForm,
    NoteForm,
    RejectForm,
    ReopenForm,
    ResolveForm,
    RouteForm,
    StaffIntakeForm,
)
from prongsai.complaints.models import Complaint, ComplaintFile
from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.roles import Cap
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted

COMPLAINTS_PER_PAGE = 50


@staff(Cap.COMPLAINTS_VIEW)
def complaint_list(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    view = request.GET.get("view", "open")
    if view not in selectors.QUEUE_FILTERS:
        view = "open"

    def as_id(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    unit_id, category_id = as_id("unit"), as_id("category")
    return render(
        request,
        "complaints/staff/list.html",
        {
            "page_obj": Paginator(
                selectors.complaints_for_staff(agency, view=view, unit_id=unit_id, category_id=category_id),
                COMPLAINTS_PER_PAGE,
            ).get_page(request.GET.get("page")),
            "counts": selectors.queue_counts(agency),
            "view": view,
            "views": [
                ("open", _("ยังไม่ปิดเรื่อง")),
                ("new", _("เรื่องใหม่ รอตอบรับ")),
                ("overdue", _("เกินกำหนด")),
                ("disputed", _("ผู้ร้องโต้แย้งผล")),
                ("closed", _("ปิดเรื่องแล้ว")),
                ("moved", _("โอนไปช่องทางร้องเรียนการทุจริต")),
                ("all", _("ทั้งหมด")),
            ],
            "units": selectors.units_of(agency),
            "categories": selectors.categories_for_staff(agency),
            "unit_id": unit_id,
            "category_id": category_id,
        },
    )


# The action forms of the detail page, each under its own prefix so their field ids never clash.
_FORMS: dict[str, type[BaseForm]] = {
    "accept": NoteForm,
    "start": NoteForm,
    "resolve": ResolveForm,
    "reject": RejectForm,
    "forward": ForwardForm,
    "reopen": ReopenForm,
    "note": InternalNoteForm,
    "move": MoveForm,
}


def _detail_page(
    request: StaffRequest,
    complaint: Complaint,
    *,
    bound: dict[str, BaseForm] | None = None,
) -> HttpResponse:
    bound = bound or {}
    forms: dict[str, BaseForm] = {name: bound.get(name) or form(prefix=name) for name, form in _FORMS.items()}
    forms["route"] = bound.get("route") or RouteForm(prefix="route", agency=request.agency)
    caps = capabilities_for(request)
    return render(
        request,
        "complaints/staff/detail.html",
        {
            "complaint": complaint,
            "events": selectors.events_of(complaint, public_only=False),
            "photos": selectors.files_of(complaint, ComplaintFile.Purpose.CITIZEN_PHOTO),
            "evidence": selectors.files_of(complaint, ComplaintFile.Purpose.EVIDENCE),
            "forms": forms,
            "can_handle": Cap.COMPLAINTS_HANDLE in caps,
            "can_move": Cap.COMPLAINTS_MOVE_TO_CORRUPTION in caps,
        },
    )


@staff(Cap.COMPLAINTS_VIEW)
def complaint_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _detail_page(request, access.get_complaint_for_staff(request.agency, pk))


def _act(
    request: StaffRequest,
    pk: int,
    name: str,
    perform: Callable[[Complaint, dict[str, Any]], object],
    success: str,
    form: BaseForm | None = None,
) -> HttpResponseBase:
    """One action of the detail page (``form_action``): its form, under its prefix, when shown again."""
    complaint = access.get_complaint_for_staff(request.agency, pk)
    bound = form or _FORMS[name](request.POST, request.FILES, prefix=name)
    return form_action(
        request,
        bound,
        lambda data: perform(complaint, data),
        success=success,
        done=reverse("complaints:staff_detail", args=[complaint.pk]),
        page=lambda: _detail_page(request, complaint, bound={name: bound}),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def accept(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "accept",
        lambda c, d: services.complaint_accept(complaint=c, acting_user=request.user, note=d["note"]),
        _("รับเรื่องไว้พิจารณาแล้ว"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def start(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "start",
        lambda c, d: services.complaint_start(complaint=c, acting_user=request.user, note=d["note"]),
        _("บันทึกว่าเริ่มดำเนินการแล้ว"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def resolve(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "resolve",
        lambda c, d: services.complaint_resolve(
            complaint=c, acting_user=request.user, closing_note=d["closing_note"], evidence=d["evidence"]
        ),
        _("ปิดเรื่องว่าดำเนินการแล้วเสร็จ ผู้ร้องยืนยันหรือโต้แย้งผลได้จากหน้าติดตามเรื่อง"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def reject(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "reject",
        lambda c, d: services.complaint_reject(complaint=c, acting_user=request.user, reason=d["reason"]),
        _("บันทึกว่าไม่รับเรื่องหรือยุติเรื่องแล้ว"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def forward(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "forward",
        lambda c, d: services.complaint_forward(
            complaint=c, acting_user=request.user, to_agency=d["to_agency"], note=d["note"]
        ),
        _("บันทึกการส่งเรื่องต่อหน่วยงานอื่นแล้ว"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def reopen(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "reopen",
        lambda c, d: services.complaint_reopen(complaint=c, acting_user=request.user, reason=d["reason"]),
        _("เปิดเรื่องดำเนินการต่อแล้ว"),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def route(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "route",
        lambda c, d: services.complaint_assign_unit(
            complaint=c, acting_user=request.user, unit=d["unit"], note=d["note"]
        ),
        _("เปลี่ยนส่วนงานที่รับผิดชอบแล้ว"),
        form=RouteForm(request.POST, prefix="route", agency=request.agency),
    )


@staff(Cap.COMPLAINTS_HANDLE)
@require_POST
def note(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _act(
        request,
        pk,
        "note",
        lambda c, d: services.complaint_add_note(complaint=c, acting_user=request.user, note=d["note"]),
        _("บันทึกภายในเรียบร้อยแล้ว"),
    )


@staff(Cap.COMPLAINTS_MOVE_TO_CORRUPTION)
@require_POST
def move(request: StaffRequest, pk: int) -> HttpResponseBase:
    """ "This is a corruption report": hand it to the corruption channel and erase it here."""
    return _act(
        request,
        pk,
        "move",
        lambda c, d: services.complaint_move_to_corruption_channel(
            complaint=c, acting_user=request.user, reason=d["reason"]
        ),
        _("โอนเรื่องไปยังช่องทางร้องเรียนการทุจริตแล้ว เนื้อหาและไฟล์ของเรื่องนี้ถูกลบออกจากระบบเรื่องร้องเรียนทั่วไป"),
    )


@staff(Cap.COMPLAINTS_VIEW)
def staff_file(request: StaffRequest, pk: int, file_id: str) -> HttpResponseBase:
    item = access.get_staff_complaint_file(request.agency, pk, file_id)
    return file_download(
        item.file, content_type=item.content_type, filename=f"{item.public_id}.{item.kind}", inline=True
    )


# --- categories --------------------------------------------------------------------------------------------


@staff(Cap.COMPLAINTS_CONFIGURE)
def categories(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "complaints/staff/categories.html",
        {"categories": selectors.categories_for_staff(request.agency)},
    )


@staff(Cap.COMPLAINTS_CONFIGURE)
def category_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    category = access.get_category_for_staff(agency, pk) if pk else None
    form = CategoryForm(posted(request), instance=category, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.category_save(
                agency=agency,
                acting_user=request.user,
                category=category,
                **{k: form.cleaned_data[k] for k in CategoryForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกประเภทเรื่องร้องเรียนเรียบร้อยแล้ว"))
            return redirect("complaints:staff_categories")
    return render(
        request,
        "complaints/staff/category_edit.html",
        {"form": form, "category": category},
        status=form_status(form),
    )


@staff(Cap.COMPLAINTS_HANDLE)
def intake(request: StaffRequest) -> HttpResponse:
    """Record a complaint received by telephone, at the counter, by letter or on LINE.

    It enters the same queue with the same tracking code, routing and time limits as one sent on the web;
    the limits count from the moment it was received, which staff give.
    """
    agency = request.agency
    if request.method != "POST":
        form = StaffIntakeForm(agency=agency, initial={"idempotency_key": uuid.uuid4()})
        return render(request, "complaints/staff/intake.html", {"form": form})
    form = StaffIntakeForm(request.POST, request.FILES, agency=agency)
    if form.is_valid():
        data = form.cleaned_data
        try:
            complaint, _created = services.complaint_submit(
                agency=agency,
                idempotency_key=data["idempotency_key"],
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                location_address=data["location_address"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                photos=data["photos"],
                acting_user=request.user,
                channel=data["channel"],
                received_at=form.received_at(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("บันทึกเรื่องร้องเรียนแล้ว รหัสติดตามคือ %(code)s กรุณาแจ้งรหัสนี้แก่ผู้ร้อง")
                % {"code": complaint.display_code},
            )
            return redirect("complaints:staff_detail", pk=complaint.pk)
    return render(request, "complaints/staff/intake.html", {"form": form}, status=form_status(form))
