"""Back-office pages of the integrity app: the No Gift declaration, activities, the gift register and its
reports, the corruption-risk register and its treatment report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import has_capability, staff
from prongsai.core.roles import Cap, Role
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files
from prongsai.integrity import access, selectors, services
from prongsai.integrity.forms import (
    ActivityForm,
    AreaForm,
    AssessmentForm,
    DecisionForm,
    DeclarationForm,
    EventForm,
    GiftForm,
    GiftReportForm,
    MeasureForm,
    PhotoForm,
    ProgressForm,
    TreatmentReportForm,
)


def _form_page(
    request: StaffRequest,
    form: Any,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    done: Callable[[Any], str],
    success: str,
    back: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A page with one form: valid → the service → redirect; refused → the page again with errors (400)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(done(saved))
    context = {
        "form": form,
        "title": title,
        "back": back,
        "can_publish": has_capability(request, Cap.INTEGRITY_PUBLISH),
        "publisher_roles": publisher_roles(),
        **(extra or {}),
    }
    return render(request, "integrity/staff/form.html", context, status=form_status(form))


def publisher_roles() -> str:
    """Who may publish, named in Thai on pages where someone else must act."""
    return ", ".join(str(r.label) for r in (Role.EXECUTIVE, Role.HEAD_OF_DIVISION, Role.ADMINISTRATOR))


def _pick(data: dict[str, Any], names: list[str]) -> dict[str, Any]:
    return {name: data[name] for name in names if name in data}


@staff(Cap.BACKOFFICE)
def home(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    can_edit = has_capability(request, Cap.INTEGRITY_EDIT)
    context = {
        "can_edit": can_edit,
        "can_publish": has_capability(request, Cap.INTEGRITY_PUBLISH),
        "can_record": has_capability(request, Cap.GIFT_RECORD),
        "sees_register": has_capability(request, Cap.GIFT_REGISTER),
        "can_decide": has_capability(request, Cap.GIFT_DECIDE),
        "declarations": selectors.declarations_for_staff(agency),
        "activities": selectors.activities_for_staff(agency) if can_edit else [],
        "gift_reports": selectors.gift_reports_for_staff(agency) if can_edit else [],
        "assessments": selectors.assessments_for_staff(agency) if can_edit else [],
        "awaiting": selectors.awaiting_decision(agency) if has_capability(request, Cap.GIFT_DECIDE) else [],
        "executive_role": Role.EXECUTIVE.label,
        "publisher_roles": publisher_roles(),
    }
    return render(request, "integrity/staff/home.html", context)


# --- declaration ------------------------------------------------------------------------------------------

DECLARATION_FIELDS = ["title", "text_th", "text_en", "signer_name", "signer_position", "signed_on"]


@staff(Cap.INTEGRITY_EDIT)
def declaration_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    declaration = access.get_declaration_for_staff(request.agency, pk) if pk else None
    published = bool(declaration and declaration.is_published)
    form = DeclarationForm(posted(request), instance=declaration, published=published)
    if declaration is not None:
        form.fields["fiscal_year"].disabled = True

    def save(data: dict[str, Any]) -> object:
        if declaration is None:
            return services.declaration_create(
                agency=request.agency,
                acting_user=request.user,
                fiscal_year=data["fiscal_year"],
                **_pick(data, DECLARATION_FIELDS),
            )
        return services.declaration_update(
            declaration=declaration,
            acting_user=request.user,
            reason=data.get("reason", ""),
            **_pick(data, DECLARATION_FIELDS),
        )

    return _form_page(
        request,
        form,
        save,
        title=_("ประกาศเจตนารมณ์นโยบาย No Gift Policy"),
        done=lambda d: resolve_url("integrity:staff_declaration", pk=d.pk),
        success=_("บันทึกประกาศเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_home"),
        extra={"record": declaration, "publish_url": _publish_url("declaration", declaration)},
    )


def _publish_url(kind: str, record: Any) -> str:
    if record is None or record.is_published:
        return ""
    return resolve_url(f"integrity:staff_{kind}_publish", pk=record.pk)


@staff(Cap.INTEGRITY_PUBLISH)
@require_POST
def declaration_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    declaration = access.get_declaration_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.declaration_publish(declaration=declaration, acting_user=request.user),
        success=_("เผยแพร่ประกาศเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_home"),
    )


@staff(Cap.GIFT_RECORD)
@require_POST
def declaration_acknowledge(request: StaffRequest, pk: int) -> HttpResponseBase:
    declaration = access.get_declaration_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.declaration_acknowledge(declaration=declaration, acting_user=request.user),
        success=_("บันทึกการรับทราบนโยบายเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_home"),
    )


# --- activities -------------------------------------------------------------------------------------------

ACTIVITY_FIELDS = ["title", "held_on", "description", "participants", "participant_count"]


@staff(Cap.INTEGRITY_EDIT)
def activity_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    activity = access.get_activity_for_staff(request.agency, pk) if pk else None
    published = bool(activity and activity.is_published)
    form = ActivityForm(posted(request), instance=activity, published=published)
    if activity is not None:
        form.fields["fiscal_year"].disabled = True

    def save(data: dict[str, Any]) -> object:
        if activity is None:
            return services.activity_create(
                agency=request.agency,
                acting_user=request.user,
                fiscal_year=data["fiscal_year"],
                **_pick(data, ACTIVITY_FIELDS),
            )
        return services.activity_update(
            activity=activity,
            acting_user=request.user,
            reason=data.get("reason", ""),
            **_pick(data, ACTIVITY_FIELDS),
        )

    return _form_page(
        request,
        form,
        save,
        title=_("กิจกรรมสร้างวัฒนธรรม No Gift Policy"),
        done=lambda a: resolve_url("integrity:staff_activity", pk=a.pk),
        success=_("บันทึกกิจกรรมเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_home"),
        extra={
            "record": activity,
            "publish_url": _publish_url("activity", activity),
            "photo_url": resolve_url("integrity:staff_activity_photo", pk=activity.pk) if activity else "",
            "photos": list(activity.photos.all()) if activity else [],
        },
    )


@staff(Cap.INTEGRITY_EDIT)
def activity_photo(request: StaffRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_staff(request.agency, pk)
    form = PhotoForm(posted(request), posted_files(request))
    return _form_page(
        request,
        form,
        lambda d: services.activity_add_photo(
            activity=activity,
            acting_user=request.user,
            upload=d["photo"],
            caption=d["caption"],
            reason=d["reason"],
        ),
        title=_("เพิ่มภาพกิจกรรม"),
        done=lambda a: resolve_url("integrity:staff_activity", pk=a.pk),
        success=_("เพิ่มภาพเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_activity", pk=activity.pk),
        extra={"multipart": True},
    )


@staff(Cap.INTEGRITY_PUBLISH)
@require_POST
def activity_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    activity = access.get_activity_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.activity_publish(activity=activity, acting_user=request.user),
        success=_("เผยแพร่กิจกรรมเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_home"),
    )


# --- gift register ----------------------------------------------------------------------------------------


@staff(Cap.GIFT_RECORD)
def gift_list(request: StaffRequest) -> HttpResponse:
    sees_register = has_capability(request, Cap.GIFT_REGISTER)
    entries = selectors.gift_entries(request.agency, user=None if sees_register else request.user)
    return render(
        request,
        "integrity/staff/gift_list.html",
        {"entries": entries, "sees_register": sees_register, "executive_role": Role.EXECUTIVE.label},
    )


@staff(Cap.GIFT_RECORD)
def gift_new(request: StaffRequest) -> HttpResponse:
    form = GiftForm(posted(request))
    return _form_page(
        request,
        form,
        lambda d: services.gift_record(agency=request.agency, acting_user=request.user, **d),
        title=_("บันทึกการรับหรือให้ของขวัญ"),
        done=lambda e: resolve_url("integrity:staff_gift", pk=e.pk),
        success=_("บันทึกรายการเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_gifts"),
    )


def _gift(request: StaffRequest, pk: int) -> Any:
    return access.get_gift_for_staff(
        request.agency, pk, user=request.user, sees_register=has_capability(request, Cap.GIFT_REGISTER)
    )


@staff(Cap.GIFT_RECORD)
def gift_detail(request: StaffRequest, pk: int) -> HttpResponseBase:
    entry = _gift(request, pk)
    can_decide = has_capability(request, Cap.GIFT_DECIDE) and entry.status == entry.Status.AWAITING_DECISION
    form = DecisionForm(posted(request)) if can_decide else None
    if request.method == "POST" and form is not None:
        return form_action(
            request,
            form,
            lambda d: services.gift_decide(
                entry=entry, acting_user=request.user, decision=d["decision"], reason=d["reason"]
            ),
            success=_("บันทึกคำวินิจฉัยเรียบร้อยแล้ว"),
            done=resolve_url("integrity:staff_gift", pk=entry.pk),
            page=lambda: _gift_page(request, entry, form),
        )
    return _gift_page(request, entry, form)


def _gift_page(request: StaffRequest, entry: Any, form: DecisionForm | None) -> HttpResponse:
    return render(
        request,
        "integrity/staff/gift_detail.html",
        {
            "entry": entry,
            "form": form,
            "can_close": entry.status == entry.Status.OPEN and not entry.needs_decision,
            "executive_role": Role.EXECUTIVE.label,
        },
        status=form_status(form) if form is not None else 200,
    )


@staff(Cap.GIFT_RECORD)
@require_POST
def gift_close(request: StaffRequest, pk: int) -> HttpResponseBase:
    entry = _gift(request, pk)
    return form_action(
        request,
        None,
        lambda _d: services.gift_close(entry=entry, acting_user=request.user),
        success=_("ปิดเรื่องเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_gift", pk=entry.pk),
    )


# --- gift reports -----------------------------------------------------------------------------------------


@staff(Cap.INTEGRITY_EDIT)
def gift_report_new(request: StaffRequest) -> HttpResponse:
    form = GiftReportForm(posted(request))
    return _form_page(
        request,
        form,
        lambda d: services.gift_report_create(agency=request.agency, acting_user=request.user, **d),
        title=_("รายงานการรับของขวัญตามนโยบาย No Gift Policy"),
        done=lambda _r: resolve_url("integrity:staff_home"),
        success=_("บันทึกรายงานเรียบร้อยแล้ว เผยแพร่เมื่อพร้อม ระบบจะสรุปยอดจากทะเบียนโดยไม่แสดงชื่อบุคคล"),
        back=resolve_url("integrity:staff_home"),
    )


@staff(Cap.INTEGRITY_PUBLISH)
@require_POST
def gift_report_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    report = access.get_gift_report_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.gift_report_publish(report=report, acting_user=request.user),
        success=_("เผยแพร่รายงานเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_home"),
    )


# --- the risk register ------------------------------------------------------------------------------------

ASSESSMENT_FIELDS = ["title", "scope", "signer_name", "signer_position", "approved_on"]


@staff(Cap.INTEGRITY_EDIT)
def assessment_new(request: StaffRequest) -> HttpResponse:
    form = AssessmentForm(posted(request))
    return _form_page(
        request,
        form,
        lambda d: services.assessment_create(
            agency=request.agency,
            acting_user=request.user,
            fiscal_year=d["fiscal_year"],
            method=d["method"] or "",
            **_pick(d, ASSESSMENT_FIELDS),
        ),
        title=_("การประเมินความเสี่ยงการทุจริต"),
        done=lambda a: resolve_url("integrity:staff_assessment", pk=a.pk),
        success=_("บันทึกการประเมินเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_home"),
    )


@staff(Cap.INTEGRITY_EDIT)
def assessment_detail(request: StaffRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_staff(request.agency, pk)
    form = AssessmentForm(posted(request), instance=assessment, published=assessment.is_published)
    form.fields["fiscal_year"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_update(
                assessment=assessment,
                acting_user=request.user,
                reason=data.get("reason", ""),
                method=data["method"] or assessment.method,
                **_pick(data, ASSESSMENT_FIELDS),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการประเมินเรียบร้อยแล้ว"))
            return redirect("integrity:staff_assessment", pk=assessment.pk)
    return render(
        request,
        "integrity/staff/assessment.html",
        {
            "assessment": assessment,
            "form": form,
            "sections": selectors.sections(assessment),
            "matrix": selectors.matrix(assessment),
            "can_publish": has_capability(request, Cap.INTEGRITY_PUBLISH),
            "publisher_roles": publisher_roles(),
        },
        status=form_status(form),
    )


@staff(Cap.INTEGRITY_PUBLISH)
@require_POST
def assessment_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    assessment = access.get_assessment_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.assessment_publish(assessment=assessment, acting_user=request.user),
        success=_("เผยแพร่การประเมินความเสี่ยงเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_assessment", pk=assessment.pk),
    )


@staff(Cap.INTEGRITY_EDIT)
def event_edit(request: StaffRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    """Add a risk event to an assessment, or change the event ``item_pk``."""
    assessment = access.get_assessment_for_staff(request.agency, pk)
    event = access.get_event_for_staff(assessment, item_pk) if item_pk else None
    areas = selectors.areas(request.agency)
    form = EventForm(posted(request), instance=event, published=assessment.is_published, areas=areas)

    def save(d: dict[str, Any]) -> object:
        return services.event_save(
            assessment=assessment,
            acting_user=request.user,
            event=event,
            reason=d.get("reason", ""),
            area=d["area"],
            number=d["number"],
            process=d["process"],
            description=d["event"],
            likelihood=d["likelihood"],
            impact=d["impact"],
            existing_controls=d["existing_controls"],
            control_rating=d["control_rating"],
        )

    return _form_page(
        request,
        form,
        save,
        title=_("เหตุการณ์ความเสี่ยง"),
        done=lambda _e: resolve_url("integrity:staff_assessment", pk=assessment.pk),
        success=_("บันทึกเหตุการณ์ความเสี่ยงเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_assessment", pk=assessment.pk),
    )


@staff(Cap.INTEGRITY_EDIT)
def measure_new(request: StaffRequest, pk: int, item_pk: int) -> HttpResponse:
    """Add a measure to the risk event ``item_pk``."""
    assessment = access.get_assessment_for_staff(request.agency, pk)
    return _measure_page(request, assessment, access.get_event_for_staff(assessment, item_pk), None)


@staff(Cap.INTEGRITY_EDIT)
def measure_edit(request: StaffRequest, pk: int, item_pk: int) -> HttpResponse:
    """Change the measure ``item_pk``: its text, owner, dates, status or result."""
    assessment = access.get_assessment_for_staff(request.agency, pk)
    measure = access.get_measure_for_staff(assessment, item_pk)
    return _measure_page(request, assessment, measure.event, measure)


def _measure_page(request: StaffRequest, assessment: Any, event: Any, measure: Any) -> HttpResponse:
    form = MeasureForm(posted(request), instance=measure, published=assessment.is_published)

    def save(d: dict[str, Any]) -> object:
        return services.measure_save(
            event=event,
            acting_user=request.user,
            measure=measure,
            reason=d.get("reason", ""),
            number=d["number"],
            text=d["measure"],
            owner=d["owner"],
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            status=d["status"],
            result=d["result"],
        )

    return _form_page(
        request,
        form,
        save,
        title=_("มาตรการบริหารจัดการความเสี่ยง"),
        done=lambda _m: resolve_url("integrity:staff_assessment", pk=assessment.pk),
        success=_("บันทึกมาตรการเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_assessment", pk=assessment.pk),
        extra={"subtitle": event.event},
    )


@staff(Cap.INTEGRITY_EDIT)
def progress_new(request: StaffRequest, pk: int, item_pk: int) -> HttpResponse:
    """Record progress on the measure ``item_pk``."""
    assessment = access.get_assessment_for_staff(request.agency, pk)
    measure = access.get_measure_for_staff(assessment, item_pk)
    form = ProgressForm(posted(request))
    return _form_page(
        request,
        form,
        lambda d: services.progress_record(measure=measure, acting_user=request.user, **d),
        title=_("ความก้าวหน้าของมาตรการ"),
        done=lambda _p: resolve_url("integrity:staff_assessment", pk=assessment.pk),
        success=_("บันทึกความก้าวหน้าเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_assessment", pk=assessment.pk),
        extra={"subtitle": measure.measure},
    )


@staff(Cap.INTEGRITY_EDIT)
def treatment_report_edit(request: StaffRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment_for_staff(request.agency, pk)
    initial = {
        "summary": assessment.report_summary,
        "problems": assessment.report_problems,
        "suggestions": assessment.report_suggestions,
    }
    form = TreatmentReportForm(posted(request), initial=initial)
    return _form_page(
        request,
        form,
        lambda d: services.treatment_report_update(assessment=assessment, acting_user=request.user, **d),
        title=_("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต"),
        done=lambda a: resolve_url("integrity:staff_assessment", pk=a.pk),
        success=_("บันทึกรายงานผลเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_assessment", pk=assessment.pk),
    )


@staff(Cap.INTEGRITY_PUBLISH)
@require_POST
def treatment_report_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    assessment = access.get_assessment_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _d: services.treatment_report_publish(assessment=assessment, acting_user=request.user),
        success=_("เผยแพร่รายงานผลการดำเนินการเรียบร้อยแล้ว"),
        done=resolve_url("integrity:staff_assessment", pk=assessment.pk),
    )


@staff(Cap.INTEGRITY_PUBLISH)
def area_new(request: StaffRequest) -> HttpResponse:
    form = AreaForm(posted(request))
    return _form_page(
        request,
        form,
        lambda d: services.area_create(agency=request.agency, acting_user=request.user, **d),
        title=_("เพิ่มประเด็นความเสี่ยง"),
        done=lambda _a: resolve_url("integrity:staff_home"),
        success=_("เพิ่มประเด็นความเสี่ยงเรียบร้อยแล้ว"),
        back=resolve_url("integrity:staff_home"),
        extra={"areas": selectors.areas(request.agency)},
    )
