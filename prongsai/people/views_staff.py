"""Back-office pages of people and ethics: the staffing register, HR rules, training records, the ethics
programme and the acknowledgements of the codes of ethics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.models import Agency, Publishable
from prongsai.core.permissions import has_capability, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap, Role
from prongsai.core.thai import fiscal_year
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files
from prongsai.people import access, selectors, services
from prongsai.people.forms import (
    AttendanceForm,
    ConductGuideForm,
    CourseForm,
    EthicsCodeForm,
    EthicsReportForm,
    GroupMemberForm,
    HrRuleForm,
    PostForm,
    PublishedRecordForm,
    TenureEndForm,
    TenureStartForm,
    WorkingGroupForm,
)


def _either(first: object, second: object) -> str:
    """Two role names joined as the page names who must act ("A หรือ B")."""
    return _("%(first)s หรือ %(second)s") % {"first": first, "second": second}


def _year(request: StaffRequest) -> int:
    raw = (request.GET.get("fiscal_year") or "").strip()
    if raw.isdigit() and 2400 <= int(raw) <= 2700:
        return int(raw)
    return fiscal_year(timezone.localdate())


# --- overview ----------------------------------------------------------------------------------------------


@staff(Cap.BACKOFFICE)
def index(request: StaffRequest) -> HttpResponse:
    year = _year(request)
    can_oversee = has_capability(request, Cap.PEOPLE_OVERSEE)
    return render(
        request,
        "people/staff/index.html",
        {
            "year": year,
            "can_edit": has_capability(request, Cap.PEOPLE_EDIT),
            "can_oversee": can_oversee,
            "staffing": selectors.staffing_as_of(request.agency, timezone.localdate()),
            "training": selectors.training_stats(request.agency, year),
            "my_ack": selectors.acknowledgement_of(request.agency, request.user, year),
            "acks": selectors.acknowledgement_status(request.agency, year) if can_oversee else None,
            "oversee_roles": _either(Role.HEAD_OF_DIVISION.label, Role.EXECUTIVE.label),
        },
    )


# --- staffing ----------------------------------------------------------------------------------------------


@staff(Cap.PEOPLE_EDIT)
def posts(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "people/staff/posts.html",
        {
            "posts": selectors.posts_for_staff(request.agency),
            "staffing": selectors.staffing_as_of(request.agency, timezone.localdate()),
        },
    )


@staff(Cap.PEOPLE_EDIT)
def post_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    post = access.get_post_for_staff(request.agency, pk) if pk else None
    form = PostForm(posted(request), instance=post, agency=request.agency)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_save(
                agency=request.agency, acting_user=request.user, post=post, **form.values()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกตำแหน่งเรียบร้อยแล้ว"))
            return redirect("people:staff_post_edit", pk=post.pk)
    return render(
        request,
        "people/staff/post_edit.html",
        {
            "form": form,
            "post": post,
            "tenures": selectors.tenures_of(post) if post else [],
            "start_form": TenureStartForm(agency=request.agency) if post else None,
            "end_form": TenureEndForm() if post else None,
        },
        status=form_status(form),
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def tenure_start(request: StaffRequest, pk: int) -> HttpResponseBase:
    post = access.get_post_for_staff(request.agency, pk)
    form = TenureStartForm(request.POST, agency=request.agency)

    def page() -> HttpResponse:
        return render(
            request,
            "people/staff/post_edit.html",
            {
                "form": PostForm(instance=post, agency=request.agency),
                "post": post,
                "tenures": selectors.tenures_of(post),
                "start_form": form,
                "end_form": TenureEndForm(),
            },
        )

    return form_action(
        request,
        form,
        lambda data: services.tenure_start(
            post=post, acting_user=request.user, person=data["person"], started_on=data["started_on"]
        ),
        success=_("บันทึกผู้ดำรงตำแหน่งเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_post_edit", pk=post.pk),
        page=page,
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def tenure_end(request: StaffRequest, pk: int, item_pk: int) -> HttpResponseBase:
    post = access.get_post_for_staff(request.agency, pk)
    tenure = access.get_tenure_for_staff(post, item_pk)
    return form_action(
        request,
        TenureEndForm(request.POST),
        lambda data: services.tenure_end(tenure=tenure, acting_user=request.user, ended_on=data["ended_on"]),
        success=_("บันทึกการพ้นจากตำแหน่งเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_post_edit", pk=post.pk),
    )


# --- published records: HR rules and the ethics programme ------------------------------------------------


@dataclass(frozen=True)
class RecordKind:
    """How the generic pages edit and publish one kind of published record."""

    title: Any
    form: type[PublishedRecordForm]
    get: Callable[[Agency, int], Publishable]
    save: Callable[..., Publishable]
    record_arg: str
    uploads: tuple[str, ...] = ()
    back: str = "people:staff_ethics"


KINDS: dict[str, RecordKind] = {
    "rule": RecordKind(
        gettext_lazy("หลักเกณฑ์การบริหารทรัพยากรบุคคล"),
        HrRuleForm,
        access.get_rule_for_staff,
        services.hr_rule_save,
        "rule",
        ("document_upload",),
        back="people:staff_rules",
    ),
    "code": RecordKind(
        gettext_lazy("ประมวลจริยธรรม"),
        EthicsCodeForm,
        access.get_code_for_staff,
        services.ethics_code_save,
        "code",
        ("document_upload",),
    ),
    "group": RecordKind(
        gettext_lazy("คณะทำงานขับเคลื่อนจริยธรรม"),
        WorkingGroupForm,
        access.get_group_for_staff,
        services.working_group_save,
        "group",
        ("order_upload",),
    ),
    "guide": RecordKind(
        gettext_lazy("แนวปฏิบัติ Dos & Don'ts"),
        ConductGuideForm,
        access.get_guide_for_staff,
        services.conduct_guide_save,
        "guide",
    ),
    "report": RecordKind(
        gettext_lazy("รายงานผลการขับเคลื่อนจริยธรรม"),
        EthicsReportForm,
        access.get_report_for_staff,
        services.ethics_report_save,
        "report",
    ),
}


@staff(Cap.PEOPLE_EDIT)
def record_edit(request: StaffRequest, kind: str, pk: int | None = None) -> HttpResponse:
    spec = KINDS[kind]
    record = spec.get(request.agency, pk) if pk else None
    form = spec.form(posted(request), posted_files(request), instance=record)
    if request.method == "POST" and form.is_valid():
        uploads = {name: form.cleaned_data.get(name) for name in spec.uploads}
        try:
            record = spec.save(
                agency=request.agency,
                acting_user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                **{spec.record_arg: record},
                **uploads,
                **form.values(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกเรียบร้อยแล้ว"))
            return redirect(f"people:staff_{kind}_edit", pk=record.pk)
    extra: dict[str, Any] = {}
    if kind == "group" and record is not None:
        extra = {
            "members": selectors.members_of(record),  # type: ignore[arg-type]
            "member_form": GroupMemberForm(agency=request.agency),
        }
    return render(
        request,
        "people/staff/record_edit.html",
        {
            "form": form,
            "record": record,
            "kind": kind,
            "title": spec.title,
            "back": spec.back,
            "can_publish": has_capability(request, Cap.PEOPLE_PUBLISH),
            "publisher_roles": _either(Role.HEAD_OF_DIVISION.label, Role.EXECUTIVE.label),
            "revisions": revisions_of(record) if record is not None and record.is_published else [],
            **extra,
        },
        status=form_status(form),
    )


@staff(Cap.PEOPLE_PUBLISH)
@require_POST
def record_publish(request: StaffRequest, kind: str, pk: int) -> HttpResponseBase:
    record = KINDS[kind].get(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.record_publish_people(record=record, acting_user=request.user),
        success=_("เผยแพร่เรียบร้อยแล้ว"),
        done=resolve_url(f"people:staff_{kind}_edit", pk=record.pk),
    )


@staff(Cap.PEOPLE_EDIT)
def rules(request: StaffRequest) -> HttpResponse:
    return render(request, "people/staff/rules.html", {"rules": selectors.rules_for_staff(request.agency)})


@staff(Cap.PEOPLE_EDIT)
def ethics(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "people/staff/ethics.html",
        {
            "codes": selectors.codes_for_staff(agency),
            "groups": selectors.groups_for_staff(agency),
            "guides": selectors.guides_for_staff(agency),
            "reports": selectors.reports_for_staff(agency),
        },
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def member_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    group = access.get_group_for_staff(request.agency, pk)
    return form_action(
        request,
        GroupMemberForm(request.POST, agency=request.agency),
        lambda data: services.group_member_add(
            group=group,
            acting_user=request.user,
            person=data["person"],
            role=data["role"],
            order=data["order"],
        ),
        success=_("เพิ่มรายชื่อคณะทำงานเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_group_edit", pk=group.pk),
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def member_remove(request: StaffRequest, pk: int, item_pk: int) -> HttpResponseBase:
    group = access.get_group_for_staff(request.agency, pk)
    member = access.get_member_for_staff(group, item_pk)
    return form_action(
        request,
        None,
        lambda _data: services.group_member_remove(member=member, acting_user=request.user),
        success=_("นำรายชื่อออกจากคณะทำงานเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_group_edit", pk=group.pk),
    )


# --- training ----------------------------------------------------------------------------------------------


@staff(Cap.PEOPLE_EDIT)
def training(request: StaffRequest) -> HttpResponse:
    year = _year(request)
    return render(
        request,
        "people/staff/training.html",
        {
            "year": year,
            "years": selectors.training_years(request.agency),
            "courses": selectors.courses_of_year(request.agency, year),
            "stats": selectors.training_stats(request.agency, year),
            "per_person": selectors.training_per_person(request.agency, year),
        },
    )


@staff(Cap.PEOPLE_EDIT)
def course_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    course = access.get_course_for_staff(request.agency, pk) if pk else None
    form = CourseForm(posted(request), instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_save(
                agency=request.agency, acting_user=request.user, course=course, **form.values()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกหลักสูตรเรียบร้อยแล้ว"))
            return redirect("people:staff_course_edit", pk=course.pk)
    return render(
        request,
        "people/staff/course_edit.html",
        {
            "form": form,
            "course": course,
            "attendances": selectors.attendances_of(course) if course else [],
            "attendance_form": AttendanceForm(agency=request.agency) if course else None,
        },
        status=form_status(form),
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def attendance_add(request: StaffRequest, pk: int) -> HttpResponseBase:
    course = access.get_course_for_staff(request.agency, pk)
    form = AttendanceForm(request.POST, request.FILES, agency=request.agency)

    def page() -> HttpResponse:
        return render(
            request,
            "people/staff/course_edit.html",
            {
                "form": CourseForm(instance=course),
                "course": course,
                "attendances": selectors.attendances_of(course),
                "attendance_form": form,
            },
        )

    return form_action(
        request,
        form,
        lambda data: services.attendance_add(
            course=course,
            acting_user=request.user,
            person=data["person"],
            certificate_upload=data.get("certificate"),
        ),
        success=_("บันทึกผู้เข้ารับการฝึกอบรมเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_course_edit", pk=course.pk),
        page=page,
    )


@staff(Cap.PEOPLE_EDIT)
@require_POST
def attendance_remove(request: StaffRequest, pk: int, item_pk: int) -> HttpResponseBase:
    course = access.get_course_for_staff(request.agency, pk)
    attendance = access.get_attendance_for_staff(course, item_pk)
    return form_action(
        request,
        None,
        lambda _data: services.attendance_remove(attendance=attendance, acting_user=request.user),
        success=_("นำรายชื่อออกเรียบร้อยแล้ว"),
        done=resolve_url("people:staff_course_edit", pk=course.pk),
    )


@staff(Cap.PEOPLE_EDIT)
def certificate(request: StaffRequest, pk: int, item_pk: int) -> HttpResponseBase:
    course = access.get_course_for_staff(request.agency, pk)
    attendance = access.get_attendance_for_staff(course, item_pk)
    if attendance.certificate is None:
        return redirect("people:staff_course_edit", pk=course.pk)
    found = attendance.certificate
    return file_download(
        found.file, content_type=found.content_type, filename=found.original_name, inline=found.kind == "pdf"
    )


# --- acknowledgements --------------------------------------------------------------------------------------


@staff(Cap.BACKOFFICE)
def acknowledge(request: StaffRequest) -> HttpResponseBase:
    """Every member reads the codes and the Dos & Don'ts of the year and confirms having read them."""
    year = fiscal_year(timezone.localdate())
    if request.method == "POST":
        return form_action(
            request,
            None,
            lambda _data: services.acknowledge(
                agency=request.agency, acting_user=request.user, fiscal_year=year
            ),
            success=_("บันทึกการรับทราบประมวลจริยธรรมและแนวปฏิบัติเรียบร้อยแล้ว"),
            done=resolve_url("people:staff_acknowledge"),
        )
    return render(
        request,
        "people/staff/acknowledge.html",
        {
            "year": year,
            "codes": selectors.published_codes(request.agency),
            "guide": selectors.published_guide(request.agency, year),
            "ack": selectors.acknowledgement_of(request.agency, request.user, year),
        },
    )


@staff(Cap.PEOPLE_OVERSEE)
def acknowledgements(request: StaffRequest) -> HttpResponse:
    year = _year(request)
    return render(
        request,
        "people/staff/acknowledgements.html",
        {"status": selectors.acknowledgement_status(request.agency, year), "year": year},
    )
