"""Writes of data subjects' requests: submit (citizen), start, complete, refuse, export (staff)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, User
from prongsai.core.subject_data import Holding, SubjectQuery, gather
from prongsai.core.thai import BANGKOK
from prongsai.core.tracking import new_tracking_code

from .models import LEGAL_LIMIT_DAYS, RequestKind, SubjectRequest


def _audit(item: SubjectRequest, actor: User | None, action: str, **data: object) -> None:
    audit_record(
        agency=item.agency,
        actor=actor,
        actor_label=None if actor else "citizen",
        action=f"privacy.{action}",
        obj=item,
        data={"kind": item.kind, **data},
    )


@transaction.atomic
def subject_request_submit(
    *,
    agency: Agency,
    idempotency_key: uuid.UUID,
    kind: str,
    requester_name: str,
    requester_email: str = "",
    requester_phone: str = "",
    record_codes: str = "",
    details: str = "",
) -> tuple[SubjectRequest, bool]:
    """Record a request; the same form sent again returns the first one. Returns (request, created)."""
    existing = SubjectRequest.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if kind not in RequestKind.values:
        raise ValidationError({"kind": _("กรุณาเลือกประเภทคำขอจากรายการ")})
    if not (requester_email.strip() or requester_phone.strip()):
        raise ValidationError(_("กรุณากรอกอีเมลหรือหมายเลขโทรศัพท์อย่างน้อยหนึ่งช่อง เพื่อให้หน่วยงานแจ้งผลได้"))
    now = timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                item = SubjectRequest.objects.create(
                    agency=agency,
                    idempotency_key=idempotency_key,
                    tracking_code=new_tracking_code(),
                    kind=kind,
                    requester_name=requester_name.strip(),
                    requester_email=requester_email.strip(),
                    requester_phone=requester_phone.strip(),
                    record_codes=record_codes.strip(),
                    details=details.strip(),
                    received_at=now,
                    due_on=now.astimezone(BANGKOK).date() + timedelta(days=LEGAL_LIMIT_DAYS),
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - five collisions of a 59-bit code
        raise RuntimeError("could not allocate a tracking code")
    _audit(item, None, "received")
    return item, True


def _lock(item: SubjectRequest) -> SubjectRequest:
    return SubjectRequest.objects.select_for_update().get(agency=item.agency, pk=item.pk)


def _refuse_state(item: SubjectRequest) -> ValidationError:
    return ValidationError(
        _("คำขอนี้อยู่ในสถานะ “%(status)s” แล้ว จึงทำรายการนี้ไม่ได้ กรุณาโหลดหน้านี้ใหม่")
        % {"status": item.get_status_display()}
    )


@transaction.atomic
def subject_request_start(*, item: SubjectRequest, acting_user: User) -> SubjectRequest:
    locked = _lock(item)
    if not can_proceed(locked.start):
        raise _refuse_state(locked)
    locked.start()
    locked.handled_by = acting_user
    locked.save(update_fields=["status", "handled_by", "updated_at"])
    _audit(locked, acting_user, "started")
    return locked


@transaction.atomic
def subject_request_complete(*, item: SubjectRequest, acting_user: User, outcome: str) -> SubjectRequest:
    locked = _lock(item)
    if not can_proceed(locked.complete):
        raise _refuse_state(locked)
    if not outcome.strip():
        raise ValidationError({"outcome": _("กรุณาบันทึกผลการดำเนินการที่แจ้งผู้ยื่นคำขอ")})
    locked.complete()
    locked.outcome = outcome.strip()
    locked.closed_at = timezone.now()
    locked.handled_by = acting_user
    locked.save(update_fields=["status", "outcome", "closed_at", "handled_by", "updated_at"])
    _audit(
        locked, acting_user, "completed", on_time=locked.closed_at.astimezone(BANGKOK).date() <= locked.due_on
    )
    return locked


@transaction.atomic
def subject_request_refuse(*, item: SubjectRequest, acting_user: User, outcome: str) -> SubjectRequest:
    locked = _lock(item)
    if not can_proceed(locked.refuse):
        raise _refuse_state(locked)
    if not outcome.strip():
        raise ValidationError({"outcome": _("กรุณาระบุเหตุผลที่ปฏิเสธตามที่กฎหมายกำหนด เพื่อแจ้งผู้ยื่นคำขอ")})
    locked.refuse()
    locked.outcome = outcome.strip()
    locked.closed_at = timezone.now()
    locked.handled_by = acting_user
    locked.save(update_fields=["status", "outcome", "closed_at", "handled_by", "updated_at"])
    _audit(locked, acting_user, "refused")
    return locked


@transaction.atomic
def subject_request_export(*, item: SubjectRequest, acting_user: User) -> list[Holding]:
    """What the agency holds about the requester, gathered from every app; the audit records the count."""
    locked = _lock(item)
    query = SubjectQuery.build(
        codes_text=locked.record_codes,
        email=locked.requester_email,
        phone=locked.requester_phone,
        name=locked.requester_name,
    )
    holdings = gather(locked.agency, query)
    _audit(locked, acting_user, "exported", records=len(holdings))
    return holdings
