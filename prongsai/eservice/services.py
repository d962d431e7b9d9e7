"""Writes of the E-Service workflow: receiving requests (online, walk-in, Open311) and moving them through
their service's steps. Every function is atomic, reads state from a locked row, applies a django-fsm
transition where the status changes, and writes the audit event in the same transaction.

``acting_user`` is None only for a citizen acting without an account (online submission, survey); the audit
entry then names the channel instead. ``at`` is the moment the action happened: now by default; staff
recording counter work late, and the demo data, pass an earlier moment (never a future one).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.files import CheckedFile
from prongsai.core.models import Agency, Membership, User
from prongsai.core.roles import Cap, capabilities_of
from prongsai.core.workdays import WorkCalendar

from . import clock, notices, schedule
from .models import (
    RUNNING_STATUSES,
    Channel,
    DurationUnit,
    RequestFile,
    RequestStep,
    SatisfactionResponse,
    Service,
    ServiceRequest,
)
from .models.form_spec import PERSONAL_KINDS

# A counter visit may be recorded after the fact, but not from the future; allow for clock skew.
_FUTURE_TOLERANCE = timedelta(minutes=5)
PROGRESS_NOTICE_INTERVAL = timedelta(days=7)


@dataclass(frozen=True)
class Applicant:
    """Who asks. Name is required; a phone or an e-mail lets the agency reach them."""

    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class IncomingFile:
    """An upload already checked by content and size (``core.files.check_upload``)."""

    field_name: str
    original_name: str
    checked: CheckedFile


@dataclass
class Submission:
    request: ServiceRequest
    created: bool
    notices: list[str] = field(default_factory=list)


def _moment(at: datetime | None) -> datetime:
    now = clock.now()
    if at is None:
        return now
    if at.tzinfo is None:
        raise ValueError("Naive datetimes are not accepted; pass an aware datetime.")
    if at > now + _FUTURE_TOLERANCE:
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่เป็นเวลาในอนาคต กรุณาตรวจสอบวันเวลาอีกครั้ง"))
    return at


def _require(agency: Agency, user: User | None, capability: Cap) -> User:
    """The acting user must hold ``capability`` in ``agency`` (the views check it too; this is the rule)."""
    if user is None or not user.is_active:
        raise PermissionError("a signed-in member is required")
    roles = set(
        Membership.objects.filter(agency=agency, user=user, is_active=True).values_list("role", flat=True)
    )
    if capability not in capabilities_of(roles):
        raise PermissionError(f"{user} lacks {capability} in {agency.code}")
    return user


def _locked(request: ServiceRequest) -> ServiceRequest:
    return ServiceRequest.objects.select_for_update().select_related("service").get(pk=request.pk)


def _steps(request: ServiceRequest) -> list[RequestStep]:
    return list(RequestStep.objects.filter(request=request).order_by("order"))


def _current(request: ServiceRequest, steps: list[RequestStep]) -> RequestStep:
    for step in steps:
        if step.pk == request.current_step_id:
            return step
    raise ValidationError(_("คำขอนี้ไม่มีขั้นตอนที่กำลังดำเนินการ"))


_STEP_FIELDS = ("state", "started_at", "due_at", "completed_at", "completed_by_id", "note")


def _snapshot(steps: list[RequestStep]) -> dict[int, tuple[object, ...]]:
    return {s.pk: tuple(getattr(s, f) for f in _STEP_FIELDS) for s in steps}


def _save_steps(steps: list[RequestStep], before: dict[int, tuple[object, ...]] | None = None) -> None:
    """Save the steps whose workflow fields changed since ``before`` (all of them without it)."""
    for step in steps:
        if before is None or before.get(step.pk) != tuple(getattr(step, f) for f in _STEP_FIELDS):
            step.save(
                update_fields=[
                    "state",
                    "started_at",
                    "due_at",
                    "completed_at",
                    "completed_by",
                    "note",
                    "updated_at",
                ]
            )


def _audit(
    request: ServiceRequest, actor: User | None, action: str, data: dict[str, Any] | None = None
) -> None:
    label = None
    if actor is None:
        label = "citizen (Open311)" if request.channel == Channel.API else "citizen (E-Service)"
    audit_record(
        agency=request.agency,
        actor=actor,
        actor_label=label,
        action=f"eservice.request.{action}",
        obj=request,
        data={"tracking_code": request.tracking_code, "service": request.service.code, **(data or {})},
    )


def _mask_answers(service: Service, answers: dict[str, Any]) -> list[str]:
    """The names of the answered fields; values never enter the audit log (they may be personal)."""
    kinds = {f["name"]: f["kind"] for f in service.form_fields}
    return sorted(k for k in answers if kinds.get(k) not in PERSONAL_KINDS) + sorted(
        f"{k} (personal)" for k in answers if kinds.get(k) in PERSONAL_KINDS
    )


# --- receiving a request -------------------------------------------------------------------------------


@transaction.atomic
def request_submit(
    *,
    agency: Agency,
    service: Service,
    channel: str,
    applicant: Applicant,
    answers: dict[str, Any],
    files: list[IncomingFile],
    idempotency_key: uuid.UUID,
    acting_user: User | None,
    at: datetime | None = None,
) -> Submission:
    """Receive a request; the same ``idempotency_key`` returns the request already made, never a second one.

    Online and Open311 requests are made by citizens (``acting_user`` None); a walk-in request is recorded
    by a member with the E-Service capability, who may give the moment the citizen was at the counter.
    The first step's clock starts at receipt. The applicant's acknowledgement e-mail goes to the outbox.
    """
    existing = ServiceRequest.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
    if existing is not None:
        return Submission(request=existing, created=False)
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    if channel == Channel.WALK_IN:
        _require(agency, acting_user, Cap.ESERVICE_HANDLE)
    received = _moment(at)
    service = Service.objects.get(pk=service.pk, agency=agency)
    if not service.is_published or not service.is_accepting:
        raise ValidationError(_("บริการนี้ยังไม่เปิดรับคำขอ กรุณาติดต่อหน่วยงานโดยตรง"))
    if channel != Channel.WALK_IN and not service.channel_eservice:
        raise ValidationError(_("บริการนี้ไม่รับคำขอออนไลน์ กรุณายื่นคำขอด้วยตนเอง ณ จุดให้บริการ"))
    if not applicant.name.strip():
        raise ValidationError({"applicant_name": _("กรุณากรอกชื่อ-นามสกุลของผู้ยื่นคำขอ")})
    service_steps = list(service.steps.order_by("order"))
    if not service_steps:
        raise ValidationError(_("บริการนี้ยังไม่ได้กำหนดขั้นตอน กรุณาติดต่อหน่วยงานโดยตรง"))

    request = ServiceRequest(
        agency=agency,
        service=service,
        channel=channel,
        idempotency_key=idempotency_key,
        applicant_name=applicant.name.strip()[:200],
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        answers=answers,
        received_at=received,
        queue_unit=service_steps[0].responsible_unit or service.owner_unit,
        recorded_by=acting_user if channel == Channel.WALK_IN else None,
    )
    try:
        # A savepoint: when a concurrent re-send wins the race, only this insert is undone.
        with transaction.atomic():
            request.save(force_insert=True)
    except IntegrityError:
        existing = ServiceRequest.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return Submission(request=existing, created=False)

    steps = [
        RequestStep(
            agency=agency,
            request=request,
            order=s.order,
            name=s.name,
            duration_value=s.duration_value,
            duration_unit=s.duration_unit,
            responsible_unit=s.responsible_unit or service.owner_unit,
        )
        for s in service_steps
    ]
    calendar = WorkCalendar(agency)
    request.due_at = schedule.plan(agency, steps, received, calendar=calendar)
    steps[0].state = RequestStep.State.ACTIVE
    steps[0].started_at = received
    RequestStep.objects.bulk_create(steps)
    request.current_step = RequestStep.objects.get(request=request, order=steps[0].order)
    request.save(update_fields=["due_at", "current_step", "updated_at"])

    for incoming in files:
        _store_file(request, incoming)

    _audit(
        request,
        acting_user,
        "received",
        {"channel": channel, "fields": _mask_answers(service, answers), "files": len(files)},
    )
    notices.acknowledge(request)
    return Submission(request=request, created=True)


def _store_file(request: ServiceRequest, incoming: IncomingFile) -> RequestFile:
    checked = incoming.checked
    stored = RequestFile(
        agency=request.agency,
        request=request,
        field_name=incoming.field_name,
        original_name=(incoming.original_name or "file")[:255],
        kind=str(checked.kind),
        content_type=checked.content_type,
        size=len(checked.content),
        sha256=checked.sha256 or hashlib.sha256(checked.content).hexdigest(),
    )
    stored.file.save(f"upload.{checked.kind}", ContentFile(checked.content), save=False)
    stored.save()
    return stored


# --- staff work ----------------------------------------------------------------------------------------


@transaction.atomic
def request_assign(
    *, request: ServiceRequest, acting_user: User, assignee: User, at: datetime | None = None
) -> ServiceRequest:
    """Give the request to a member who handles E-Service requests; a received request starts then."""
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_HANDLE)
    try:
        _require(agency, assignee, Cap.ESERVICE_HANDLE)
    except PermissionError:
        raise ValidationError({"assignee": _("ผู้ที่เลือกไม่มีสิทธิ์ดำเนินการคำขอของหน่วยงานนี้ กรุณาเลือกผู้อื่น")}) from None
    locked = _locked(request)
    if not locked.is_open:
        raise ValidationError(_("คำขอนี้ดำเนินการเสร็จแล้ว มอบหมายงานไม่ได้"))
    _moment(at)
    locked.assigned_to = assignee
    fields = ["assigned_to", "updated_at"]
    if can_proceed(locked.start):
        locked.start()
        fields.append("status")
    locked.save(update_fields=fields)
    _audit(locked, acting_user, "assigned", {"assignee": assignee.get_username()})
    return locked


@transaction.atomic
def request_complete_step(
    *, request: ServiceRequest, acting_user: User, note: str = "", at: datetime | None = None
) -> ServiceRequest:
    """Finish the current step and start the next one, whose time limit counts from now.

    The last step is finished by a decision (``request_approve`` or ``request_reject``), not here.
    """
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_HANDLE)
    moment = _moment(at)
    locked = _locked(request)
    if not locked.is_running:
        raise ValidationError(_("คำขอนี้ไม่อยู่ในสถานะที่ดำเนินขั้นตอนต่อได้"))
    steps = _steps(locked)
    before = _snapshot(steps)
    current = _current(locked, steps)
    later = [s for s in steps if s.order > current.order]
    if not later:
        raise ValidationError(_("นี่คือขั้นตอนสุดท้าย กรุณาบันทึกผลการพิจารณา (อนุมัติหรือไม่อนุมัติ)"))
    if moment < (current.started_at or locked.received_at):
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่ก่อนวันเวลาที่เริ่มขั้นตอนนี้"))
    current.state = RequestStep.State.DONE
    current.completed_at = moment
    current.completed_by = acting_user
    current.note = note.strip()
    nxt = later[0]
    nxt.state = RequestStep.State.ACTIVE
    nxt.started_at = moment
    locked.due_at = schedule.plan(agency, later, moment, calendar=WorkCalendar(agency))
    _save_steps(steps, before)
    fields = ["current_step", "queue_unit", "due_at", "updated_at"]
    if can_proceed(locked.start):
        locked.start()
        fields.append("status")
    if locked.assigned_to_id is None:
        locked.assigned_to = acting_user
        fields.append("assigned_to")
    locked.current_step = nxt
    locked.queue_unit = nxt.responsible_unit
    locked.save(update_fields=fields)
    _audit(locked, acting_user, "step_completed", {"step": current.order, "next_step": nxt.order})
    return locked


@transaction.atomic
def request_ask_documents(
    *, request: ServiceRequest, acting_user: User, note: str, at: datetime | None = None
) -> ServiceRequest:
    """Ask the applicant for what is missing, once per request (recorded), and stop the clock."""
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_HANDLE)
    if not note.strip():
        raise ValidationError({"note": _("กรุณาระบุเอกสารที่ขาดให้ครบในครั้งเดียว ผู้ยื่นคำขอจะได้รับข้อความนี้")})
    moment = _moment(at)
    locked = _locked(request)
    if locked.documents_requested_at is not None:
        raise ValidationError(_("คำขอนี้เคยขอเอกสารเพิ่มเติมแล้ว ตามกฎหมายขอได้เพียงครั้งเดียว กรุณาพิจารณาจากเอกสารที่มีอยู่"))
    if not can_proceed(locked.ask_documents):
        raise ValidationError(_("คำขอนี้ไม่อยู่ในสถานะที่ขอเอกสารเพิ่มเติมได้"))
    steps = _steps(locked)
    before = _snapshot(steps)
    current = _current(locked, steps)
    calendar = WorkCalendar(agency)
    due = current.due_at or moment
    if current.duration_unit == DurationUnit.WORKING_HOURS:
        locked.paused_remaining = schedule.office_minutes_between(calendar, moment, due)
    else:
        locked.paused_remaining = schedule.working_days_left(calendar, moment, due)
    locked.ask_documents()
    locked.documents_requested_at = moment
    locked.documents_request_note = note.strip()
    current.state = RequestStep.State.PAUSED
    for step in steps:
        if step.order >= current.order:
            step.due_at = None
    _save_steps(steps, before)
    locked.save(
        update_fields=[
            "status",
            "paused_remaining",
            "documents_requested_at",
            "documents_request_note",
            "updated_at",
        ]
    )
    _audit(
        locked,
        acting_user,
        "documents_requested",
        {"step": current.order, "remaining": locked.paused_remaining},
    )
    notices.documents_requested(locked)
    return locked


@transaction.atomic
def request_receive_documents(
    *, request: ServiceRequest, acting_user: User, at: datetime | None = None
) -> ServiceRequest:
    """The missing documents arrived: the clock runs again with what was left of the current step."""
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_HANDLE)
    moment = _moment(at)
    locked = _locked(request)
    if not can_proceed(locked.receive_documents):
        raise ValidationError(_("คำขอนี้ไม่ได้รอเอกสารเพิ่มเติม"))
    if locked.documents_requested_at and moment < locked.documents_requested_at:
        raise ValidationError(_("วันที่ได้รับเอกสารต้องไม่ก่อนวันที่ขอเอกสาร"))
    steps = _steps(locked)
    before = _snapshot(steps)
    current = _current(locked, steps)
    calendar = WorkCalendar(agency)
    if current.duration_unit == DurationUnit.WORKING_HOURS:
        from prongsai.core.workdays import add_working_hours

        current.due_at = add_working_hours(agency, moment, locked.paused_remaining / 60, calendar=calendar)
    else:
        from prongsai.core.workdays import add_working_days

        current.due_at = add_working_days(agency, moment, locked.paused_remaining, calendar=calendar)
    current.state = RequestStep.State.ACTIVE
    later = [s for s in steps if s.order > current.order]
    locked.due_at = (
        schedule.plan(agency, later, current.due_at, calendar=calendar) if later else current.due_at
    )
    _save_steps(steps, before)
    locked.receive_documents()
    locked.documents_received_at = moment
    locked.paused_remaining = 0
    locked.save(update_fields=["status", "documents_received_at", "paused_remaining", "due_at", "updated_at"])
    _audit(locked, acting_user, "documents_received", {"step": current.order})
    return locked


def _close(
    locked: ServiceRequest, acting_user: User, moment: datetime, reason: str, *, approved: bool
) -> None:
    steps = _steps(locked)
    before = _snapshot(steps)
    for step in steps:
        if step.pk == locked.current_step_id:
            step.state = RequestStep.State.DONE if approved else RequestStep.State.CANCELLED
            step.completed_at = moment
            step.completed_by = acting_user
            step.note = reason
        elif step.state in (RequestStep.State.PENDING, RequestStep.State.ACTIVE, RequestStep.State.PAUSED):
            step.state = RequestStep.State.CANCELLED
            step.due_at = None
    _save_steps(steps, before)
    locked.completed_at = moment
    locked.decision_reason = reason
    if locked.assigned_to_id is None:
        locked.assigned_to = acting_user


@transaction.atomic
def request_approve(
    *, request: ServiceRequest, acting_user: User, reason: str = "", at: datetime | None = None
) -> ServiceRequest:
    """Approve at the last step: the request is complete; the applicant is told the result."""
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_DECIDE)
    moment = _moment(at)
    locked = _locked(request)
    if not can_proceed(locked.approve):
        raise ValidationError(_("คำขอนี้ไม่อยู่ในสถานะที่อนุมัติได้"))
    steps = _steps(locked)
    current = _current(locked, steps)
    if any(s.order > current.order for s in steps):
        raise ValidationError(_("ยังมีขั้นตอนที่ต้องดำเนินการก่อน กรุณาดำเนินการให้ครบทุกขั้นตอนก่อนอนุมัติ"))
    _close(locked, acting_user, moment, reason.strip(), approved=True)
    locked.approve()
    locked.save(update_fields=["status", "completed_at", "decision_reason", "assigned_to", "updated_at"])
    _audit(locked, acting_user, "approved", {"on_time": locked.due_at is None or moment <= locked.due_at})
    notices.decided(locked)
    return locked


@transaction.atomic
def request_reject(
    *, request: ServiceRequest, acting_user: User, reason: str, at: datetime | None = None
) -> ServiceRequest:
    """Refuse the request with a reason the applicant is told."""
    agency = request.agency
    _require(agency, acting_user, Cap.ESERVICE_DECIDE)
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ยื่นคำขอจะได้รับเหตุผลนี้")})
    moment = _moment(at)
    locked = _locked(request)
    if not can_proceed(locked.reject):
        raise ValidationError(_("คำขอนี้ดำเนินการเสร็จแล้ว"))
    _close(locked, acting_user, moment, reason.strip(), approved=False)
    locked.reject()
    locked.save(update_fields=["status", "completed_at", "decision_reason", "assigned_to", "updated_at"])
    _audit(locked, acting_user, "rejected", {})
    notices.decided(locked)
    return locked


# --- progress notices once late ------------------------------------------------------------------------


@transaction.atomic
def request_send_progress_notice(*, request: ServiceRequest, at: datetime | None = None) -> bool:
    """Tell the applicant how a late request stands; at most once every 7 days. True when one was due.

    Late means past the overall due date while the clock runs (a request waiting for the applicant's
    documents is not late). The notice is recorded on the request and in the audit log even when the
    applicant gave no e-mail, so staff see that a call is due.
    """
    moment = _moment(at)
    locked = _locked(request)
    if not locked.is_running:
        return False
    if locked.due_at is None or locked.due_at >= moment:
        return False
    last = locked.last_progress_notice_at
    if last is not None and moment - last < PROGRESS_NOTICE_INTERVAL:
        return False
    locked.last_progress_notice_at = moment
    locked.progress_notice_count += 1
    locked.save(update_fields=["last_progress_notice_at", "progress_notice_count", "updated_at"])
    sent = notices.progress(locked)
    audit_record(
        agency=locked.agency,
        actor=None,
        actor_label="system",
        action="eservice.request.progress_notice",
        obj=locked,
        data={"tracking_code": locked.tracking_code, "number": locked.progress_notice_count, "emailed": sent},
    )
    return True


def send_due_progress_notices(*, agency: Agency, at: datetime | None = None) -> int:
    """Send every progress notice due in ``agency``; how many were sent (each in its own transaction)."""
    moment = _moment(at)
    candidates = ServiceRequest.objects.filter(
        agency=agency,
        status__in=RUNNING_STATUSES,
        due_at__lt=moment,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(candidates):
        request = ServiceRequest.objects.select_related("agency", "service").get(pk=pk)
        if request_send_progress_notice(request=request, at=moment):
            sent += 1
    return sent


# --- satisfaction ----------------------------------------------------------------------------------------


@transaction.atomic
def satisfaction_submit(
    *,
    request: ServiceRequest,
    speed: int,
    staff: int,
    clarity: int,
    overall: int,
    comment: str = "",
    acting_user: User | None = None,
    at: datetime | None = None,
) -> SatisfactionResponse:
    """Record the applicant's survey of a completed request (one per request)."""
    moment = _moment(at)
    locked = _locked(request)
    if locked.is_open:
        raise ValidationError(_("ตอบแบบสำรวจได้เมื่อคำขอดำเนินการเสร็จแล้ว"))
    scores = {"speed": speed, "staff": staff, "clarity": clarity, "overall": overall}
    if any(not 1 <= v <= 5 for v in scores.values()):
        raise ValidationError(_("กรุณาให้คะแนนแต่ละข้อตั้งแต่ 1 ถึง 5"))
    if SatisfactionResponse.objects.filter(request=locked).exists():
        raise ValidationError(_("คำขอนี้ตอบแบบสำรวจแล้ว ขอบคุณสำหรับความคิดเห็น"))
    response = SatisfactionResponse.objects.create(
        agency=locked.agency,
        request=locked,
        service=locked.service,
        comment=comment.strip()[:2000],
        answered_at=moment,
        **scores,
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        actor_label=None if acting_user else "citizen (survey)",
        action="eservice.satisfaction.answered",
        obj=response,
        data={"tracking_code": locked.tracking_code, **scores},
    )
    return response
