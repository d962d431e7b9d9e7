"""Back-office pages of the core app: structure, agency profile, members, calendar and audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core import access, selectors, services
from prongsai.core.audit import verify_chain
from prongsai.core.forms import (
    AgencyProfileForm,
    DayOffForm,
    MemberForm,
    OrgUnitForm,
    PersonForm,
    PositionForm,
)
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.services_accounts import login_unlock, member_invite
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files


def _form_page(request: StaffRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, status=form_status(context["form"]))


# --- structure --------------------------------------------------------------------------------------------


@staff(Cap.ORG_EDIT)
def org_overview(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "core/staff/org_overview.html",
        {
            "units": selectors.units_for_staff(agency),
            "positions": selectors.positions_for_staff(agency),
            "people": selectors.people_for_staff(agency),
        },
    )


@staff(Cap.ORG_EDIT)
def unit_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    unit = access.get_unit(agency, pk) if pk else None
    form = OrgUnitForm(posted(request), instance=unit, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.org_unit_save(
                agency=agency,
                acting_user=request.user,
                unit=unit,
                **{k: form.cleaned_data[k] for k in OrgUnitForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกส่วนงานเรียบร้อยแล้ว"))
            return redirect("core:org_overview")
    return _form_page(
        request, "core/staff/form.html", {"form": form, "title": _("แก้ไขส่วนงาน") if unit else _("เพิ่มส่วนงาน")}
    )


@staff(Cap.ORG_EDIT)
@require_POST
def unit_delete(request: StaffRequest, pk: int) -> HttpResponseBase:
    unit = access.get_unit(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.org_unit_delete(unit=unit, acting_user=request.user),
        success=_("ลบส่วนงานเรียบร้อยแล้ว"),
        done=resolve_url("core:org_overview"),
    )


@staff(Cap.ORG_EDIT)
def position_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    position = access.get_position(agency, pk) if pk else None
    form = PositionForm(posted(request), instance=position, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.position_save(
                agency=agency,
                acting_user=request.user,
                position=position,
                **{k: form.cleaned_data[k] for k in PositionForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกตำแหน่งเรียบร้อยแล้ว"))
            return redirect("core:org_overview")
    return _form_page(
        request,
        "core/staff/form.html",
        {"form": form, "title": _("แก้ไขตำแหน่ง") if position else _("เพิ่มตำแหน่ง")},
    )


@staff(Cap.ORG_EDIT)
@require_POST
def position_delete(request: StaffRequest, pk: int) -> HttpResponseBase:
    position = access.get_position(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.position_delete(position=position, acting_user=request.user),
        success=_("ลบตำแหน่งเรียบร้อยแล้ว"),
        done=resolve_url("core:org_overview"),
    )


@staff(Cap.ORG_EDIT)
def person_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    person = access.get_person(agency, pk) if pk else None
    form = PersonForm(posted(request), posted_files(request), instance=person, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_save(
                agency=agency,
                acting_user=request.user,
                person=person,
                photo_upload=form.cleaned_data.get("photo_upload"),
                **{k: form.cleaned_data[k] for k in PersonForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกข้อมูลบุคลากรเรียบร้อยแล้ว"))
            return redirect("core:org_overview")
    return _form_page(
        request,
        "core/staff/form.html",
        {"form": form, "title": _("แก้ไขข้อมูลบุคลากร") if person else _("เพิ่มบุคลากร"), "multipart": True},
    )


@staff(Cap.ORG_EDIT)
@require_POST
def person_delete(request: StaffRequest, pk: int) -> HttpResponseBase:
    person = access.get_person(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.person_delete(person=person, acting_user=request.user),
        success=_("ลบข้อมูลบุคลากรเรียบร้อยแล้ว"),
        done=resolve_url("core:org_overview"),
    )


# --- agency profile ---------------------------------------------------------------------------------------


@staff(Cap.AGENCY_EDIT)
def agency_profile(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    form = AgencyProfileForm(posted(request), instance=agency)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in AgencyProfileForm.Meta.fields}
        fields["phones"] = form.cleaned_data["phones_text"]
        try:
            services.agency_update_profile(agency=agency, acting_user=request.user, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกข้อมูลหน่วยงานเรียบร้อยแล้ว"))
            return redirect("core:agency_profile")
    return _form_page(request, "core/staff/form.html", {"form": form, "title": _("ข้อมูลหน่วยงานและการติดต่อ")})


# --- members ----------------------------------------------------------------------------------------------


@staff(Cap.MEMBERS_MANAGE)
def members(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    form = MemberForm(posted(request))
    initial_password = None
    if request.method == "POST" and form.is_valid():
        try:
            _membership, initial_password = member_invite(
                agency=agency,
                acting_user=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("เพิ่มบทบาทให้สมาชิกเรียบร้อยแล้ว"))
            if initial_password is None:
                return redirect("core:members")
            form = MemberForm()
    return render(
        request,
        "core/staff/members.html",
        {"form": form, "members": selectors.members_of(agency), "initial_password": initial_password},
        status=form_status(form),
    )


@staff(Cap.MEMBERS_MANAGE)
@require_POST
def member_revoke(request: StaffRequest, pk: int) -> HttpResponseBase:
    membership = access.get_membership(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.membership_revoke(membership=membership, acting_user=request.user),
        success=_("ถอนบทบาทเรียบร้อยแล้ว"),
        done=resolve_url("core:members"),
    )


@staff(Cap.MEMBERS_MANAGE)
@require_POST
def member_unlock(request: StaffRequest, pk: int) -> HttpResponseBase:
    membership = access.get_membership(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: login_unlock(agency=request.agency, acting_user=request.user, membership=membership),
        success=_("ปลดล็อกการเข้าสู่ระบบของบัญชีนี้แล้ว เจ้าของบัญชีเข้าสู่ระบบได้ทันที"),
        done=resolve_url("core:members"),
    )


# --- calendar ---------------------------------------------------------------------------------------------


@staff(Cap.CALENDAR_MANAGE)
def calendar_view(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    form = DayOffForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.day_off_add(
                agency=agency,
                acting_user=request.user,
                day=form.cleaned_data["date"],
                name_th=form.cleaned_data["name_th"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("เพิ่มวันหยุดของหน่วยงานเรียบร้อยแล้ว"))
            return redirect("core:calendar")
    today = timezone.localdate()
    return render(
        request,
        "core/staff/calendar.html",
        {
            "form": form,
            "holidays": selectors.holidays_between(today - timedelta(days=30), today + timedelta(days=400)),
            "days_off": selectors.days_off(agency, since=today - timedelta(days=30)),
        },
        status=form_status(form),
    )


@staff(Cap.CALENDAR_MANAGE)
@require_POST
def day_off_delete(request: StaffRequest, pk: int) -> HttpResponseBase:
    entry = access.get_day_off(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.day_off_remove(entry=entry, acting_user=request.user),
        success=_("ลบวันหยุดของหน่วยงานเรียบร้อยแล้ว"),
        done=resolve_url("core:calendar"),
    )


# --- audit ------------------------------------------------------------------------------------------------


@staff(Cap.AUDIT_VIEW)
def audit_log(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    checked, problem = verify_chain(agency)
    return render(
        request,
        "core/staff/audit.html",
        {"events": selectors.audit_events(agency), "checked": checked, "problem": problem},
    )
