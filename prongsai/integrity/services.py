"""Writes of the integrity app. Every function is atomic, takes the acting user and writes an audit event.

* Declarations, culture activities, gift reports and risk assessments are drafted, then published
  (core.publication); a published record's own fields change only by a revision with a reason.
* The gift register follows a state machine: an entry above the threshold of มาตรา ๑๒๘ from someone who is
  not a relative is closed only by the head of the agency's decision (``gift_decide``).
* Events, measures and results of a published assessment keep being recorded (that is what monitoring is);
  each change after publication needs a reason and adds a revision holding the whole register.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, Membership, User
from prongsai.core.publication import add_revision_for_change, record_publish, record_revise
from prongsai.core.roles import Cap, Role, capabilities_of
from prongsai.core.services import attachment_create
from prongsai.core.thai import fiscal_year_range
from prongsai.integrity import rules
from prongsai.integrity.models import (
    CultureActivity,
    GiftEntry,
    GiftReport,
    MeasureProgress,
    NoGiftDeclaration,
    PolicyAcknowledgement,
    RiskArea,
    RiskAssessment,
    RiskEvent,
    RiskMeasure,
)


def _require(agency: Agency, user: User, capability: Cap) -> None:
    """The acting user must hold ``capability`` in ``agency`` (the views check it too; this is the rule)."""
    roles = set(
        Membership.objects.filter(agency=agency, user=user, is_active=True).values_list("role", flat=True)
    )
    if not user.is_active or capability not in capabilities_of(roles):
        raise PermissionError(f"{user} lacks {capability} in {agency.code}")


def _publishable_update(
    record: Any, *, acting_user: User, reason: str, fields: dict[str, Any], action: str
) -> Any:
    """Change a draft directly; correct a published record by a revision with a reason."""
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if locked.is_published:
        changes = {k: v for k, v in fields.items() if getattr(locked, k) != v}
        if not changes:
            return locked
        return record_revise(
            record=locked, acting_user=acting_user, reason=reason, changes=changes, action=f"{action}.revised"
        )
    changed = assign(locked, fields)
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action=f"{action}.draft_updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


# --- the No Gift declaration ------------------------------------------------------------------------------


@transaction.atomic
def declaration_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    title: str,
    text_th: str,
    text_en: str = "",
    signer_name: str = "",
    signer_position: str = "",
    signed_on: date | None = None,
) -> NoGiftDeclaration:
    _require(agency, acting_user, Cap.INTEGRITY_EDIT)
    if NoGiftDeclaration.objects.filter(agency=agency, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            {"fiscal_year": _("มีประกาศเจตนารมณ์ของปีงบประมาณนี้แล้ว กรุณาแก้ไขประกาศเดิมแทนการสร้างใหม่")}
        )
    declaration = NoGiftDeclaration(
        agency=agency,
        fiscal_year=fiscal_year,
        title=title,
        text_th=text_th,
        text_en=text_en,
        signer_name=signer_name,
        signer_position=signer_position,
        signed_on=signed_on,
    )
    declaration.full_clean()
    declaration.save()
    audit_record(agency=agency, actor=acting_user, action="integrity.declaration.drafted", obj=declaration)
    return declaration


@transaction.atomic
def declaration_update(
    *,
    declaration: NoGiftDeclaration,
    acting_user: User,
    reason: str = "",
    title: str | Unset = UNSET,
    text_th: str | Unset = UNSET,
    text_en: str | Unset = UNSET,
    signer_name: str | Unset = UNSET,
    signer_position: str | Unset = UNSET,
    signed_on: date | Unset | None = UNSET,
) -> NoGiftDeclaration:
    _require(declaration.agency, acting_user, Cap.INTEGRITY_EDIT)
    fields = given(
        title=title,
        text_th=text_th,
        text_en=text_en,
        signer_name=signer_name,
        signer_position=signer_position,
        signed_on=signed_on,
    )
    result: NoGiftDeclaration = _publishable_update(
        declaration, acting_user=acting_user, reason=reason, fields=fields, action="integrity.declaration"
    )
    return result


@transaction.atomic
def declaration_publish(
    *, declaration: NoGiftDeclaration, acting_user: User, published_at: datetime | None = None
) -> NoGiftDeclaration:
    """Publish a signed declaration (the chief executive's name and the date of signature are required)."""
    _require(declaration.agency, acting_user, Cap.INTEGRITY_PUBLISH)
    locked = NoGiftDeclaration.objects.select_for_update().get(pk=declaration.pk)
    if not locked.is_signed:
        raise ValidationError(_("ประกาศยังไม่ได้ระบุผู้ลงนามและวันที่ลงนาม กรุณาบันทึกชื่อผู้บริหารสูงสุดและวันที่ลงนามก่อนเผยแพร่"))
    return record_publish(
        record=locked,
        acting_user=acting_user,
        action="integrity.declaration.published",
        published_at=published_at,
    )


@transaction.atomic
def declaration_acknowledge(*, declaration: NoGiftDeclaration, acting_user: User) -> PolicyAcknowledgement:
    """A member acknowledges the published declaration; acknowledging twice keeps the first time."""
    _require(declaration.agency, acting_user, Cap.GIFT_RECORD)
    locked = NoGiftDeclaration.objects.select_for_update().get(pk=declaration.pk)
    if not locked.is_published:
        raise ValidationError(_("ประกาศนี้ยังไม่ได้เผยแพร่ จึงยังรับทราบไม่ได้"))
    existing = PolicyAcknowledgement.objects.filter(
        agency=locked.agency, declaration=locked, user=acting_user
    ).first()
    if existing is not None:
        return existing
    ack = PolicyAcknowledgement.objects.create(
        agency=locked.agency, declaration=locked, user=acting_user, acknowledged_at=timezone.now()
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="integrity.declaration.acknowledged",
        obj=locked,
    )
    return ack


# --- culture activities -----------------------------------------------------------------------------------


@transaction.atomic
def activity_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    title: str,
    held_on: date,
    description: str,
    participants: str,
    participant_count: int | None = None,
) -> CultureActivity:
    _require(agency, acting_user, Cap.INTEGRITY_EDIT)
    activity = CultureActivity(
        agency=agency,
        fiscal_year=fiscal_year,
        title=title,
        held_on=held_on,
        description=description,
        participants=participants,
        participant_count=participant_count,
    )
    _check_in_year(held_on, fiscal_year, "held_on")
    activity.full_clean()
    activity.save()
    audit_record(agency=agency, actor=acting_user, action="integrity.activity.drafted", obj=activity)
    return activity


def _check_in_year(day: date, fiscal_year: int, field: str) -> None:
    start, end = fiscal_year_range(fiscal_year)
    if not start <= day <= end:
        raise ValidationError(
            {
                field: _("วันที่ต้องอยู่ในปีงบประมาณ %(year)s (1 ต.ค. – 30 ก.ย.) กรุณาตรวจสอบวันที่หรือปีงบประมาณ")
                % {"year": fiscal_year}
            }
        )


@transaction.atomic
def activity_update(
    *,
    activity: CultureActivity,
    acting_user: User,
    reason: str = "",
    title: str | Unset = UNSET,
    held_on: date | Unset = UNSET,
    description: str | Unset = UNSET,
    participants: str | Unset = UNSET,
    participant_count: int | Unset | None = UNSET,
) -> CultureActivity:
    _require(activity.agency, acting_user, Cap.INTEGRITY_EDIT)
    if not isinstance(held_on, Unset):
        _check_in_year(held_on, activity.fiscal_year, "held_on")
    fields = given(
        title=title,
        held_on=held_on,
        description=description,
        participants=participants,
        participant_count=participant_count,
    )
    result: CultureActivity = _publishable_update(
        activity, acting_user=acting_user, reason=reason, fields=fields, action="integrity.activity"
    )
    return result


@transaction.atomic
def activity_add_photo(
    *, activity: CultureActivity, acting_user: User, upload: UploadedFile, caption: str = "", reason: str = ""
) -> CultureActivity:
    """Add a photo (JPEG or PNG, re-encoded without metadata); on a published activity with a reason."""
    _require(activity.agency, acting_user, Cap.INTEGRITY_EDIT)
    locked = CultureActivity.objects.select_for_update().get(pk=activity.pk)
    if locked.is_published and not reason.strip():
        raise ValidationError(
            {"reason": _("กิจกรรมนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการเพิ่มภาพ ซึ่งจะแสดงในประวัติการแก้ไข")}
        )
    from prongsai.core.files import check_upload
    from prongsai.core.models import Attachment

    check_upload(upload, allowed=frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG}))
    upload.seek(0)
    photo = attachment_create(
        agency=locked.agency, acting_user=acting_user, upload=upload, title=caption, public_image=True
    )
    locked.photos.add(photo)
    if locked.is_published:
        add_revision_for_change(
            record=locked, acting_user=acting_user, reason=reason, action="integrity.activity.photo_added"
        )
    else:
        audit_record(
            agency=locked.agency,
            actor=acting_user,
            action="integrity.activity.photo_added",
            obj=locked,
            data={"attachment": str(photo.public_id)},
        )
    return locked


@transaction.atomic
def activity_publish(
    *, activity: CultureActivity, acting_user: User, published_at: datetime | None = None
) -> CultureActivity:
    _require(activity.agency, acting_user, Cap.INTEGRITY_PUBLISH)
    return record_publish(
        record=activity,
        acting_user=acting_user,
        action="integrity.activity.published",
        published_at=published_at,
    )


# --- the gift register ------------------------------------------------------------------------------------


@transaction.atomic
def gift_record(
    *,
    agency: Agency,
    acting_user: User,
    direction: str,
    official_name: str,
    counterpart_name: str,
    relationship: str,
    occasion: str,
    description: str,
    estimated_value: Decimal,
    event_on: date,
    handling: str,
    official_position: str = "",
    note: str = "",
) -> GiftEntry:
    """Record a gift. The rule of the day (threshold, days to decide) is kept with the entry; an entry that
    needs the head's decision goes straight to the head (status "awaiting decision")."""
    _require(agency, acting_user, Cap.GIFT_RECORD)
    if event_on > timezone.localdate():
        raise ValidationError({"event_on": _("วันที่ได้รับหรือให้ต้องไม่เป็นวันในอนาคต")})
    rule = rules.gift_rule(event_on)
    entry = GiftEntry(
        agency=agency,
        recorded_by=acting_user,
        direction=direction,
        official_name=official_name,
        official_position=official_position,
        counterpart_name=counterpart_name,
        relationship=relationship,
        occasion=occasion,
        description=description,
        estimated_value=estimated_value,
        event_on=event_on,
        handling=handling,
        note=note,
        threshold_baht=rule.threshold_baht,
    )
    if entry.needs_decision:
        entry.decision_due = max(event_on, timezone.localdate()) + timedelta(days=rule.decision_days)
        if handling == GiftEntry.Handling.KEPT_BY_RULE:
            raise ValidationError(
                {
                    "handling": _(
                        "ของขวัญมูลค่าเกิน %(limit)s บาทจากผู้ที่ไม่ใช่ญาติ รับไว้ตามหลักเกณฑ์ไม่ได้ "
                        "กรุณาเลือก “รอหัวหน้าหน่วยงานวินิจฉัย” ส่งคืน หรือส่งมอบให้หน่วยงาน"
                    )
                    % {"limit": f"{rule.threshold_baht:,.0f}"}
                }
            )
    elif handling == GiftEntry.Handling.AWAITING:
        raise ValidationError({"handling": _("รายการนี้ไม่ต้องรอการวินิจฉัย กรุณาเลือกการดำเนินการที่ได้ทำแล้ว")})
    entry.full_clean()
    entry.save()
    if entry.needs_decision:
        entry.refer()
        entry.save(update_fields=["status", "updated_at"])
    audit_record(
        agency=agency,
        actor=acting_user,
        action="integrity.gift.recorded",
        obj=entry,
        data={"needs_decision": entry.needs_decision, "handling": handling},
    )
    return entry


@transaction.atomic
def gift_close(*, entry: GiftEntry, acting_user: User) -> GiftEntry:
    """Close an entry that needs no decision (its handling is final)."""
    locked = GiftEntry.objects.select_for_update().get(pk=entry.pk)
    if locked.recorded_by_id != acting_user.pk:
        _require(locked.agency, acting_user, Cap.GIFT_REGISTER)
    if locked.needs_decision and locked.status != GiftEntry.Status.CLOSED:
        raise ValidationError(
            _("ของขวัญมูลค่าเกินหลักเกณฑ์จากผู้ที่ไม่ใช่ญาติ ปิดเรื่องได้เมื่อ%(role)sวินิจฉัยแล้วเท่านั้น")
            % {"role": Role.EXECUTIVE.label}
        )
    if not can_proceed(locked.close):
        raise ValidationError(_("รายการนี้ปิดเรื่องแล้ว"))
    locked.close()
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(agency=locked.agency, actor=acting_user, action="integrity.gift.closed", obj=locked)
    return locked


@transaction.atomic
def gift_decide(
    *, entry: GiftEntry, acting_user: User, decision: str, reason: str, decided_at: datetime | None = None
) -> GiftEntry:
    """The head of the agency decides on a gift above the threshold: keep, return or hand to the agency.

    ``decided_at`` lets a decision taken on paper before the register moved to Prongsai keep its date."""
    locked = GiftEntry.objects.select_for_update().get(pk=entry.pk)
    _require(locked.agency, acting_user, Cap.GIFT_DECIDE)
    if not can_proceed(locked.decide):
        raise ValidationError(_("รายการนี้ไม่ได้รอการวินิจฉัย"))
    if decision not in GiftEntry.Decision.values:
        raise ValidationError({"decision": _("กรุณาเลือกคำวินิจฉัย")})
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลของคำวินิจฉัย")})
    now = timezone.now()
    if decided_at is not None:
        if decided_at > now:
            raise ValidationError({"decided_at": _("วันที่วินิจฉัยต้องไม่เป็นวันในอนาคต")})
        now = decided_at
    locked.decide()
    locked.decision = decision
    locked.decision_reason = reason.strip()
    locked.decided_by = acting_user
    locked.decided_at = now
    locked.closed_at = now
    locked.handling = {
        GiftEntry.Decision.KEEP: GiftEntry.Handling.KEPT_BY_RULE,
        GiftEntry.Decision.RETURN: GiftEntry.Handling.RETURNED,
        GiftEntry.Decision.HAND_OVER: GiftEntry.Handling.HANDED_TO_AGENCY,
    }[GiftEntry.Decision(decision)]
    locked.save(
        update_fields=[
            "status",
            "decision",
            "decision_reason",
            "decided_by",
            "decided_at",
            "closed_at",
            "handling",
            "updated_at",
        ]
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="integrity.gift.decided",
        obj=locked,
        data={
            "decision": decision,
            "late": bool(locked.decision_due and timezone.localdate() > locked.decision_due),
        },
    )
    return locked


# --- the gift report --------------------------------------------------------------------------------------


def gift_totals(entries: list[GiftEntry]) -> dict[str, Any]:
    """De-identified totals of entries: counts and values by direction and by handling; never a name."""
    by_direction = Counter(str(e.direction) for e in entries)
    by_handling = Counter(str(e.handling) for e in entries)
    value = sum((e.estimated_value for e in entries), Decimal(0))
    above = sum(1 for e in entries if e.needs_decision)
    return {
        "count": len(entries),
        "value": str(value),
        "by_direction": dict(sorted(by_direction.items())),
        "by_handling": dict(sorted(by_handling.items())),
        "above_threshold": above,
    }


@transaction.atomic
def gift_report_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    period: str = GiftReport.Period.YEAR,
    note: str = "",
    signer_name: str = "",
    signer_position: str = "",
    reported_on: date | None = None,
) -> GiftReport:
    _require(agency, acting_user, Cap.INTEGRITY_EDIT)
    if GiftReport.objects.filter(agency=agency, fiscal_year=fiscal_year, period=period).exists():
        raise ValidationError({"period": _("มีรายงานของช่วงเวลานี้แล้ว กรุณาแก้ไขรายงานเดิมแทนการสร้างใหม่")})
    report = GiftReport(
        agency=agency,
        fiscal_year=fiscal_year,
        period=period,
        note=note,
        signer_name=signer_name,
        signer_position=signer_position,
        reported_on=reported_on,
    )
    report.full_clean()
    report.save()
    audit_record(agency=agency, actor=acting_user, action="integrity.gift_report.drafted", obj=report)
    return report


@transaction.atomic
def gift_report_publish(
    *, report: GiftReport, acting_user: User, published_at: datetime | None = None
) -> GiftReport:
    """Publish the report with the register's totals of its period frozen in it; "no gifts" is stated when
    the period has none. Refused while an entry of the period still awaits the head's decision."""
    _require(report.agency, acting_user, Cap.INTEGRITY_PUBLISH)
    locked = GiftReport.objects.select_for_update().get(pk=report.pk)
    start, end = locked.period_range()
    entries = list(
        GiftEntry.objects.select_for_update().filter(
            agency=locked.agency, event_on__gte=start, event_on__lte=end
        )
    )
    waiting = [e for e in entries if e.status == GiftEntry.Status.AWAITING_DECISION]
    if waiting:
        raise ValidationError(
            _("ยังมีของขวัญ %(count)s รายการในช่วงเวลานี้ที่รอ%(role)sวินิจฉัย กรุณารอคำวินิจฉัยก่อนเผยแพร่รายงาน")
            % {"count": len(waiting), "role": Role.EXECUTIVE.label}
        )
    locked.totals = gift_totals(entries)
    locked.is_nil = not entries
    locked.save(update_fields=["totals", "is_nil", "updated_at"])
    return record_publish(
        record=locked,
        acting_user=acting_user,
        action="integrity.gift_report.published",
        published_at=published_at,
    )


# --- the corruption-risk register -------------------------------------------------------------------------


@transaction.atomic
def areas_ensure_defaults(*, agency: Agency, acting_user: User) -> list[RiskArea]:
    """Create the areas of ``rules.yaml`` the agency does not have yet (the four bribery topics first)."""
    existing = set(RiskArea.objects.filter(agency=agency).values_list("code", flat=True))
    created = []
    for position, default in enumerate(rules.area_defaults(), start=1):
        if default.code in existing:
            continue
        area = RiskArea.objects.create(
            agency=agency,
            code=default.code,
            name_th=default.name_th,
            position=position,
            is_default=default.default,
            from_fiscal_year=default.from_fiscal_year,
        )
        created.append(area)
    if created:
        audit_record(
            agency=agency,
            actor=acting_user,
            action="integrity.areas.defaults_created",
            data={"codes": [a.code for a in created]},
        )
    return created


@transaction.atomic
def area_create(
    *, agency: Agency, acting_user: User, code: str, name_th: str, from_fiscal_year: int | None = None
) -> RiskArea:
    _require(agency, acting_user, Cap.INTEGRITY_PUBLISH)
    if RiskArea.objects.filter(agency=agency, code=code).exists():
        raise ValidationError({"code": _("มีประเด็นความเสี่ยงรหัสนี้แล้ว กรุณาใช้รหัสอื่น")})
    position = RiskArea.objects.filter(agency=agency).count() + 1
    area = RiskArea(
        agency=agency, code=code, name_th=name_th, position=position, from_fiscal_year=from_fiscal_year
    )
    area.full_clean()
    area.save()
    audit_record(agency=agency, actor=acting_user, action="integrity.area.created", obj=area)
    return area


@transaction.atomic
def assessment_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    title: str,
    scope: str = "",
    method: str = "",
    signer_name: str = "",
    signer_position: str = "",
    approved_on: date | None = None,
) -> RiskAssessment:
    """Draft the assessment of a year; the method is the year's (rules.yaml) unless given."""
    _require(agency, acting_user, Cap.INTEGRITY_EDIT)
    if RiskAssessment.objects.filter(agency=agency, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            {"fiscal_year": _("มีการประเมินความเสี่ยงของปีงบประมาณนี้แล้ว กรุณาแก้ไขรายการเดิมแทนการสร้างใหม่")}
        )
    areas_ensure_defaults(agency=agency, acting_user=acting_user)
    assessment = RiskAssessment(
        agency=agency,
        fiscal_year=fiscal_year,
        title=title,
        method=method or rules.method_for(fiscal_year),
        scope=scope,
        signer_name=signer_name,
        signer_position=signer_position,
        approved_on=approved_on,
    )
    assessment.full_clean()
    assessment.save()
    audit_record(agency=agency, actor=acting_user, action="integrity.assessment.drafted", obj=assessment)
    return assessment


@transaction.atomic
def assessment_update(
    *,
    assessment: RiskAssessment,
    acting_user: User,
    reason: str = "",
    title: str | Unset = UNSET,
    method: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    signer_name: str | Unset = UNSET,
    signer_position: str | Unset = UNSET,
    approved_on: date | Unset | None = UNSET,
) -> RiskAssessment:
    _require(assessment.agency, acting_user, Cap.INTEGRITY_EDIT)
    fields = given(
        title=title,
        method=method,
        scope=scope,
        signer_name=signer_name,
        signer_position=signer_position,
        approved_on=approved_on,
    )
    result: RiskAssessment = _publishable_update(
        assessment, acting_user=acting_user, reason=reason, fields=fields, action="integrity.assessment"
    )
    return result


@transaction.atomic
def assessment_publish(
    *, assessment: RiskAssessment, acting_user: User, published_at: datetime | None = None
) -> RiskAssessment:
    """Publish the assessment: every risk event needs at least one measure (seed 8.6 field 2)."""
    _require(assessment.agency, acting_user, Cap.INTEGRITY_PUBLISH)
    locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
    events = list(locked.events.prefetch_related("measures"))
    if not events:
        raise ValidationError(_("ยังไม่มีเหตุการณ์ความเสี่ยง กรุณาเพิ่มเหตุการณ์ความเสี่ยงก่อนเผยแพร่"))
    bare = [e.number for e in events if not e.measures.all()]
    if bare:
        raise ValidationError(
            _("เหตุการณ์ความเสี่ยงลำดับที่ %(numbers)s ยังไม่มีมาตรการ กรุณากำหนดมาตรการก่อนเผยแพร่")
            % {"numbers": ", ".join(str(n) for n in bare)}
        )
    return record_publish(
        record=locked,
        acting_user=acting_user,
        action="integrity.assessment.published",
        published_at=published_at,
    )


# What a published assessment shows citizens (changes need a reason and add a revision), and what is recorded
# while monitoring the year (status, progress, result: free until the treatment report is published).
MONITORING_FIELDS = frozenset({"status", "result", "progress_percent"})


def _needs_reason(assessment: RiskAssessment, changed: set[str]) -> bool:
    if assessment.report_is_published:
        return bool(changed)
    return assessment.is_published and bool(changed - MONITORING_FIELDS)


def _register_changed(
    assessment: RiskAssessment, *, acting_user: User, reason: str, action: str, obj: Any, revise: bool
) -> None:
    """After a change of an event, a measure or the report: a revision (with its reason) when the change
    alters what was published, else an audit event."""
    if revise:
        if not reason.strip():
            raise ValidationError(
                {"reason": _("การประเมินนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข ซึ่งจะแสดงในประวัติการแก้ไขต่อสาธารณะ")}
            )
        add_revision_for_change(record=assessment, acting_user=acting_user, reason=reason, action=action)
    else:
        audit_record(agency=assessment.agency, actor=acting_user, action=action, obj=obj)


@transaction.atomic
def event_save(
    *,
    assessment: RiskAssessment,
    acting_user: User,
    event: RiskEvent | None = None,
    reason: str = "",
    area: RiskArea | Unset = UNSET,
    number: int | Unset = UNSET,
    process: str | Unset = UNSET,
    description: str | Unset = UNSET,
    likelihood: int | Unset = UNSET,
    impact: int | Unset = UNSET,
    existing_controls: str | Unset = UNSET,
    control_rating: str | Unset = UNSET,
) -> RiskEvent:
    """Add a risk event (area, number, description, likelihood and impact needed) or change one."""
    _require(assessment.agency, acting_user, Cap.INTEGRITY_EDIT)
    locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not isinstance(area, Unset) and area.agency_id != locked.agency_id:
        raise ValidationError({"area": _("กรุณาเลือกประเด็นความเสี่ยงจากรายการ")})
    fields = given(
        area=area,
        number=number,
        process=process,
        event=description,
        likelihood=likelihood,
        impact=impact,
        existing_controls=existing_controls,
        control_rating=control_rating,
    )
    if event is None:
        target = RiskEvent(agency=locked.agency, assessment=locked, **fields)
        target.full_clean()
        target.save()
        changed = set(fields)
    else:
        target = RiskEvent.objects.select_for_update().get(pk=event.pk, assessment=locked)
        changed = {k for k, v in fields.items() if getattr(target, k) != v}
        save_changes(target, assign(target, fields))
    _register_changed(
        locked,
        acting_user=acting_user,
        reason=reason,
        action="integrity.event.created" if event is None else "integrity.event.updated",
        obj=target,
        revise=_needs_reason(locked, changed),
    )
    return target


@transaction.atomic
def measure_save(
    *,
    event: RiskEvent,
    acting_user: User,
    measure: RiskMeasure | None = None,
    reason: str = "",
    number: int | Unset = UNSET,
    text: str | Unset = UNSET,
    owner: str | Unset = UNSET,
    starts_on: date | Unset | None = UNSET,
    ends_on: date | Unset | None = UNSET,
    status: str | Unset = UNSET,
    result: str | Unset = UNSET,
) -> RiskMeasure:
    """Add a measure to an event (number, text and owner needed) or change one, its status or result."""
    _require(event.agency, acting_user, Cap.INTEGRITY_EDIT)
    locked = RiskAssessment.objects.select_for_update().get(pk=event.assessment_id)
    fields = given(
        number=number,
        measure=text,
        owner=owner,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        result=result,
    )
    if fields.get("status") == RiskMeasure.Status.DONE:
        fields["progress_percent"] = 100
    if measure is None:
        target = RiskMeasure(agency=event.agency, event=event, **fields)
        target.full_clean()
        target.save()
        changed = set(fields)
    else:
        target = RiskMeasure.objects.select_for_update().get(pk=measure.pk, event=event)
        changed = {k for k, v in fields.items() if getattr(target, k) != v}
        save_changes(target, assign(target, fields))
    _register_changed(
        locked,
        acting_user=acting_user,
        reason=reason,
        action="integrity.measure.created" if measure is None else "integrity.measure.updated",
        obj=target,
        revise=_needs_reason(locked, changed),
    )
    return target


@transaction.atomic
def progress_record(
    *, measure: RiskMeasure, acting_user: User, reported_on: date, percent: int, note: str
) -> MeasureProgress:
    """Progress on a measure during the year; the measure's percentage and status follow the latest entry."""
    _require(measure.agency, acting_user, Cap.INTEGRITY_EDIT)
    locked = RiskMeasure.objects.select_for_update().get(pk=measure.pk)
    if reported_on > timezone.localdate():
        raise ValidationError({"reported_on": _("วันที่ของข้อมูลต้องไม่เป็นวันในอนาคต")})
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("กรุณากรอกความก้าวหน้าเป็นร้อยละ 0 ถึง 100")})
    entry = MeasureProgress(
        agency=locked.agency,
        measure=locked,
        reported_on=reported_on,
        percent=percent,
        note=note,
        recorded_by=acting_user,
    )
    entry.full_clean()
    entry.save()
    latest = locked.progress.order_by("-reported_on", "-pk").first()
    if latest is not None and latest.pk == entry.pk:
        locked.progress_percent = percent
        if percent >= 100:
            locked.status = RiskMeasure.Status.DONE
        elif percent > 0 and locked.status == RiskMeasure.Status.PLANNED:
            locked.status = RiskMeasure.Status.IN_PROGRESS
        locked.save(update_fields=["progress_percent", "status", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="integrity.measure.progress",
        obj=locked,
        data={"percent": percent, "reported_on": reported_on.isoformat()},
    )
    return entry


@transaction.atomic
def treatment_report_update(
    *,
    assessment: RiskAssessment,
    acting_user: User,
    reason: str = "",
    summary: str | Unset = UNSET,
    problems: str | Unset = UNSET,
    suggestions: str | Unset = UNSET,
) -> RiskAssessment:
    """The treatment report's text (summary, problems, suggestions); once published, with a reason."""
    _require(assessment.agency, acting_user, Cap.INTEGRITY_EDIT)
    locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
    fields = given(report_summary=summary, report_problems=problems, report_suggestions=suggestions)
    changed = {k for k, v in fields.items() if getattr(locked, k) != v}
    save_changes(locked, assign(locked, fields))
    _register_changed(
        locked,
        acting_user=acting_user,
        reason=reason,
        action="integrity.treatment_report.updated",
        obj=locked,
        revise=locked.report_is_published and bool(changed),
    )
    return locked


@transaction.atomic
def treatment_report_publish(
    *, assessment: RiskAssessment, acting_user: User, published_at: datetime | None = None
) -> RiskAssessment:
    """Publish the treatment report (seed 8.7): the assessment is published and every measure has a result."""
    _require(assessment.agency, acting_user, Cap.INTEGRITY_PUBLISH)
    locked = RiskAssessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.is_published:
        raise ValidationError(_("กรุณาเผยแพร่การประเมินความเสี่ยงของปีนี้ก่อนเผยแพร่รายงานผลการดำเนินการ"))
    if locked.report_is_published:
        raise ValidationError(_("รายงานผลการดำเนินการของปีนี้เผยแพร่แล้ว"))
    missing = RiskMeasure.objects.filter(agency=locked.agency, event__assessment=locked, result="").count()
    if missing:
        raise ValidationError(
            _("ยังมี %(count)s มาตรการที่ยังไม่ได้บันทึกผลการดำเนินการ กรุณาบันทึกผลให้ครบก่อนเผยแพร่รายงาน")
            % {"count": missing}
        )
    now = timezone.now()
    if published_at is not None and published_at > now:
        raise ValidationError(_("วันที่เผยแพร่ต้องไม่เป็นวันในอนาคต"))
    locked.report_published_at = published_at or now
    locked.save(update_fields=["report_published_at", "updated_at"])
    audit_record(
        agency=locked.agency, actor=acting_user, action="integrity.treatment_report.published", obj=locked
    )
    return locked
