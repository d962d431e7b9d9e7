"""Opening a reporter's identity: a recipient's logged request, a custodian's reasoned decision.

The identity section is encrypted under a key built from two halves (crypto.identity_key): recipients hold
one through ``K_report``, custodians hold the other as a share sealed to their public keys. A recipient
cannot open it alone and a custodian cannot either; approving a request re-seals the custodian's share to
the requesting recipient, so the decision itself is what makes the identity readable.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.models import User
from prongsai.whistleblower import crypto
from prongsai.whistleblower.models import (
    IdentityRequest,
    IdentityRequestStatus,
    IdentityShare,
    KeyHolder,
    Report,
    ReportGrant,
)
from prongsai.whistleblower.services import Identity, _check_key


@transaction.atomic
def identity_request(
    *, report: Report, report_key: bytes, requester: KeyHolder, acting_user: User, reason: str
) -> IdentityRequest:
    """A recipient asks to open the reporter's identity, giving a reason the custodian will weigh."""
    if requester.user_id != acting_user.pk:
        raise ValidationError(_("กุญแจนี้ไม่ใช่ของท่าน"))
    if not ReportGrant.objects.filter(agency=report.agency, report=report, holder=requester).exists():
        raise ValidationError(_("ท่านไม่ได้เป็นผู้รับเรื่องนี้"))
    _check_key(report, report_key)
    if not report.identity_ciphertext:
        raise ValidationError(_("ผู้แจ้งไม่ได้ให้ข้อมูลตัวตนไว้ในรายงานนี้"))
    if len(reason.strip()) < 10:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่จำเป็นต้องทราบตัวตนของผู้แจ้งอย่างน้อย 10 ตัวอักษร")})
    try:
        with transaction.atomic():
            request = IdentityRequest.objects.create(
                agency=report.agency, report=report, requester=requester, reason=reason.strip()
            )
    except IntegrityError:
        raise ValidationError(_("ท่านมีคำขอที่รอการพิจารณาสำหรับรายงานนี้อยู่แล้ว")) from None
    audit_record(
        agency=report.agency,
        actor=acting_user,
        action="whistleblower.identity.requested",
        obj=report,
        data={"request": request.pk},
    )
    return request


@transaction.atomic
def identity_decide(
    *,
    request: IdentityRequest,
    custodian: KeyHolder,
    custodian_private_key: bytes,
    acting_user: User,
    approve: bool,
    reason: str,
) -> IdentityRequest:
    """A custodian approves (re-sealing their share to the requester) or denies a request, with a reason."""
    locked = (
        IdentityRequest.objects.select_for_update().select_related("requester", "report").get(pk=request.pk)
    )
    if custodian.user_id != acting_user.pk:
        raise ValidationError(_("กุญแจนี้ไม่ใช่ของท่าน"))
    if not can_proceed(locked.approve if approve else locked.deny):
        raise ValidationError(_("คำขอนี้ได้รับการพิจารณาไปแล้ว"))
    if locked.requester.user_id == acting_user.pk:
        raise ValidationError(_("ผู้ขอเปิดเผยตัวตนพิจารณาคำขอของตนเองไม่ได้ กรุณาให้ผู้ดูแลข้อมูลตัวตนคนอื่นพิจารณา"))
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลของการพิจารณา")})
    if approve:
        share_row = IdentityShare.objects.filter(
            agency=locked.agency, report=locked.report, holder=custodian
        ).first()
        if share_row is None:
            raise ValidationError(_("ท่านไม่ได้ถือส่วนกุญแจข้อมูลตัวตนของรายงานนี้ กรุณาให้ผู้ดูแลคนอื่นพิจารณา"))
        share = crypto.unseal(custodian_private_key, bytes(share_row.sealed_share))
        locked.sealed_share = crypto.seal_to(bytes(locked.requester.public_key), share)
        locked.approve()
    else:
        locked.deny()
    locked.decided_by = custodian
    locked.decided_at = timezone.now()
    locked.decision_reason = reason.strip()
    locked.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "sealed_share", "updated_at"]
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="whistleblower.identity.approved" if approve else "whistleblower.identity.denied",
        obj=locked.report,
        data={"request": locked.pk},
    )
    return locked


@transaction.atomic
def identity_open(
    *, request: IdentityRequest, report_key: bytes, requester_private_key: bytes, acting_user: User
) -> Identity:
    """The approved requester reads the identity (audited, without the identity in the log)."""
    if request.status != IdentityRequestStatus.APPROVED or request.sealed_share is None:
        raise ValidationError(_("คำขอเปิดเผยตัวตนนี้ยังไม่ได้รับอนุมัติ"))
    if request.requester.user_id != acting_user.pk:
        raise ValidationError(_("คำขอนี้ไม่ใช่ของท่าน"))
    report = request.report
    share = crypto.unseal(requester_private_key, bytes(request.sealed_share))
    data = crypto.decrypt(
        crypto.identity_key(report_key, share),
        bytes(report.identity_ciphertext or b""),
        context=report.context("identity"),
    )
    audit_record(
        agency=report.agency,
        actor=acting_user,
        action="whistleblower.identity.read",
        obj=report,
        data={"request": request.pk},
    )
    return Identity(**json.loads(data))
