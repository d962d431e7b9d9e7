"""Back-office pages of government property: the register, the lending rules (the manual), the loan register
with each loan's steps, and the yearly stock-take (worked item by item on a phone)."""

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

from prongsai.assets import access, selectors, services
from prongsai.assets.forms import (
    AppointForm,
    AssetForm,
    AssetTypeForm,
    CheckForm,
    DecisionForm,
    LedgerForm,
    LoanRejectionForm,
    LoanRequestForm,
    PhotoForm,
    ReportForm,
    ReturnForm,
    RulesForm,
    WriteOffForm,
)
from prongsai.assets.models import Asset, Loan, StockTake
from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.roles import Cap, Role
from prongsai.core.thai import fiscal_year
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files

ASSETS_PER_PAGE = 50
LOANS_PER_PAGE = 50


def _as_id(value: str) -> int | None:
    return int(value) if value.isdigit() else None


# --- the register ------------------------------------------------------------------------------------------


@staff(Cap.ASSETS_VIEW)
def asset_list(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    flt = selectors.AssetFilter(
        query=request.GET.get("q", "").strip()[:100],
        type_id=_as_id(request.GET.get("type", "")),
        unit_id=_as_id(request.GET.get("unit", "")),
        condition=request.GET.get("condition", ""),
        lendable=request.GET.get("lendable") == "1",
        include_written_off=request.GET.get("all") == "1",
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assets/staff/list.html",
        {
            "page_obj": Paginator(selectors.assets_for_staff(agency, flt), ASSETS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "flt": flt,
            "types": selectors.types_of(agency),
            "units": selectors.units_of(agency),
            "conditions": Asset._meta.get_field("condition").choices,
            "totals": selectors.register_totals(agency),
            "value": selectors.register_value(agency),
            "can_edit": Cap.ASSETS_EDIT in capabilities_for(request),
            "query_string": query.urlencode(),
        },
    )


def _asset_form_page(request: StaffRequest, form: AssetForm, asset: Asset | None) -> HttpResponse:
    return render(
        request, "assets/staff/asset_form.html", {"form": form, "asset": asset}, status=form_status(form)
    )


@staff(Cap.ASSETS_EDIT)
def asset_new(request: StaffRequest) -> HttpResponseBase:
    form = AssetForm(posted(request), agency=request.agency)
    if form.is_bound and form.is_valid():
        try:
            asset = services.asset_register(
                agency=request.agency, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("ลงทะเบียนครุภัณฑ์ %(code)s แล้ว") % {"code": asset.code})
            return redirect("assets:staff_detail", asset.pk)
    return _asset_form_page(request, form, None)


@staff(Cap.ASSETS_EDIT)
def asset_edit(request: StaffRequest, pk: int) -> HttpResponseBase:
    asset = access.get_asset_for_staff(request.agency, pk)
    initial = {
        name: getattr(asset, name)
        for name in (
            "name",
            "description",
            "price",
            "fund_source",
            "location",
            "custodian_unit",
            "custodian",
            "condition",
            "lendable",
            "lendable_to_public",
            "procurement",
        )
    }
    form = AssetForm(posted(request), agency=request.agency, editing=True, initial=initial)
    if form.is_bound:
        return form_action(
            request,
            form,
            lambda data: services.asset_update(asset=asset, acting_user=request.user, **data),
            success=_("บันทึกการแก้ไขครุภัณฑ์แล้ว"),
            done=reverse("assets:staff_detail", args=[asset.pk]),
            page=lambda: _asset_form_page(request, form, asset),
        )
    return _asset_form_page(request, form, asset)


def _detail_page(
    request: StaffRequest, asset: Asset, *, bound: dict[str, BaseForm] | None = None
) -> HttpResponse:
    bound = bound or {}
    caps = capabilities_for(request)
    today = services.today_local()
    return render(
        request,
        "assets/staff/detail.html",
        {
            "asset": asset,
            "photos": selectors.photos_of(asset),
            "loans": selectors.loans_of_asset(asset)[:20],
            "yearly": asset.yearly_depreciation(),
            "accumulated": asset.accumulated_depreciation(today),
            "book_value": asset.book_value(today),
            "photo_form": bound.get("photo") or PhotoForm(prefix="photo"),
            "write_off_form": bound.get("write_off") or WriteOffForm(prefix="write_off"),
            "can_edit": Cap.ASSETS_EDIT in caps,
            "can_write_off": Cap.ASSETS_STOCKTAKE in caps,
            "can_borrow": Cap.ASSETS_BORROW in caps and asset.lendable and not asset.is_written_off,
            "executive": Role.EXECUTIVE.label,
        },
        status=form_status(*bound.values()),
    )


@staff(Cap.ASSETS_VIEW)
def asset_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _detail_page(request, access.get_asset_for_staff(request.agency, pk))


@staff(Cap.ASSETS_EDIT)
@require_POST
def asset_photo_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    asset = access.get_asset_for_staff(request.agency, pk)
    form = PhotoForm(request.POST, request.FILES, prefix="photo")
    return form_action(
        request,
        form,
        lambda data: services.asset_add_photos(
            asset=asset, acting_user=request.user, photos=[data["photos"]]
        ),
        success=_("เพิ่มภาพถ่ายแล้ว"),
        done=reverse("assets:staff_detail", args=[asset.pk]),
        page=lambda: _detail_page(request, asset, bound={"photo": form}),
    )


@staff(Cap.ASSETS_VIEW)
def asset_photo(request: StaffRequest, pk: int, photo_id: str) -> HttpResponseBase:
    photo = access.get_photo_for_staff(request.agency, pk, photo_id)
    return file_download(
        photo.file, content_type=photo.content_type, filename=f"photo.{photo.kind}", inline=True
    )


@staff(Cap.ASSETS_STOCKTAKE)
@require_POST
def asset_write_off(request: StaffRequest, pk: int) -> HttpResponseBase:
    asset = access.get_asset_for_staff(request.agency, pk)
    form = WriteOffForm(request.POST, prefix="write_off")
    return form_action(
        request,
        form,
        lambda data: services.asset_write_off(asset=asset, acting_user=request.user, **data),
        success=_("จำหน่ายครุภัณฑ์ออกจากทะเบียนแล้ว"),
        done=reverse("assets:staff_detail", args=[asset.pk]),
        page=lambda: _detail_page(request, asset, bound={"write_off": form}),
    )


# --- types -------------------------------------------------------------------------------------------------


@staff(Cap.ASSETS_VIEW)
def type_list(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "assets/staff/types.html",
        {
            "types": selectors.types_of(request.agency),
            "can_edit": Cap.ASSETS_EDIT in capabilities_for(request),
        },
    )


@staff(Cap.ASSETS_EDIT)
def type_edit(request: StaffRequest, pk: int | None = None) -> HttpResponseBase:
    asset_type = access.get_type_for_staff(request.agency, pk) if pk else None
    initial = (
        {
            "code": asset_type.code,
            "name_th": asset_type.name_th,
            "classification": asset_type.classification,
            "useful_life_years": asset_type.useful_life_years,
        }
        if asset_type
        else {}
    )
    form = AssetTypeForm(posted(request), initial=initial)

    def page() -> HttpResponse:
        return render(
            request,
            "assets/staff/type_form.html",
            {"form": form, "asset_type": asset_type},
            status=form_status(form),
        )

    if form.is_bound:
        return form_action(
            request,
            form,
            lambda data: services.asset_type_save(
                agency=request.agency, acting_user=request.user, asset_type=asset_type, **data
            ),
            success=_("บันทึกประเภทครุภัณฑ์แล้ว"),
            done=reverse("assets:staff_types"),
            page=page,
        )
    return page()


# --- the lending rules (the manual) ------------------------------------------------------------------------


@staff(Cap.ASSETS_VIEW)
def rules(request: StaffRequest) -> HttpResponseBase:
    current = selectors.rules_of(request.agency)
    can_edit = Cap.ASSETS_RULES in capabilities_for(request)
    form = RulesForm(posted(request), initial=RulesForm.initial_of(current))

    def page() -> HttpResponse:
        return render(
            request,
            "assets/staff/rules.html",
            {"form": form, "rules": current, "can_edit": can_edit},
            status=form_status(form),
        )

    if form.is_bound:
        if not can_edit:
            return page()
        return form_action(
            request,
            form,
            lambda data: services.rules_save(
                agency=request.agency,
                acting_user=request.user,
                reason=data.pop("reason", ""),
                **data,
            ),
            success=_("บันทึกหลักเกณฑ์การยืมแล้ว"),
            done=reverse("assets:staff_rules"),
            page=page,
        )
    return page()


@staff(Cap.ASSETS_RULES)
@require_POST
def rules_publish(request: StaffRequest) -> HttpResponseBase:
    return form_action(
        request,
        None,
        lambda _data: services.rules_publish(agency=request.agency, acting_user=request.user),
        success=_("เผยแพร่คู่มือการใช้ทรัพย์สินของราชการบนเว็บไซต์แล้ว"),
        done=reverse("assets:staff_rules"),
    )


# --- loans -------------------------------------------------------------------------------------------------


@staff(Cap.ASSETS_VIEW)
def loan_list(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    today = services.today_local()
    view = request.GET.get("view", "waiting")
    if view not in selectors.LOAN_VIEWS:
        view = "waiting"
    return render(
        request,
        "assets/staff/loans.html",
        {
            "page_obj": Paginator(
                selectors.loans_for_staff(agency, view=view, today=today), LOANS_PER_PAGE
            ).get_page(request.GET.get("page")),
            "view": view,
            "views": [
                ("waiting", _("รออนุมัติ")),
                ("approved", _("อนุมัติแล้ว รอรับของ")),
                ("out", _("อยู่ระหว่างยืม")),
                ("overdue", _("เกินกำหนดส่งคืน")),
                ("closed", _("ปิดแล้ว")),
                ("all", _("ทั้งหมด")),
            ],
            "counts": selectors.loan_counts(agency, today),
            "calendar": selectors.booking_calendar(agency, today, days=14),
            "today": today,
            "fiscal_year": fiscal_year(today),
            "can_borrow": Cap.ASSETS_BORROW in capabilities_for(request),
        },
    )


@staff(Cap.ASSETS_BORROW)
def loan_new(request: StaffRequest) -> HttpResponseBase:
    initial: dict[str, Any] = {"key": uuid.uuid4(), "place": Loan.Place.PREMISES}
    asset_id = _as_id(request.GET.get("asset", ""))
    if asset_id:
        initial["asset"] = asset_id
    form = LoanRequestForm(posted(request), agency=request.agency, initial=initial)

    def page() -> HttpResponse:
        return render(
            request,
            "assets/staff/loan_form.html",
            {"form": form, "rules": services.rules_for(request.agency)},
            status=form_status(form),
        )

    if form.is_bound:

        def perform(data: dict[str, Any]) -> Loan:
            key = data.pop("key")
            loan, _new = services.loan_request(
                agency=request.agency, acting_user=request.user, idempotency_key=key, **data
            )
            return loan

        if form.is_valid():
            try:
                loan = perform(dict(form.cleaned_data))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("ส่งคำขอยืมแล้ว รอผู้มีอำนาจอนุมัติ"))
                return redirect("assets:staff_loan", loan.pk)
    return page()


_LOAN_FORMS: dict[str, type[BaseForm]] = {
    "approve": DecisionForm,
    "reject": LoanRejectionForm,
    "return": ReturnForm,
}


def who_must_act(loan: Loan, today: Any) -> str:
    """The role that must take the loan's next step, in Thai, for the page to say."""
    if loan.status == Loan.Status.REQUESTED:
        if loan.place == Loan.Place.OUTSIDE:
            return _("รอ%(role)s (หัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย) อนุมัติการนำไปใช้นอกสถานที่ราชการ") % {
                "role": Role.EXECUTIVE.label
            }
        return _("รอ%(role)sที่ดูแลครุภัณฑ์ (%(unit)s) อนุมัติการใช้ภายในสถานที่ราชการ") % {
            "role": Role.HEAD_OF_DIVISION.label,
            "unit": loan.asset.custodian_unit.name_th,
        }
    if loan.status == Loan.Status.APPROVED:
        return _("รอ%(role)sผู้ดูแลครุภัณฑ์ (%(unit)s) ส่งมอบครุภัณฑ์ในวันเริ่มยืม") % {
            "role": Role.OFFICER.label,
            "unit": loan.asset.custodian_unit.name_th,
        }
    if loan.status == Loan.Status.HANDED_OVER:
        if loan.is_overdue(today):
            return _("เกินกำหนดส่งคืน: ผู้ยืมต้องส่งคืน และ%(role)sผู้ดูแลครุภัณฑ์ต้องติดตามทวงคืน") % {
                "role": Role.OFFICER.label
            }
        return _("ผู้ยืมส่งคืนครุภัณฑ์ให้%(role)sผู้ดูแลครุภัณฑ์ภายในกำหนด") % {"role": Role.OFFICER.label}
    return ""


def _loan_page(
    request: StaffRequest, loan: Loan, *, bound: dict[str, BaseForm] | None = None
) -> HttpResponse:
    bound = bound or {}
    caps = capabilities_for(request)
    today = services.today_local()
    forms = {name: bound.get(name) or form(prefix=name) for name, form in _LOAN_FORMS.items()}
    can_decide = services.approver_capability(loan) in caps and loan.borrower_id != request.user.pk
    return render(
        request,
        "assets/staff/loan.html",
        {
            "loan": loan,
            "forms": forms,
            "next_step": who_must_act(loan, today),
            "overdue": loan.is_overdue(today),
            "can_decide": can_decide and loan.status == Loan.Status.REQUESTED,
            "can_handle": Cap.ASSETS_EDIT in caps,
            "can_cancel": loan.status in (Loan.Status.REQUESTED, Loan.Status.APPROVED)
            and (loan.borrower_id == request.user.pk or Cap.ASSETS_EDIT in caps),
        },
        status=form_status(*bound.values()),
    )


@staff(Cap.ASSETS_VIEW)
def loan_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _loan_page(request, access.get_loan_for_staff(request.agency, pk))


def _loan_act(
    request: StaffRequest,
    pk: int,
    name: str | None,
    perform: Callable[[Loan, dict[str, Any]], object],
    success: str,
) -> HttpResponseBase:
    loan = access.get_loan_for_staff(request.agency, pk)
    form = _LOAN_FORMS[name](request.POST, prefix=name) if name else None
    return form_action(
        request,
        form,
        lambda data: perform(loan, data),
        success=success,
        done=reverse("assets:staff_loan", args=[loan.pk]),
        page=(lambda: _loan_page(request, loan, bound={name: form})) if name and form else None,
    )


@staff(Cap.ASSETS_VIEW)
@require_POST
def loan_approve(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _loan_act(
        request,
        pk,
        "approve",
        lambda loan, d: services.loan_approve(loan=loan, acting_user=request.user, note=d["note"]),
        _("อนุมัติการยืมแล้ว"),
    )


@staff(Cap.ASSETS_VIEW)
@require_POST
def loan_reject(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _loan_act(
        request,
        pk,
        "reject",
        lambda loan, d: services.loan_reject(loan=loan, acting_user=request.user, note=d["note"]),
        _("บันทึกว่าไม่อนุมัติแล้ว"),
    )


@staff(Cap.ASSETS_EDIT)
@require_POST
def loan_hand_over(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _loan_act(
        request,
        pk,
        None,
        lambda loan, d: services.loan_hand_over(loan=loan, acting_user=request.user),
        _("บันทึกการส่งมอบครุภัณฑ์แล้ว"),
    )


@staff(Cap.ASSETS_EDIT)
@require_POST
def loan_return(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _loan_act(
        request,
        pk,
        "return",
        lambda loan, d: services.loan_return(
            loan=loan, acting_user=request.user, condition=d["condition"], note=d["note"]
        ),
        _("บันทึกการรับคืนครุภัณฑ์แล้ว"),
    )


@staff(Cap.ASSETS_BORROW)
@require_POST
def loan_cancel(request: StaffRequest, pk: int) -> HttpResponseBase:
    return _loan_act(
        request,
        pk,
        None,
        lambda loan, d: services.loan_cancel(loan=loan, acting_user=request.user),
        _("ยกเลิกคำขอยืมแล้ว"),
    )


# --- the yearly stock-take ---------------------------------------------------------------------------------


@staff(Cap.ASSETS_VIEW)
def stocktake_list(request: StaffRequest) -> HttpResponseBase:
    can_appoint = Cap.ASSETS_STOCKTAKE in capabilities_for(request)
    today = services.today_local()
    form = AppointForm(
        posted(request),
        agency=request.agency,
        initial={"fiscal_year": fiscal_year(today), "appointed_on": today},
    )

    def page() -> HttpResponse:
        return render(
            request,
            "assets/staff/stocktakes.html",
            {
                "stocktakes": selectors.stocktakes(request.agency),
                "form": form,
                "can_appoint": can_appoint,
                "executive": Role.EXECUTIVE.label,
            },
            status=form_status(form),
        )

    if form.is_bound and can_appoint:
        return form_action(
            request,
            form,
            lambda data: services.stocktake_appoint(
                agency=request.agency, acting_user=request.user, committee=list(data.pop("committee")), **data
            ),
            success=_("แต่งตั้งคณะกรรมการตรวจสอบพัสดุแล้ว"),
            done=reverse("assets:staff_stocktakes"),
            page=page,
        )
    return page()


def _stocktake_page(
    request: StaffRequest,
    stocktake: StockTake,
    *,
    check_form: CheckForm | None = None,
    report_form: ReportForm | None = None,
) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    on_committee = services.is_committee_member(stocktake, request.user)
    result = selectors.stocktake_result(stocktake)
    return render(
        request,
        "assets/staff/stocktake.html",
        {
            "stocktake": stocktake,
            "result": result,
            "unchecked": selectors.unchecked_assets(stocktake, query)[:30],
            "query": query,
            "on_committee": on_committee,
            "check_form": check_form,
            "report_form": report_form or ReportForm(prefix="report"),
            "conditions": Asset._meta.get_field("condition").choices,
            "committee": list(stocktake.committee.all()),
        },
        status=form_status(*(f for f in (check_form, report_form) if f is not None)),
    )


@staff(Cap.ASSETS_VIEW)
def stocktake_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _stocktake_page(request, access.get_stocktake_for_staff(request.agency, pk))


@staff(Cap.ASSETS_VIEW)
@require_POST
def stocktake_check(request: StaffRequest, pk: int) -> HttpResponseBase:
    stocktake = access.get_stocktake_for_staff(request.agency, pk)
    form = CheckForm(request.POST, request.FILES)

    def perform(data: dict[str, Any]) -> object:
        asset = access.get_asset_by_code(request.agency, services.parse_code(data["code"]))
        if asset is None:
            raise ValidationError(_("ไม่พบครุภัณฑ์รหัสนี้ในทะเบียน กรุณาตรวจสอบรหัส"))
        return services.stocktake_check(
            stocktake=stocktake,
            acting_user=request.user,
            asset=asset,
            result=data["result"],
            note=data["note"],
            photo=data["photo"],
        )

    return form_action(
        request,
        form,
        perform,
        success=_("บันทึกผลการตรวจ %(code)s แล้ว") % {"code": request.POST.get("code", "")[:40]},
        done=reverse("assets:staff_stocktake", args=[stocktake.pk]),
        page=lambda: _stocktake_page(request, stocktake, check_form=form),
    )


@staff(Cap.ASSETS_VIEW)
@require_POST
def stocktake_report(request: StaffRequest, pk: int) -> HttpResponseBase:
    stocktake = access.get_stocktake_for_staff(request.agency, pk)
    form = ReportForm(request.POST, prefix="report")
    return form_action(
        request,
        form,
        lambda data: services.stocktake_report(
            stocktake=stocktake, acting_user=request.user, summary=data["summary"]
        ),
        success=_("รายงานผลการตรวจสอบพัสดุประจำปีแล้ว"),
        done=reverse("assets:staff_stocktake", args=[stocktake.pk]),
        page=lambda: _stocktake_page(request, stocktake, report_form=form),
    )


# --- importing the XLSX ledger -----------------------------------------------------------------------------

MAX_PROBLEM_ROWS = 200


@staff(Cap.ASSETS_EDIT)
def ledger_import(request: StaffRequest) -> HttpResponseBase:
    """Preview (every row's problems in Thai) or import (all or nothing) an XLSX ledger."""
    form = LedgerForm(posted(request), posted_files(request))
    result: services.LedgerResult | None = None
    if form.is_bound and form.is_valid():
        commit = request.POST.get("action") == "import"
        try:
            result = services.ledger_import(
                agency=request.agency,
                acting_user=request.user,
                content=form.cleaned_data["file"].read(),
                commit=commit,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if result.imported:
                messages.success(
                    request,
                    _("นำเข้าครุภัณฑ์ใหม่ %(new)s รายการ (มีอยู่แล้ว %(same)s รายการ)")
                    % {"new": result.new, "same": result.unchanged},
                )
                return redirect("assets:staff_list")
    status = form_status(form)
    if result is not None and result.problems:
        status = 400
    return render(
        request,
        "assets/staff/import.html",
        {
            "form": form,
            "result": result,
            "problems": result.problems[:MAX_PROBLEM_ROWS] if result else [],
        },
        status=status,
    )
