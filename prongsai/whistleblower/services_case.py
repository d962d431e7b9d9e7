"""Case handling: state transitions, re-granting a report, time limits, reminders and retention."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, User
from prongsai.core.publication import record_publish, record_revise
from prongsai.core.thai import BANGKOK, format_date
from prongsai.core.workdays import add_working_days
from prongsai.whistleblower import crypto, selectors
from prongsai.whistleblower.models import (
    OPEN_STATUSES,
    ArchivedTally,
    ChannelSettings,
    Guideline,
    KeyHolder,
    Report,
    ReportFile,
    ReportGrant,
    ReportStatus,
)
from prongsai.whistleblower.services import ReportContent, _check_key, _message, _notify


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


def _audit(report: Report, user: User, action: str, data: dict[str, object] | None = None) -> None:
    audit_record(agency=report.agency, actor=user, action=action, obj=report, data=data or {})


@transaction.atomic
def report_acknowledge(*, report: Report, acting_user: User) -> Report:
    """Received → under review (the acknowledgement the reporter sees on the follow-up page)."""
    locked = _locked(report)
    if not can_proceed(locked.acknowledge):
        raise ValidationError(_("รายงานนี้รับเรื่องไปแล้ว"))
    locked.acknowledge()
    locked.acknowledged_at = timezone.now()
    locked.save(update_fields=["status", "acknowledged_at", "updated_at"])
    _audit(locked, acting_user, "whistleblower.report.acknowledged")
    return locked


@transaction.atomic
def report_investigate(*, report: Report, acting_user: User) -> Report:
    """Under review → investigating."""
    locked = _locked(report)
    if not can_proceed(locked.investigate):
        raise ValidationError(_("เริ่มตรวจสอบข้อเท็จจริงได้เมื่อเรื่องอยู่ระหว่างพิจารณาเท่านั้น"))
    locked.investigate()
    locked.save(update_fields=["status", "updated_at"])
    _audit(locked, acting_user, "whistleblower.report.investigating")
    return locked


@transaction.atomic
def report_forward(*, report: Report, acting_user: User, authority: str, other_name: str = "") -> Report:
    """Under review/investigating → forwarded to ป.ป.ช., ป.ป.ท. or another authority (named)."""
    locked = _locked(report)
    if not can_proceed(locked.forward):
        raise ValidationError(_("ส่งต่อได้เมื่อเรื่องอยู่ระหว่างพิจารณาหรือตรวจสอบเท่านั้น กรุณารับเรื่องก่อน"))
    if authority not in Report.Authority.values:
        raise ValidationError({"authority": _("กรุณาเลือกหน่วยงานที่ส่งต่อ")})
    if authority == Report.Authority.OTHER and not other_name.strip():
        raise ValidationError({"other_name": _("กรุณาระบุชื่อหน่วยงานที่ส่งต่อ")})
    locked.forward()
    locked.forwarded_to = authority
    locked.forwarded_to_other = other_name.strip() if authority == Report.Authority.OTHER else ""
    locked.forwarded_at = timezone.now()
    locked.save(update_fields=["status", "forwarded_to", "forwarded_to_other", "forwarded_at", "updated_at"])
    _audit(locked, acting_user, "whistleblower.report.forwarded", {"authority": authority})
    return locked


@transaction.atomic
def report_close(
    *, report: Report, report_key: bytes, acting_user: User, outcome: str, note: str = ""
) -> Report:
    """Any open state → closed with an outcome; an optional note is kept encrypted as an internal note."""
    locked = _locked(report)
    if not can_proceed(locked.close):
        raise ValidationError(_("เรื่องนี้ยุติไปแล้ว"))
    if outcome not in Report.Outcome.values:
        raise ValidationError({"outcome": _("กรุณาเลือกผลการดำเนินการ")})
    _check_key(locked, report_key)
    locked.close()
    locked.outcome = outcome
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    if note.strip():
        _message(locked, report_key, "internal", acting_user, note)
    _audit(locked, acting_user, "whistleblower.report.closed", {"outcome": outcome})
    return locked


@transaction.atomic
def report_grant(*, report: Report, report_key: bytes, acting_user: User, holder: KeyHolder) -> ReportGrant:
    """Seal a report to another committee member (e.g. one who joined later), unless the reporter excluded
    them."""
    locked = _locked(report)
    if holder.agency_id != locked.agency_id or holder not in selectors.recipient_holders(locked.agency):
        raise ValidationError({"holder": _("ผู้รับต้องเป็นคณะทำงานที่มีกุญแจแล้ว")})
    content = ReportContent.from_json(
        crypto.decrypt(report_key, bytes(locked.content_ciphertext), context=locked.context("content"))
    )
    if holder.pk in content.excluded_holders:
        raise ValidationError({"holder": _("ผู้แจ้งขอไม่ให้บุคคลนี้เห็นรายงาน จึงเพิ่มเป็นผู้รับไม่ได้")})
    if ReportGrant.objects.filter(agency=locked.agency, report=locked, holder=holder).exists():
        raise ValidationError({"holder": _("บุคคลนี้เป็นผู้รับเรื่องอยู่แล้ว")})
    grant = ReportGrant.objects.create(
        agency=locked.agency,
        report=locked,
        holder=holder,
        sealed_key=crypto.seal_to(bytes(holder.public_key), report_key),
    )
    _audit(locked, acting_user, "whistleblower.report.granted", {"holder": holder.pk})
    return grant


@transaction.atomic
def settings_update(
    *,
    agency: Agency,
    acting_user: User,
    ack_working_days: int | Unset = UNSET,
    feedback_working_days: int | Unset = UNSET,
    retention_days: int | Unset = UNSET,
    purge_warning_days: int | Unset = UNSET,
) -> ChannelSettings:
    """Change the agency's time limits and retention (committee only; audited with old and new values)."""
    current = ChannelSettings.objects.select_for_update().get(pk=selectors.channel_settings(agency).pk)
    values = given(
        ack_working_days=ack_working_days,
        feedback_working_days=feedback_working_days,
        retention_days=retention_days,
        purge_warning_days=purge_warning_days,
    )
    changes = {k: (getattr(current, k), v) for k, v in values.items() if getattr(current, k) != v}
    assign(current, {name: new for name, (_old, new) in changes.items()})
    current.full_clean()
    if changes:
        save_changes(current, changes, validate=False)
        audit_record(
            agency=agency,
            actor=acting_user,
            action="whistleblower.settings.updated",
            obj=current,
            data={k: {"from": old, "to": new} for k, (old, new) in changes.items()},
        )
    return current


# --- reminders ----------------------------------------------------------------------------------------------

REMINDER_SUBJECT = gettext_lazy("[ช่องทางแจ้งเบาะแส] มีรายงานที่ใกล้หรือเลยกำหนด")


def _due_stages(report: Report, now: datetime, soon: datetime) -> list[str]:
    stages = []
    if report.acknowledged_at is None and can_proceed(report.acknowledge):
        if report.ack_due_at <= now:
            stages.append("ack-overdue")
        elif report.ack_due_at <= soon:
            stages.append("ack-soon")
    if report.feedback_due_at and report.first_feedback_at is None and report.is_open:
        if report.feedback_due_at <= now:
            stages.append("feedback-overdue")
        elif report.feedback_due_at <= soon:
            stages.append("feedback-soon")
    return [s for s in stages if s not in (report.reminders_sent or [])]


@transaction.atomic
def send_reminders(*, agency: Agency, now: datetime | None = None) -> int:
    """Remind each recipient once per deadline stage (due within a working day, then overdue).

    The e-mail gives a number of reports only; which reports and what they say is read after signing in.
    Returns the number of e-mails queued.
    """
    now = now or timezone.now()
    soon = add_working_days(agency, now, 1)
    per_holder: dict[int, tuple[KeyHolder, int]] = {}
    for report in Report.objects.select_for_update().filter(agency=agency, status__in=OPEN_STATUSES):
        stages = _due_stages(report, now, soon)
        if not stages:
            continue
        report.reminders_sent = [*(report.reminders_sent or []), *stages]
        report.save(update_fields=["reminders_sent", "updated_at"])
        for holder in selectors.holders_of(report):
            previous = per_holder.get(holder.pk, (holder, 0))[1]
            per_holder[holder.pk] = (holder, previous + 1)
    for holder, count in per_holder.values():
        with translation.override("th"):
            body = _(
                "มีรายงานในช่องทางแจ้งเบาะแสที่ใกล้หรือเลยกำหนดตอบรับ/แจ้งความคืบหน้า จำนวน %(count)s เรื่อง\n"
                "กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่ เมนู “ช่องทางแจ้งเบาะแส” เพื่อดำเนินการ"
            ) % {"count": count}
        _notify(agency, [holder], REMINDER_SUBJECT, body)
    return len(per_holder)


# --- retention ----------------------------------------------------------------------------------------------

PURGE_WARNING_SUBJECT = gettext_lazy("[ช่องทางแจ้งเบาะแส] รายงานที่ยุติแล้วจะถูกลบตามระยะเวลาเก็บรักษา")


def purge_date(report: Report, channel: ChannelSettings) -> datetime | None:
    if report.closed_at is None:
        return None
    return report.closed_at + timedelta(days=channel.retention_days)


@transaction.atomic
def warn_before_purge(*, agency: Agency, now: datetime | None = None) -> int:
    """Tell recipients, once, about closed reports whose retention ends within the warning period."""
    now = now or timezone.now()
    channel = selectors.channel_settings(agency)
    horizon = now + timedelta(days=channel.purge_warning_days)
    per_holder: dict[int, tuple[KeyHolder, list[datetime]]] = {}
    due = Report.objects.select_for_update().filter(
        agency=agency, status=ReportStatus.CLOSED, purge_warned_at__isnull=True
    )
    for report in due:
        when = purge_date(report, channel)
        if when is None or when > horizon:
            continue
        report.purge_warned_at = now
        report.save(update_fields=["purge_warned_at", "updated_at"])
        audit_record(agency=agency, actor=None, action="whistleblower.report.purge_warned", obj=report)
        for holder in selectors.holders_of(report):
            per_holder.setdefault(holder.pk, (holder, []))[1].append(when)
    for holder, dates in per_holder.values():
        first = format_date(min(dates).astimezone(BANGKOK))
        with translation.override("th"):
            body = _(
                "รายงานที่ยุติแล้ว %(count)s เรื่องจะถูกลบถาวรพร้อมไฟล์และกุญแจตั้งแต่วันที่ %(date)s "
                "ตามระยะเวลาเก็บรักษาที่หน่วยงานกำหนด\n"
                "หากต้องเก็บไว้นานกว่านั้น กรุณาปรับระยะเวลาเก็บรักษาในหน้าตั้งค่าของช่องทางแจ้งเบาะแสก่อนวันดังกล่าว"
            ) % {"count": len(dates), "date": first}
        _notify(agency, [holder], PURGE_WARNING_SUBJECT, body)
    return len(per_holder)


def _delete_report(report: Report) -> None:
    blobs = list(
        ReportFile.objects.filter(agency=report.agency, report=report).values_list("blob", flat=True)
    )
    local = report.received_at.astimezone(BANGKOK)
    tally, _created = ArchivedTally.objects.get_or_create(
        agency=report.agency, year=local.year, month=local.month
    )
    tally.closed_count += 1
    tally.save(update_fields=["closed_count", "updated_at"])
    report_id = report.pk
    report.delete()  # grants, identity shares and requests, messages and file rows go with it (CASCADE)
    for blob in blobs:
        transaction.on_commit(partial(default_storage.delete, blob))
    audit_record(
        agency=report.agency,
        actor=None,
        action="whistleblower.report.purged",
        data={"report": report_id},
    )


@transaction.atomic
def purge_expired(*, agency: Agency, now: datetime | None = None) -> int:
    """Delete closed reports past the retention period: rows, files and the keys sealed in them.

    A report is purged only after its warning was sent (and at least the warning period has passed since),
    so a shortened retention never deletes without notice. The statistics keep a monthly count only.
    """
    now = now or timezone.now()
    channel = selectors.channel_settings(agency)
    purged = 0
    candidates = Report.objects.select_for_update().filter(
        agency=agency, status=ReportStatus.CLOSED, purge_warned_at__isnull=False
    )
    for report in candidates:
        when = purge_date(report, channel)
        if when is None or when > now or report.purge_warned_at is None:
            continue
        if report.purge_warned_at + timedelta(days=channel.purge_warning_days) > now:
            continue
        _delete_report(report)
        purged += 1
    return purged


# --- the guideline page -------------------------------------------------------------------------------------

GUIDELINE_FIELDS = ("title", "what_to_include", "channels", "steps", "responsible_unit", "time_frame")


@transaction.atomic
def guideline_save_draft(
    *,
    agency: Agency,
    acting_user: User,
    title: str | Unset = UNSET,
    what_to_include: str | Unset = UNSET,
    channels: str | Unset = UNSET,
    steps: str | Unset = UNSET,
    responsible_unit: str | Unset = UNSET,
    time_frame: str | Unset = UNSET,
) -> Guideline:
    """Create the (single) guideline, or change the given fields of it while it is a draft."""
    fields = given(
        title=title,
        what_to_include=what_to_include,
        channels=channels,
        steps=steps,
        responsible_unit=responsible_unit,
        time_frame=time_frame,
    )
    guideline = Guideline.objects.select_for_update().filter(agency=agency).first()
    creating = guideline is None
    if guideline is None:
        guideline = Guideline(agency=agency, **fields)
        guideline.full_clean()
        guideline.save()
    elif guideline.is_published:
        raise ValidationError(_("แนวปฏิบัติเผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    else:
        save_changes(guideline, assign(guideline, fields))
    audit_record(
        agency=agency,
        actor=acting_user,
        action="whistleblower.guideline.drafted" if creating else "whistleblower.guideline.draft_updated",
        obj=guideline,
    )
    return guideline


@transaction.atomic
def guideline_publish(*, guideline: Guideline, acting_user: User) -> Guideline:
    return record_publish(
        record=guideline, acting_user=acting_user, action="whistleblower.guideline.published"
    )


@transaction.atomic
def guideline_revise(
    *,
    guideline: Guideline,
    acting_user: User,
    reason: str,
    title: str | Unset = UNSET,
    what_to_include: str | Unset = UNSET,
    channels: str | Unset = UNSET,
    steps: str | Unset = UNSET,
    responsible_unit: str | Unset = UNSET,
    time_frame: str | Unset = UNSET,
) -> Guideline:
    """Correct the published guideline: a new public revision with the reason."""
    return record_revise(
        record=guideline,
        acting_user=acting_user,
        reason=reason,
        changes=given(
            title=title,
            what_to_include=what_to_include,
            channels=channels,
            steps=steps,
            responsible_unit=responsible_unit,
            time_frame=time_frame,
        ),
        action="whistleblower.guideline.revised",
    )
