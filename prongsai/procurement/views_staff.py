"""Back-office pages of procurement: the register, e-GP import, plans, announcements, the annual report's
text, red flags (internal auditor) and settings. Thin: parse, call a service or selector, render."""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.models import PublicationStatus
from prongsai.core.permissions import capabilities_for, forbidden, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files

from . import access, exporters, parameters, selectors, services, services_import, services_plan
from .forms import (
    AmendmentForm,
    AnnouncementForm,
    AnnualNoteForm,
    AttachmentForm,
    BidderForm,
    ImportUploadForm,
    PlanForm,
    PlanItemForm,
    ProcurementForm,
    PublishForm,
    RedFlagReviewForm,
    SettingsForm,
)
from .models import ImportBatch, Procurement

FormT = TypeVar("FormT", bound=BaseForm)
PER_PAGE = 100
# The official documents of the document engine linked from these pages (its staff download page).
DOCUMENT_FORMATS = ("pdf", "docx")
DATASET_FORMATS = ("xlsx", "pdf")


def _year(request: StaffRequest) -> int:
    raw = request.GET.get("fy") or request.POST.get("fiscal_year") or ""
    if raw.isdigit() and 2400 <= int(raw) <= 2700:
        return int(raw)
    years = selectors.fiscal_years(request.agency, published_only=False)
    return years[0] if years else selectors.current_fiscal_year()


# --- overview and register --------------------------------------------------------------------------------


def _reads_only(request: StaffRequest) -> bool:
    """Whether the member reads the register's pages without editing them: an executive publishes from
    them, the internal auditor follows red flags into them (``Cap.PROCUREMENT_VIEW``)."""
    return Cap.PROCUREMENT_EDIT not in capabilities_for(request)


def _shown_read_only(form: FormT) -> FormT:
    """The form's fields shown with their values and nothing to submit."""
    for field in form.fields.values():
        field.disabled = True
    return form


@staff(Cap.BACKOFFICE)
def dashboard(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "procurement/staff/dashboard.html",
        {
            "overview": selectors.staff_overview(request.agency),
            "caps": capabilities_for(request),
            "batches": selectors.import_batches(request.agency)[:5],
            "document_formats": DOCUMENT_FORMATS,
            "dataset_formats": DATASET_FORMATS,
        },
    )


@staff(Cap.PROCUREMENT_VIEW)
def register_list(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    fy = _year(request)
    state = request.GET.get("state", "")
    query = request.GET.get("q", "")[:200]
    qs = selectors.staff_register(agency, fiscal_year=fy, query=query, state=state)
    # What the publish button will publish, counted by the selector the button itself uses; none while the
    # page shows only published rows.
    drafts = (
        0
        if state == PublicationStatus.PUBLISHED
        else selectors.publishable_drafts(agency, fiscal_year=fy, query=query).count()
    )
    found, lines = selectors.register_page(
        qs, request.GET, PER_PAGE, url_name="procurement:staff_procurement_edit", by="pk"
    )
    return render(
        request,
        "procurement/staff/register.html",
        {
            "page": found,
            "lines": lines,
            "fiscal_year": fy,
            "years": selectors.fiscal_years(agency, published_only=False),
            "state": state,
            "q": query,
            "drafts": drafts,
            "can_publish": Cap.PROCUREMENT_PUBLISH in capabilities_for(request),
            "can_edit": Cap.PROCUREMENT_EDIT in capabilities_for(request),
            "querystring": _querystring(request),
        },
    )


def _querystring(request: StaffRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _edit_context(
    request: StaffRequest, row: Procurement | None, form: ProcurementForm, **extra: Any
) -> dict[str, Any]:
    return {
        "form": form,
        "row": row,
        "bidder_form": extra.get("bidder_form") or BidderForm(),
        "amendment_form": extra.get("amendment_form") or AmendmentForm(),
        "revisions": revisions_of(row) if row and row.is_published else [],
        "ocid": selectors.ocid_prefix(request.agency).ocid(row.ocid_local) if row else "",
    }


@staff(Cap.PROCUREMENT_VIEW)
def procurement_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    """A register row's staff page: the form for whoever edits the register, the row read-only for whoever
    only publishes or audits it (they reach it from the register and from a red flag)."""
    agency = request.agency
    if _reads_only(request):
        if pk is None or request.method != "GET":
            return forbidden(request, Cap.PROCUREMENT_EDIT)
        shown = access.get_procurement_for_staff(agency, pk)
        context = _edit_context(
            request, shown, _shown_read_only(ProcurementForm(instance=shown, agency=agency))
        )
        return render(request, "procurement/staff/procurement_edit.html", {**context, "read_only": True})
    row = access.get_procurement_for_staff(agency, pk) if pk else None
    form = ProcurementForm(posted(request), instance=row, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields: dict[str, Any] = {k: data[k] for k in ProcurementForm.Meta.fields}
        fields["vendor_tax_id"] = data.get("vendor_tax_id") or ""
        fields["vendor_name"] = data.get("vendor_name") or ""
        try:
            if row is None:
                row = services.procurement_create(agency=agency, acting_user=request.user, **fields)
            elif row.is_published:
                # The link to the plan is not part of what was published: a correction leaves it.
                published = {k: v for k, v in fields.items() if k != "plan_item"}
                row = services.procurement_revise(
                    procurement=row, acting_user=request.user, reason=data["reason"], **published
                )
            else:
                row = services.procurement_update_draft(procurement=row, acting_user=request.user, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกรายการจัดซื้อจัดจ้างเรียบร้อยแล้ว"))
            return redirect("procurement:staff_procurement_edit", pk=row.pk)
    return render(
        request,
        "procurement/staff/procurement_edit.html",
        _edit_context(request, row, form),
        status=form_status(form),
    )


def _child_error_page(request: StaffRequest, row: Procurement, form: BaseForm, key: str) -> HttpResponse:
    context = _edit_context(request, row, ProcurementForm(instance=row, agency=request.agency), **{key: form})
    return render(request, "procurement/staff/procurement_edit.html", context)


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def bidder_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    row = access.get_procurement_for_staff(request.agency, pk)
    form = BidderForm(request.POST)
    return form_action(
        request,
        form,
        lambda data: services.bidder_add(procurement=row, acting_user=request.user, **data),
        success=_("เพิ่มผู้เสนอราคาเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_procurement_edit", pk=row.pk),
        page=lambda: _child_error_page(request, row, form, "bidder_form"),
    )


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def bidder_remove(request: StaffRequest, pk: int) -> HttpResponseBase:
    row = access.get_procurement_for_staff(request.agency, pk)
    raw = request.POST.get("bidder", "")
    if not raw.isdigit():
        messages.error(request, _("ไม่พบผู้เสนอราคาที่ต้องการลบ กรุณาลองใหม่"))
        return redirect("procurement:staff_procurement_edit", pk=row.pk)
    bidder = access.get_bidder_for_staff(request.agency, row, int(raw))
    return form_action(
        request,
        None,
        lambda _data: services.bidder_remove(
            bidder=bidder, acting_user=request.user, reason=request.POST.get("reason", "")
        ),
        success=_("ลบผู้เสนอราคาเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_procurement_edit", pk=row.pk),
    )


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def amendment_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    row = access.get_procurement_for_staff(request.agency, pk)
    form = AmendmentForm(request.POST)
    return form_action(
        request,
        form,
        lambda data: services.amendment_add(procurement=row, acting_user=request.user, **data),
        success=_("บันทึกการแก้ไขสัญญาเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_procurement_edit", pk=row.pk),
        page=lambda: _child_error_page(request, row, form, "amendment_form"),
    )


@staff(Cap.PROCUREMENT_PUBLISH)
@require_POST
def publish_year(request: StaffRequest) -> HttpResponse:
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาเลือกปีงบประมาณที่ต้องการเผยแพร่"))
        return redirect("procurement:staff_register")
    fy, query = form.cleaned_data["fiscal_year"], form.cleaned_data["q"]
    # The drafts the page showed for this year and search (the same selector counted them there).
    ids = list(
        selectors.publishable_drafts(request.agency, fiscal_year=fy, query=query).values_list("pk", flat=True)
    )
    result = services.procurement_publish_many(agency=request.agency, acting_user=request.user, ids=ids)
    messages.success(request, _("เผยแพร่ %(n)s รายการเรียบร้อยแล้ว") % {"n": result.published})
    if result.held_back:
        messages.warning(
            request,
            _(
                "%(n)s รายการยังไม่เผยแพร่ เพราะมีข้อสังเกตที่ผู้ตรวจสอบภายในยังไม่ได้พิจารณา "
                "กรุณาแจ้งผู้ตรวจสอบภายในให้พิจารณาก่อน แล้วเผยแพร่อีกครั้ง"
            )
            % {"n": len(result.held_back)},
        )
    return redirect(
        f"{_url('procurement:staff_register')}?{urlencode({'fy': fy, 'q': query} if query else {'fy': fy})}"
    )


def _url(name: str, *args: Any) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


# --- import -----------------------------------------------------------------------------------------------


@staff(Cap.PROCUREMENT_EDIT)
def import_index(request: StaffRequest) -> HttpResponse:
    form = ImportUploadForm(posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        try:
            result = services_import.import_upload(
                agency=request.agency, acting_user=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if result.already_imported:
                messages.info(request, _("ไฟล์นี้นำเข้าแล้ว การนำเข้าซ้ำไม่เปลี่ยนแปลงข้อมูลใด"))
            return redirect("procurement:staff_import_detail", pk=result.batch.pk)
    return render(
        request,
        "procurement/staff/import_index.html",
        {"form": form, "batches": selectors.import_batches(request.agency)[:50]},
        status=form_status(form),
    )


@staff(Cap.PROCUREMENT_EDIT)
def import_detail(request: StaffRequest, pk: int) -> HttpResponse:
    batch = access.get_batch_for_staff(request.agency, pk)
    problems = Paginator(batch.problems.all(), PER_PAGE)
    return render(
        request,
        "procurement/staff/import_detail.html",
        {
            "batch": batch,
            "problems": problems.get_page(request.GET.get("page")),
            "Status": ImportBatch.Status,
        },
    )


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def import_commit(request: StaffRequest, pk: int) -> HttpResponseBase:
    batch = access.get_batch_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services_import.import_commit_request(batch=batch, acting_user=request.user),
        success=_("เริ่มบันทึกข้อมูลแล้ว ระบบจะบันทึกทั้งไฟล์ในครั้งเดียว หน้านี้จะแสดงผลเมื่อเสร็จ"),
        done=resolve_url("procurement:staff_import_detail", pk=batch.pk),
    )


@staff(Cap.PROCUREMENT_EDIT)
def import_template(request: StaffRequest) -> HttpResponseBase:
    return file_download(
        exporters.import_template_csv(),
        content_type="text/csv; charset=utf-8",
        filename="egp-import-template.csv",
    )


# --- plans ------------------------------------------------------------------------------------------------


@staff(Cap.PROCUREMENT_VIEW)
def plan_index(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "procurement/staff/plan_index.html",
        {"plans": selectors.plans_for_staff(request.agency), "can_edit": not _reads_only(request)},
    )


def _plan_page(
    request: StaffRequest, plan: Any, form: PlanForm, item_form: PlanItemForm | None = None
) -> HttpResponse:
    return render(
        request,
        "procurement/staff/plan_edit.html",
        {
            "form": form,
            "plan": plan,
            "item_form": item_form or PlanItemForm(),
            "revisions": revisions_of(plan) if plan and plan.is_published else [],
            "can_publish": Cap.PROCUREMENT_PUBLISH in capabilities_for(request),
            "read_only": _reads_only(request),
            "no_large": selectors.plan_needs_no_large_announcement(plan) if plan else False,
        },
        status=form_status(form, *([item_form] if item_form else [])),
    )


@staff(Cap.PROCUREMENT_VIEW)
def plan_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    if _reads_only(request):
        if pk is None or request.method != "GET":
            return forbidden(request, Cap.PROCUREMENT_EDIT)
        shown = access.get_plan_for_staff(agency, pk)
        return _plan_page(request, shown, _shown_read_only(PlanForm(instance=shown)))
    plan = access.get_plan_for_staff(agency, pk) if pk else None
    form = PlanForm(posted(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in PlanForm.Meta.fields}
        try:
            if plan is None:
                plan = services_plan.plan_create(agency=agency, acting_user=request.user, **fields)
            else:
                plan = services_plan.plan_update(
                    plan=plan, acting_user=request.user, reason=form.cleaned_data.get("reason", ""), **fields
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกแผนการจัดซื้อจัดจ้างเรียบร้อยแล้ว"))
            return redirect("procurement:staff_plan_edit", pk=plan.pk)
    return _plan_page(request, plan, form)


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def plan_item_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    plan = access.get_plan_for_staff(request.agency, pk)
    form = PlanItemForm(request.POST)
    return form_action(
        request,
        form,
        lambda data: services_plan.plan_item_add(plan=plan, acting_user=request.user, **data),
        success=_("เพิ่มรายการในแผนเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_plan_edit", pk=plan.pk),
        page=lambda: _plan_page(request, plan, PlanForm(instance=plan), form),
    )


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def plan_item_remove(request: StaffRequest, pk: int) -> HttpResponseBase:
    plan = access.get_plan_for_staff(request.agency, pk)
    raw = request.POST.get("item", "")
    if not raw.isdigit():
        messages.error(request, _("ไม่พบรายการที่ต้องการลบ กรุณาลองใหม่"))
        return redirect("procurement:staff_plan_edit", pk=plan.pk)
    item = access.get_plan_item_for_staff(request.agency, plan, int(raw))
    return form_action(
        request,
        None,
        lambda _data: services_plan.plan_item_remove(
            item=item, acting_user=request.user, reason=request.POST.get("reason", "")
        ),
        success=_("ลบรายการออกจากแผนเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_plan_edit", pk=plan.pk),
    )


@staff(Cap.PROCUREMENT_PUBLISH)
@require_POST
def plan_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    plan = access.get_plan_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services_plan.plan_publish(plan=plan, acting_user=request.user),
        success=_("เผยแพร่แผนการจัดซื้อจัดจ้างเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_plan_edit", pk=plan.pk),
    )


# --- announcements ----------------------------------------------------------------------------------------


@staff(Cap.PROCUREMENT_VIEW)
def announcement_index(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "procurement/staff/announcement_index.html",
        {
            "items": selectors.announcements_for_staff(request.agency)[:200],
            "can_edit": not _reads_only(request),
        },
    )


def _announcement_page(
    request: StaffRequest, item: Any, form: AnnouncementForm, file_form: AttachmentForm | None = None
) -> HttpResponse:
    return render(
        request,
        "procurement/staff/announcement_edit.html",
        {
            "form": form,
            "item": item,
            "file_form": file_form or AttachmentForm(),
            "revisions": revisions_of(item) if item and item.is_published else [],
            "can_publish": Cap.PROCUREMENT_PUBLISH in capabilities_for(request),
            "read_only": _reads_only(request),
        },
        status=form_status(form, *([file_form] if file_form else [])),
    )


@staff(Cap.PROCUREMENT_VIEW)
def announcement_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    if _reads_only(request):
        if pk is None or request.method != "GET":
            return forbidden(request, Cap.PROCUREMENT_EDIT)
        shown = access.get_announcement_for_staff(agency, pk)
        return _announcement_page(
            request, shown, _shown_read_only(AnnouncementForm(instance=shown, agency=agency))
        )
    item = access.get_announcement_for_staff(agency, pk) if pk else None
    form = AnnouncementForm(posted(request), instance=item, agency=agency)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in AnnouncementForm.Meta.fields}
        try:
            if item is None:
                item = services_plan.announcement_create(agency=agency, acting_user=request.user, **fields)
            else:
                item = services_plan.announcement_update(
                    announcement=item,
                    acting_user=request.user,
                    reason=form.cleaned_data.get("reason", ""),
                    **fields,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกประกาศเรียบร้อยแล้ว"))
            return redirect("procurement:staff_announcement_edit", pk=item.pk)
    return _announcement_page(request, item, form)


@staff(Cap.PROCUREMENT_EDIT)
@require_POST
def announcement_attach(request: StaffRequest, pk: int) -> HttpResponseBase:
    item = access.get_announcement_for_staff(request.agency, pk)
    form = AttachmentForm(request.POST, request.FILES)
    return form_action(
        request,
        form,
        lambda data: services_plan.announcement_attach(
            announcement=item,
            acting_user=request.user,
            upload=data["file"],
            title=data["title"],
            reason=data["reason"],
        ),
        success=_("แนบเอกสารเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_announcement_edit", pk=item.pk),
        page=lambda: _announcement_page(
            request, item, AnnouncementForm(instance=item, agency=request.agency), form
        ),
    )


@staff(Cap.PROCUREMENT_PUBLISH)
@require_POST
def announcement_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    item = access.get_announcement_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services_plan.announcement_publish(announcement=item, acting_user=request.user),
        success=_("เผยแพร่ประกาศเรียบร้อยแล้ว"),
        done=resolve_url("procurement:staff_announcement_edit", pk=item.pk),
    )


# --- the annual report's text -----------------------------------------------------------------------------


@staff(Cap.PROCUREMENT_EDIT)
def annual_edit(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    fy = _year(request)
    note = selectors.annual_note(agency, fy, published_only=False)
    initial = {"problems": note.problems, "suggestions": note.suggestions} if note else {}
    form = AnnualNoteForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services_plan.annual_note_save(
                agency=agency, acting_user=request.user, fiscal_year=fy, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกบทวิเคราะห์รายงานประจำปีเรียบร้อยแล้ว"))
            return redirect(f"{_url('procurement:staff_annual')}?fy={fy}")
    return render(
        request,
        "procurement/staff/annual_edit.html",
        {
            "form": form,
            "note": note,
            "fiscal_year": fy,
            "years": selectors.fiscal_years(agency, published_only=False),
            "can_publish": Cap.PROCUREMENT_PUBLISH in capabilities_for(request),
            "can_export": Cap.REPORTS_EXPORT in capabilities_for(request),
            "document_formats": DOCUMENT_FORMATS,
        },
        status=form_status(form),
    )


@staff(Cap.PROCUREMENT_PUBLISH)
@require_POST
def annual_publish(request: StaffRequest) -> HttpResponseBase:
    fy = _year(request)
    note = selectors.annual_note(request.agency, fy, published_only=False)

    def publish(_data: dict[str, object]) -> object:
        if note is None:
            raise ValidationError(_("ยังไม่มีบทวิเคราะห์ของปีนี้ กรุณาบันทึกก่อนเผยแพร่"))
        return services_plan.annual_note_publish(note=note, acting_user=request.user)

    return form_action(
        request,
        None,
        publish,
        success=_("เผยแพร่บทวิเคราะห์เรียบร้อยแล้ว"),
        done=f"{_url('procurement:staff_annual')}?fy={fy}",
    )


# --- red flags and settings -------------------------------------------------------------------------------


@staff(Cap.PROCUREMENT_RED_FLAGS)
def red_flags(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    fy = _year(request)
    items = selectors.red_flags(agency, fy)
    rows = selectors.procurements_by_id(agency, {pk for i in items for pk in i.flag.procurement_ids})
    return render(
        request,
        "procurement/staff/red_flags.html",
        {
            "items": items,
            "fiscal_year": fy,
            "years": selectors.fiscal_years(agency, published_only=False),
            "rows": {r.pk: r for r in rows},
            "open_count": sum(1 for i in items if i.review is None),
            "params": parameters.parameters_for(agency),
            "definitions": [d for d in parameters.DEFINITIONS],
        },
    )


@staff(Cap.PROCUREMENT_RED_FLAGS)
@require_POST
def red_flag_review(request: StaffRequest) -> HttpResponseBase:
    form = RedFlagReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาบันทึกความเห็นของผู้ตรวจสอบภายในก่อนยืนยันการพิจารณา"))
        return redirect("procurement:staff_red_flags")
    data = form.cleaned_data
    return form_action(
        request,
        None,
        lambda _data: services.red_flag_review(agency=request.agency, acting_user=request.user, **data),
        success=_("บันทึกการพิจารณาข้อสังเกตเรียบร้อยแล้ว"),
        done=f"{_url('procurement:staff_red_flags')}?fy={data['fiscal_year']}",
    )


@staff(Cap.PROCUREMENT_SETTINGS)
def settings_edit(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    profile = selectors.profile_for(agency)
    form = SettingsForm(posted(request), instance=profile, current=parameters.parameters_for(agency))
    if request.method == "POST" and form.is_valid():
        try:
            services.settings_update(
                agency=agency,
                acting_user=request.user,
                values=form.parameter_values(),
                **{k: form.cleaned_data[k] for k in SettingsForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการตั้งค่าการจัดซื้อจัดจ้างเรียบร้อยแล้ว"))
            return redirect("procurement:staff_settings")
    return render(
        request,
        "procurement/staff/settings.html",
        {"form": form, "prefix": selectors.ocid_prefix(agency)},
        status=form_status(form),
    )
