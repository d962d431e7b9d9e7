"""Writes of the people app. Every function is atomic, keyword-only, takes the acting user and writes an
audit event in its transaction.

Published records (HR rules, codes of ethics, the working group, the Dos & Don'ts, the ethics report) are
drafted, then published through ``core.publication``; once published their content changes only through a
revision with a reason. Posts, tenures, training records and acknowledgements are registers, audited on
every write.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, Attachment, Person, Position, Publishable, User
from prongsai.core.publication import record_publish, record_revise
from prongsai.core.services import attachment_create
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.people import catalogue
from prongsai.people.models import (
    Acknowledgement,
    Attendance,
    ConductGuide,
    Course,
    EthicsCode,
    EthicsReport,
    GroupMember,
    HrRule,
    StaffPost,
    Tenure,
    WorkingGroup,
)

P = TypeVar("P", bound=Publishable)

# --- published records: one way to draft, correct and publish them ---------------------------------------


def _document(
    agency: Agency, acting_user: User, upload: UploadedFile | None, title: str
) -> Attachment | None:
    if upload is None:
        return None
    return attachment_create(agency=agency, acting_user=acting_user, upload=upload, title=title)


def _save_record(
    record: P, fields: dict[str, Any], *, acting_user: User, reason: str, action: str, created: bool
) -> P:
    """Save a new draft, change a draft directly, or correct a published record by a revision.

    On a published record the fields outside its revision content (a document, a signer) change directly.
    """
    if created:
        assign(record, fields)
        record.full_clean()
        record.save()
        audit_record(agency=record.agency, actor=acting_user, action=f"{action}.drafted", obj=record)
        return record
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if locked.is_published:
        content = {k: v for k, v in fields.items() if k in locked.snapshot_fields}
        others = {k: v for k, v in fields.items() if k not in locked.snapshot_fields}
        if others:
            save_changes(locked, assign(locked, others))
        if any(getattr(locked, k) != v for k, v in content.items()):
            return record_revise(
                record=locked,
                acting_user=acting_user,
                reason=reason,
                changes=content,
                action=f"{action}.revised",
            )
        return locked
    save_changes(locked, assign(locked, fields))
    audit_record(agency=locked.agency, actor=acting_user, action=f"{action}.updated", obj=locked)
    return locked


def _year_taken(
    model: type[Publishable], agency: Agency, year: int | None, record: Publishable | None
) -> bool:
    """Whether another record of a once-a-year kind already has ``year`` (only checked when it changes)."""
    if year is None:
        return False
    lookup: dict[str, Any] = {"agency": agency, "fiscal_year": year}
    others = model.objects.filter(**lookup)
    if record is not None:
        others = others.exclude(pk=record.pk)
    return others.exists()


PUBLISH_ACTIONS: dict[type[Publishable], str] = {
    HrRule: "people.hr_rule.published",
    EthicsCode: "people.ethics_code.published",
    WorkingGroup: "people.working_group.published",
    ConductGuide: "people.conduct_guide.published",
    EthicsReport: "people.ethics_report.published",
}


@transaction.atomic
def record_publish_people(*, record: P, acting_user: User, published_at: datetime | None = None) -> P:
    """Publish a draft record of this app (revision 1). A working group needs its members first.

    ``published_at`` keeps the original date of a record moved from the agency's previous website."""
    if isinstance(record, WorkingGroup) and not GroupMember.objects.filter(group=record).exists():
        raise ValidationError(_("กรุณาเพิ่มรายชื่อคณะทำงานอย่างน้อยหนึ่งคนก่อนเผยแพร่"))
    return record_publish(
        record=record,
        acting_user=acting_user,
        action=PUBLISH_ACTIONS[type(record)],
        published_at=published_at,
    )


# --- staffing ----------------------------------------------------------------------------------------------


def _check_position_type(key: str) -> None:
    if catalogue.position_type(key) is None:
        raise ValidationError({"position_type": _("ไม่พบประเภทตำแหน่งนี้ กรุณาเลือกจากรายการ")})


@transaction.atomic
def post_save(
    *,
    agency: Agency,
    acting_user: User,
    post: StaffPost | None = None,
    position: Position | Unset = UNSET,
    code: str | Unset = UNSET,
    position_type: str | Unset = UNSET,
    established_on: date | Unset = UNSET,
    abolished_on: date | Unset | None = UNSET,
) -> StaffPost:
    """Add an approved post of the staffing plan, or change one (abolishing it keeps its history)."""
    fields = given(
        position=position,
        code=code,
        position_type=position_type,
        established_on=established_on,
        abolished_on=abolished_on,
    )
    if "position_type" in fields:
        _check_position_type(str(fields["position_type"]))
    if "position" in fields and fields["position"].agency_id != agency.pk:
        raise ValidationError({"position": _("ไม่พบตำแหน่งนี้ กรุณาเลือกจากรายการ")})
    target = (
        StaffPost(agency=agency) if post is None else StaffPost.objects.select_for_update().get(pk=post.pk)
    )
    assign(target, fields)
    if target.abolished_on and target.established_on and target.abolished_on < target.established_on:
        raise ValidationError({"abolished_on": _("วันที่ยุบเลิกตำแหน่งต้องไม่ก่อนวันที่กำหนดตำแหน่ง")})
    if StaffPost.objects.filter(agency=agency, code=target.code).exclude(pk=target.pk).exists():
        raise ValidationError({"code": _("เลขที่ตำแหน่งนี้มีอยู่แล้ว กรุณาใช้เลขที่อื่น")})
    if post is None:
        target.full_clean()
        target.save()
    else:
        save_changes(target, fields.keys())
    audit_record(
        agency=agency,
        actor=acting_user,
        action="people.post.created" if post is None else "people.post.updated",
        obj=target,
        data={"position_type": target.position_type},
    )
    return target


@transaction.atomic
def tenure_start(*, post: StaffPost, acting_user: User, person: Person, started_on: date) -> Tenure:
    """Appoint a person to a post from a date; the post must be vacant then (end the last tenure first)."""
    locked = StaffPost.objects.select_for_update().get(pk=post.pk)
    if person.agency_id != locked.agency_id:
        raise ValidationError({"person": _("ไม่พบบุคลากรนี้ กรุณาเลือกจากรายการ")})
    if started_on < locked.established_on or (locked.abolished_on and started_on >= locked.abolished_on):
        raise ValidationError({"started_on": _("วันที่เริ่มดำรงตำแหน่งต้องอยู่ในช่วงที่ตำแหน่งนี้มีอยู่")})
    overlapping = Tenure.objects.filter(post=locked).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=started_on)
    )
    if overlapping.exists():
        raise ValidationError(
            {"started_on": _("ตำแหน่งนี้มีผู้ดำรงตำแหน่งอยู่ในวันนั้น กรุณาบันทึกวันที่พ้นจากตำแหน่งของผู้เดิมก่อน")}
        )
    tenure = Tenure.objects.create(agency=locked.agency, post=locked, person=person, started_on=started_on)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="people.tenure.started",
        obj=tenure,
        data={"post": locked.code, "started_on": started_on.isoformat()},
    )
    return tenure


@transaction.atomic
def tenure_end(*, tenure: Tenure, acting_user: User, ended_on: date) -> Tenure:
    locked = Tenure.objects.select_for_update().get(pk=tenure.pk)
    if locked.ended_on is not None:
        raise ValidationError(_("บันทึกการพ้นจากตำแหน่งของผู้นี้ไว้แล้ว"))
    if ended_on < locked.started_on:
        raise ValidationError({"ended_on": _("วันที่พ้นจากตำแหน่งต้องไม่ก่อนวันที่เริ่มดำรงตำแหน่ง")})
    locked.ended_on = ended_on
    save_changes(locked, ["ended_on"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="people.tenure.ended",
        obj=locked,
        data={"ended_on": ended_on.isoformat()},
    )
    return locked


# --- HR rules ----------------------------------------------------------------------------------------------


@transaction.atomic
def hr_rule_save(
    *,
    agency: Agency,
    acting_user: User,
    rule: HrRule | None = None,
    reason: str = "",
    document_upload: UploadedFile | None = None,
    topic: str | Unset = UNSET,
    title: str | Unset = UNSET,
    body: str | Unset = UNSET,
    effective_on: date | Unset = UNSET,
    signer_name: str | Unset = UNSET,
    signer_position: str | Unset = UNSET,
) -> HrRule:
    fields = given(
        topic=topic,
        title=title,
        body=body,
        effective_on=effective_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )
    document = _document(agency, acting_user, document_upload, str(fields.get("title", "")))
    if document is not None:
        fields["document"] = document
    return _save_record(
        HrRule(agency=agency) if rule is None else rule,
        fields,
        acting_user=acting_user,
        reason=reason,
        action="people.hr_rule",
        created=rule is None,
    )


# --- training ----------------------------------------------------------------------------------------------


@transaction.atomic
def course_save(
    *,
    agency: Agency,
    acting_user: User,
    course: Course | None = None,
    title: str | Unset = UNSET,
    topic: str | Unset = UNSET,
    starts_on: date | Unset = UNSET,
    ends_on: date | Unset = UNSET,
    hours: Decimal | Unset = UNSET,
    provider: str | Unset = UNSET,
    cost: Decimal | Unset = UNSET,
) -> Course:
    """Record a course or change one; its fiscal year follows its first day."""
    fields = given(
        title=title,
        topic=topic,
        starts_on=starts_on,
        ends_on=ends_on,
        hours=hours,
        provider=provider,
        cost=cost,
    )
    target = Course(agency=agency) if course is None else Course.objects.select_for_update().get(pk=course.pk)
    assign(target, fields)
    if target.ends_on and target.starts_on and target.ends_on < target.starts_on:
        raise ValidationError({"ends_on": _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม")})
    if target.hours is not None and target.hours <= 0:
        raise ValidationError({"hours": _("จำนวนชั่วโมงต้องมากกว่าศูนย์")})
    if target.cost is not None and target.cost < 0:
        raise ValidationError({"cost": _("ค่าใช้จ่ายต้องไม่ติดลบ")})
    if target.starts_on:
        target.fiscal_year = fiscal_year_of(target.starts_on)
    if course is None:
        target.full_clean()
        target.save()
    else:
        save_changes(target, [*fields.keys(), "fiscal_year"])
    audit_record(
        agency=agency,
        actor=acting_user,
        action="people.course.created" if course is None else "people.course.updated",
        obj=target,
    )
    return target


@transaction.atomic
def attendance_add(
    *, course: Course, acting_user: User, person: Person, certificate_upload: UploadedFile | None = None
) -> Attendance:
    """Record that a person attended a course, with their certificate (a checked file) if given."""
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if person.agency_id != locked.agency_id:
        raise ValidationError({"person": _("ไม่พบบุคลากรนี้ กรุณาเลือกจากรายการ")})
    if Attendance.objects.filter(course=locked, person=person).exists():
        raise ValidationError({"person": _("บันทึกผู้นี้ในหลักสูตรนี้ไว้แล้ว")})
    certificate = (
        attachment_create(
            agency=locked.agency,
            acting_user=acting_user,
            upload=certificate_upload,
            title=_("วุฒิบัตร"),
            public_image=False,
        )
        if certificate_upload is not None
        else None
    )
    attendance = Attendance.objects.create(
        agency=locked.agency, course=locked, person=person, certificate=certificate
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="people.attendance.added",
        obj=attendance,
        data={"course": locked.pk, "certificate": certificate is not None},
    )
    return attendance


@transaction.atomic
def attendance_remove(*, attendance: Attendance, acting_user: User) -> None:
    audit_record(
        agency=attendance.agency,
        actor=acting_user,
        action="people.attendance.removed",
        obj=attendance,
        data={"course": attendance.course_id},
    )
    attendance.delete()


# --- the ethics programme ----------------------------------------------------------------------------------


@transaction.atomic
def ethics_code_save(
    *,
    agency: Agency,
    acting_user: User,
    code: EthicsCode | None = None,
    reason: str = "",
    document_upload: UploadedFile | None = None,
    kind: str | Unset = UNSET,
    title: str | Unset = UNSET,
    issued_on: date | Unset = UNSET,
    summary: str | Unset = UNSET,
) -> EthicsCode:
    fields = given(kind=kind, title=title, issued_on=issued_on, summary=summary)
    if "kind" in fields and fields["kind"] not in {c.kind for c in catalogue.code_kinds()}:
        raise ValidationError({"kind": _("กรุณาเลือกผู้ที่ประมวลจริยธรรมนี้ใช้บังคับจากรายการ")})
    document = _document(agency, acting_user, document_upload, str(fields.get("title", "")))
    if document is not None:
        fields["document"] = document
    return _save_record(
        EthicsCode(agency=agency) if code is None else code,
        fields,
        acting_user=acting_user,
        reason=reason,
        action="people.ethics_code",
        created=code is None,
    )


@transaction.atomic
def working_group_save(
    *,
    agency: Agency,
    acting_user: User,
    group: WorkingGroup | None = None,
    reason: str = "",
    order_upload: UploadedFile | None = None,
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    order_number: str | Unset = UNSET,
    ordered_on: date | Unset = UNSET,
    duties: str | Unset = UNSET,
) -> WorkingGroup:
    fields = given(
        fiscal_year=fiscal_year, title=title, order_number=order_number, ordered_on=ordered_on, duties=duties
    )
    if _year_taken(WorkingGroup, agency, fields.get("fiscal_year"), group):
        raise ValidationError({"fiscal_year": _("มีคณะทำงานของปีงบประมาณนี้แล้ว กรุณาแก้ไขรายการเดิม")})
    document = _document(agency, acting_user, order_upload, str(fields.get("title", "")))
    if document is not None:
        fields["order_document"] = document
    return _save_record(
        WorkingGroup(agency=agency) if group is None else group,
        fields,
        acting_user=acting_user,
        reason=reason,
        action="people.working_group",
        created=group is None,
    )


@transaction.atomic
def group_member_add(
    *, group: WorkingGroup, acting_user: User, person: Person, role: str, order: int = 0
) -> GroupMember:
    """Add a member to the working group; on a published group the change is kept as a revision."""
    locked = WorkingGroup.objects.select_for_update().get(pk=group.pk)
    if person.agency_id != locked.agency_id:
        raise ValidationError({"person": _("ไม่พบบุคลากรนี้ กรุณาเลือกจากรายการ")})
    if GroupMember.objects.filter(group=locked, person=person).exists():
        raise ValidationError({"person": _("ผู้นี้อยู่ในคณะทำงานแล้ว")})
    member = GroupMember(agency=locked.agency, group=locked, person=person, role=role, order=order)
    member.full_clean()
    member.save()
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="people.working_group.member_added",
        obj=locked,
        data={"person": person.pk, "role": role},
    )
    return member


@transaction.atomic
def group_member_remove(*, member: GroupMember, acting_user: User) -> None:
    audit_record(
        agency=member.agency,
        actor=acting_user,
        action="people.working_group.member_removed",
        obj=member.group,
        data={"person": member.person_id},
    )
    member.delete()


@transaction.atomic
def conduct_guide_save(
    *,
    agency: Agency,
    acting_user: User,
    guide: ConductGuide | None = None,
    reason: str = "",
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    dos: str | Unset = UNSET,
    donts: str | Unset = UNSET,
    announced_on: date | Unset = UNSET,
) -> ConductGuide:
    fields = given(fiscal_year=fiscal_year, title=title, dos=dos, donts=donts, announced_on=announced_on)
    if _year_taken(ConductGuide, agency, fields.get("fiscal_year"), guide):
        raise ValidationError({"fiscal_year": _("มีแนวปฏิบัติของปีงบประมาณนี้แล้ว กรุณาแก้ไขรายการเดิม")})
    return _save_record(
        ConductGuide(agency=agency) if guide is None else guide,
        fields,
        acting_user=acting_user,
        reason=reason,
        action="people.conduct_guide",
        created=guide is None,
    )


@transaction.atomic
def ethics_report_save(
    *,
    agency: Agency,
    acting_user: User,
    report: EthicsReport | None = None,
    reason: str = "",
    fiscal_year: int | Unset = UNSET,
    summary: str | Unset = UNSET,
    assessment: str | Unset = UNSET,
    problems: str | Unset = UNSET,
    suggestions: str | Unset = UNSET,
    reported_on: date | Unset = UNSET,
    signer_name: str | Unset = UNSET,
    signer_position: str | Unset = UNSET,
) -> EthicsReport:
    fields = given(
        fiscal_year=fiscal_year,
        summary=summary,
        assessment=assessment,
        problems=problems,
        suggestions=suggestions,
        reported_on=reported_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )
    if _year_taken(EthicsReport, agency, fields.get("fiscal_year"), report):
        raise ValidationError({"fiscal_year": _("มีรายงานของปีงบประมาณนี้แล้ว กรุณาแก้ไขรายการเดิม")})
    return _save_record(
        EthicsReport(agency=agency) if report is None else report,
        fields,
        acting_user=acting_user,
        reason=reason,
        action="people.ethics_report",
        created=report is None,
    )


@transaction.atomic
def acknowledge(*, agency: Agency, acting_user: User, fiscal_year: int) -> Acknowledgement:
    """The acting member confirms having read the codes of ethics and the Dos & Don'ts of a fiscal year.

    Confirming twice keeps the first confirmation (and writes no second event)."""
    if not EthicsCode.objects.filter(agency=agency, status="published").exists():
        raise ValidationError(_("หน่วยงานยังไม่ได้เผยแพร่ประมวลจริยธรรม จึงยังรับทราบไม่ได้"))
    existing = Acknowledgement.objects.filter(
        agency=agency, user=acting_user, fiscal_year=fiscal_year
    ).first()
    if existing is not None:
        return existing
    ack = Acknowledgement.objects.create(
        agency=agency, user=acting_user, fiscal_year=fiscal_year, acknowledged_at=timezone.now()
    )
    audit_record(
        agency=agency,
        actor=acting_user,
        action="people.ethics.acknowledged",
        obj=ack,
        data={"fiscal_year": fiscal_year},
    )
    return ack
