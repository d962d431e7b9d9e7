"""The operator's pages: the province dashboard, onboarding, and the life of a hosted agency.

Rule ``operator_member``: a signed-in, verified member of an operator; every object is looked up among the
agencies that operator hosts (``selectors.hosted_agency``: another operator's agency is a 404).
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from prongsai.core.downloads import file_download
from prongsai.core.models import AgencyExport, Operator, User
from prongsai.core.permissions import operator_member
from prongsai.core.selectors import agency_hosts
from prongsai.core.services_onboarding import (
    agency_create,
    agency_delete,
    agency_export_request,
    agency_resume,
    agency_suspend,
    invitation_create,
    operator_ocds_prefix_update,
)
from prongsai.core.views_forms import apply_errors, form_status, posted, posted_files
from prongsai.hosting import selectors
from prongsai.hosting.audit import record_request
from prongsai.hosting.export import build_agency_export
from prongsai.hosting.forms import AgencyCreateForm, DeleteForm, OcdsPrefixForm, ReasonForm


def _operator(request: HttpRequest) -> Operator:
    return cast(Operator, request.operator)  # type: ignore[attr-defined]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def invitation_link(request: HttpRequest, host: str, token: str) -> str:
    """The invitation on the new agency's own host (with this server's port, for development servers)."""
    port = request.get_host().partition(":")[2]
    return f"{request.scheme}://{host}{':' + port if port else ''}{reverse('core:invitation', args=[token])}"


@operator_member
def dashboard(request: HttpRequest) -> HttpResponse:
    operator = _operator(request)
    data = selectors.overview(operator)
    record_request(request, [row.agency for row in data.rows])
    return render(request, "hosting/dashboard.html", {"data": data, "operator": operator})


@operator_member
def agency_new(request: HttpRequest) -> HttpResponse:
    operator = _operator(request)
    form = AgencyCreateForm(posted(request), posted_files(request), initial={"province": operator.province})
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            made = agency_create(
                acting_user=_user(request),
                operator=operator,
                code=data["code"],
                name_th=data["name_th"],
                short_name_th=data["short_name_th"],
                name_en=data["name_en"],
                kind=data["kind"],
                province=data["province"],
                district=data["district"],
                subdistrict=data["subdistrict"],
                hosts=data["hosts"],
                logo=data["logo"],
                brand_colour=data["brand_colour"],
                accent_colour=data["accent_colour"],
                answer_date=data["answer_date"],
                admin_username=data["admin_username"],
                admin_email=data["admin_email"],
                admin_first_name=data["admin_first_name"],
                admin_last_name=data["admin_last_name"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            host = made.agency.hosts.order_by("pk").values_list("host", flat=True).first() or ""
            return render(
                request,
                "hosting/agency_created.html",
                {
                    "agency": made.agency,
                    "administrator": made.administrator,
                    "link": invitation_link(request, host, made.invitation_token),
                    "site": invitation_link(request, host, "x").split("/accounts/")[0] + "/",
                },
            )
    return render(request, "hosting/agency_new.html", {"form": form}, status=form_status(form))


def _detail_context(request: HttpRequest, code: str) -> dict[str, object]:
    operator = _operator(request)
    agency = selectors.hosted_agency(operator, code)
    with scopes_disabled():
        hosts = agency_hosts(agency)
        invitations = list(selectors.pending_invitations(agency)[:5])
        exports = list(selectors.exports_of(operator, agency)[:10])
    return {
        "agency": agency,
        "hosts": hosts,
        "invitations": invitations,
        "exports": exports,
        "ready_export": next((e for e in exports if e.status == AgencyExport.Status.READY), None),
        "suspend_form": ReasonForm(prefix="suspend"),
        "delete_form": DeleteForm(prefix="delete"),
    }


@operator_member
def agency_detail(request: HttpRequest, code: str) -> HttpResponse:
    context = _detail_context(request, code)
    record_request(request, [context["agency"]])  # type: ignore[list-item]
    return render(request, "hosting/agency_detail.html", context)


def _back(code: str) -> HttpResponseBase:
    return redirect("hosting:agency_detail", code=code)


@operator_member
@require_POST
def agency_suspend_view(request: HttpRequest, code: str) -> HttpResponseBase:
    agency = selectors.hosted_agency(_operator(request), code)
    form = ReasonForm(request.POST, prefix="suspend")
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่ระงับการให้บริการ"))
        return _back(code)
    try:
        agency_suspend(agency=agency, acting_user=_user(request), reason=form.cleaned_data["reason"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("ระงับการให้บริการของหน่วยงานแล้ว เว็บไซต์จะแสดงประกาศระงับชั่วคราว"))
    return _back(code)


@operator_member
@require_POST
def agency_resume_view(request: HttpRequest, code: str) -> HttpResponseBase:
    agency = selectors.hosted_agency(_operator(request), code)
    try:
        agency_resume(agency=agency, acting_user=_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("เปิดให้บริการหน่วยงานอีกครั้งแล้ว"))
    return _back(code)


@operator_member
@require_POST
def agency_reinvite(request: HttpRequest, code: str) -> HttpResponse | HttpResponseBase:
    """A fresh link for an administrator who has not accepted (the old one stops working)."""
    agency = selectors.hosted_agency(_operator(request), code)
    with scopes_disabled():
        pending = selectors.pending_invitations(agency).filter(accepted_at__isnull=True).first()
    host = next(iter(agency_hosts(agency)), None)
    if pending is None or not host:
        messages.error(request, _("ไม่มีคำเชิญที่รอการตอบรับ ผู้ดูแลระบบของหน่วยงานเข้าใช้งานแล้ว"))
        return _back(code)
    token = invitation_create(agency=agency, acting_user=_user(request), user=pending.user)
    return render(
        request,
        "hosting/agency_created.html",
        {
            "agency": agency,
            "administrator": pending.user,
            "link": invitation_link(request, host, token),
            "reissued": True,
        },
    )


@operator_member
@require_POST
def agency_export_view(request: HttpRequest, code: str) -> HttpResponseBase:
    operator = _operator(request)
    agency = selectors.hosted_agency(operator, code)
    with transaction.atomic():
        export = agency_export_request(agency=agency, operator=operator, acting_user=_user(request))
        transaction.on_commit(lambda: build_agency_export.enqueue(agency.pk, export.pk))
    messages.success(request, _("รับคำขอส่งออกข้อมูลแล้ว ระบบกำลังจัดทำแฟ้มในเบื้องหลัง กรุณากลับมาที่หน้านี้อีกครั้งในภายหลัง"))
    return _back(code)


@operator_member
def export_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    operator = _operator(request)
    export = selectors.export_of(operator, pk)
    if export.agency is not None:
        record_request(request, [export.agency], action="hosting.export.downloaded")
    with export.file.open("rb") as handle:
        body = handle.read()
    return file_download(body, content_type="application/zip", filename=export.file.name.rsplit("/", 1)[-1])


@operator_member
@require_POST
def agency_delete_view(request: HttpRequest, code: str) -> HttpResponseBase:
    operator = _operator(request)
    agency = selectors.hosted_agency(operator, code)
    form = DeleteForm(request.POST, prefix="delete")
    if not form.is_valid() or form.cleaned_data["confirm_code"].strip() != agency.code:
        messages.error(request, _("กรุณาระบุเหตุผล และพิมพ์รหัสหน่วยงานให้ตรงเพื่อยืนยันการลบ"))
        return _back(code)
    with scopes_disabled():
        export = selectors.exports_of(operator, agency).filter(status=AgencyExport.Status.READY).first()
    if export is None:
        messages.error(request, _("ยังไม่มีแฟ้มส่งออกข้อมูลทั้งหน่วยงานที่จัดทำเสร็จแล้ว กรุณาส่งออกข้อมูลก่อนลบ"))
        return _back(code)
    try:
        removal = agency_delete(
            agency=agency, acting_user=_user(request), export=export, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _back(code)
    messages.success(
        request,
        _("ลบ%(name)sแล้ว บันทึกปลายสายบันทึกการตรวจสอบลำดับที่ %(seq)s ไว้ในประวัติการลบ")
        % {"name": removal.agency_name, "seq": removal.audit_seq},
    )
    return redirect("hosting:dashboard")


@operator_member
def removals(request: HttpRequest) -> HttpResponse:
    return render(request, "hosting/removals.html", {"removals": selectors.removals_of(_operator(request))})


@operator_member
def operator_settings(request: HttpRequest) -> HttpResponse | HttpResponseBase:
    """The operator's own settings: the OCDS prefix its agencies publish under (ADR 0120).

    Only the signed-in member's own operator is ever changed (``request.operator``); nothing posted names
    another operator or an agency.
    """
    operator = _operator(request)
    form = OcdsPrefixForm(posted(request), initial={"ocds_prefix": operator.ocds_prefix})
    if form.is_bound and form.is_valid():
        try:
            operator_ocds_prefix_update(
                operator=operator, acting_user=_user(request), ocds_prefix=form.cleaned_data["ocds_prefix"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("บันทึกคำนำหน้ารหัส OCDS แล้ว หน่วยงานในความดูแลจะเผยแพร่ด้วยคำนำหน้านี้ทันที"))
            return redirect("hosting:settings")
    rows = selectors.ocds_prefixes(operator)
    record_request(request, [agency for agency, _prefix in rows])
    return render(
        request,
        "hosting/settings.html",
        {"form": form, "operator": operator, "rows": rows},
        status=form_status(form),
    )
