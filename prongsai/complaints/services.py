"""Writes of the general-complaint channel.

Every function is atomic, takes the acting user (``None`` for a citizen on the public site), reads the state
it checks from a locked row and writes an audit event in the same transaction. Audit events never carry the
complaint's content (subject, description, place, contact, notes): the audit log is kept for the life of the
agency, while a complaint's content may have to leave this app (moved to the corruption channel) or be
purged. They record who did what to which tracking code, and when.

``at`` on the transitions lets staff record steps taken on paper before the complaint was entered (and the
demo data build a year of history); it defaults to now and may not be in the future or before the previous
step.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from prongsai.complaints.models import (
    Complaint,
    ComplaintCategory,
    ComplaintEmail,
    ComplaintEvent,
    ComplaintFile,
)
from prongsai.complaints.transfer import ReceiverUnavailable, corruption_receiver
from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.files import check_upload, reencode_image
from prongsai.core.links import agency_url
from prongsai.core.models import Agency, Attachment, OrgUnit, OutboundEmail, User
from prongsai.core.services import email_queue
from prongsai.core.services_line import line_notify_status, line_unlink
from prongsai.core.thai import format_datetime
from prongsai.core.tracking import new_tracking_code
from prongsai.core.workdays import WorkCalendar, add_working_days

CITIZEN_LABEL = gettext_lazy("ประชาชน (เว็บไซต์)")
MAX_PHOTOS = 5
MAX_EVIDENCE = 5
PHOTO_KINDS = frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG})
EVIDENCE_KINDS = frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG, Attachment.Kind.PDF})
# Thailand's extent with a margin: a point outside it is a typing mistake (e.g. the two numbers swapped).
LATITUDE_RANGE = (Decimal("5.0"), Decimal("21.0"))
LONGITUDE_RANGE = (Decimal("97.0"), Decimal("106.0"))
# --- categories --------------------------------------------------------------------------------------------


@transaction.atomic
def category_save(
    *,
    agency: Agency,
    acting_user: User,
    category: ComplaintCategory | None = None,
    name_th: str | Unset = UNSET,
    description: str | Unset = UNSET,
    default_unit: OrgUnit | Unset = UNSET,
    ack_days: int | Unset = UNSET,
    resolve_days: int | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: int | Unset = UNSET,
) -> ComplaintCategory:
    """Create a complaint category or change the given fields of one: its default unit and its time limits
    (working days). A new category needs ``name_th`` and ``default_unit``."""
    fields = given(
        name_th=name_th.strip() if isinstance(name_th, str) else name_th,
        description=description,
        default_unit=default_unit,
        ack_days=ack_days,
        resolve_days=resolve_days,
        is_active=is_active,
        order=order,
    )
    if isinstance(default_unit, OrgUnit) and default_unit.agency_id != agency.pk:
        raise ValidationError({"default_unit": _("กรุณาเลือกส่วนงานของหน่วยงานนี้")})
    if category is None:
        target = ComplaintCategory(agency=agency, **fields)
        changed = sorted(fields)
    else:
        target = ComplaintCategory.objects.select_for_update().get(pk=category.pk, agency=agency)
        changed = assign(target, fields)
    clash = ComplaintCategory.objects.filter(agency=agency, name_th=target.name_th)
    if target.pk:
        clash = clash.exclude(pk=target.pk)
    if clash.exists():
        raise ValidationError({"name_th": _("มีประเภทเรื่องร้องเรียนชื่อนี้แล้ว กรุณาใช้ชื่ออื่น")})
    if category is None:
        target.full_clean()
        target.save()
    else:
        save_changes(target, changed)
    audit_record(
        agency=agency,
        actor=acting_user,
        action="complaints.category.created" if category is None else "complaints.category.updated",
        obj=target,
        data={"fields": sorted(changed)},
    )
    return target


# --- submission --------------------------------------------------------------------------------------------


def _unique_code(agency: Agency) -> str:
    for _attempt in range(10):
        code = new_tracking_code()
        if not Complaint.objects.filter(agency=agency, tracking_code=code).exists():
            return code
    raise RuntimeError("could not draw an unused tracking code")  # 2**59 codes: practically unreachable


def check_coordinates(latitude: Decimal | None, longitude: Decimal | None) -> None:
    """Both or neither, and inside Thailand; raises a Thai ValidationError otherwise."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(
            {"latitude": _("กรุณากรอกทั้งละติจูดและลองจิจูด หรือเว้นว่างทั้งสองช่องแล้วบอกสถานที่เป็นข้อความ")}
        )
    if latitude is None or longitude is None:
        return
    if not (LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]) or not (
        LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]
    ):
        raise ValidationError(
            {
                "latitude": _(
                    "พิกัดอยู่นอกประเทศไทย กรุณาตรวจสอบว่าไม่ได้สลับละติจูด (ประมาณ 5–21) กับลองจิจูด (ประมาณ 97–106)"
                )
            }
        )


def _prepare_file(
    upload: UploadedFile, allowed: frozenset[Attachment.Kind], field: str
) -> tuple[bytes, str, str]:
    """Check an upload by its content; re-encode images so that no metadata (EXIF, GPS) is ever stored."""
    try:
        checked = check_upload(upload, allowed=allowed)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None
    if checked.kind in PHOTO_KINDS:
        content, fmt = reencode_image(checked.content)
        kind = ComplaintFile.Kind.PNG if fmt == "png" else ComplaintFile.Kind.JPEG
        return content, kind, "image/png" if kind == ComplaintFile.Kind.PNG else "image/jpeg"
    return checked.content, ComplaintFile.Kind.PDF, checked.content_type


def _store_files(
    complaint: Complaint,
    prepared: list[tuple[bytes, str, str]],
    purpose: str,
    acting_user: User | None,
) -> list[ComplaintFile]:
    stored = []
    for content, kind, content_type in prepared:
        item = ComplaintFile(
            agency=complaint.agency,
            complaint=complaint,
            purpose=purpose,
            kind=kind,
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=acting_user,
        )
        item.file.save(f"upload.{kind}", ContentFile(content), save=False)
        item.save()
        stored.append(item)
    return stored


def _checked_time(at: datetime | None, *, not_before: datetime | None) -> datetime:
    now = timezone.now()
    if at is None:
        return now
    if at > now:
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่เป็นเวลาในอนาคต"))
    if not_before is not None and at < not_before:
        raise ValidationError(_("วันเวลาที่บันทึกต้องไม่ก่อนขั้นตอนก่อนหน้าของเรื่องนี้"))
    return at


@transaction.atomic
def complaint_submit(
    *,
    agency: Agency,
    idempotency_key: uuid.UUID,
    category: ComplaintCategory,
    subject: str,
    description: str,
    location_address: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    photos: Sequence[UploadedFile] = (),
    acting_user: User | None = None,
    channel: str = Complaint.Channel.WEB,
    received_at: datetime | None = None,
) -> tuple[Complaint, bool]:
    """Receive a complaint: route it to the category's unit, set its deadlines, store its photos cleaned.

    Returns the complaint and whether it is new: re-sending the same form (same ``idempotency_key``) returns
    the complaint already received and stores nothing again. Every check (category, place, photos) runs
    before anything is written, so a refused submission leaves nothing behind. ``received_at`` (a complaint
    received earlier on paper or by telephone) may be given only by staff.
    """
    existing = Complaint.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if category.agency_id != agency.pk or not category.is_active:
        raise ValidationError({"category": _("กรุณาเลือกประเภทเรื่องร้องเรียนจากรายการ")})
    if received_at is not None and acting_user is None:
        raise ValueError("only staff may record the time a complaint was received")
    check_coordinates(latitude, longitude)
    if len(photos) > MAX_PHOTOS:
        raise ValidationError(
            {"photos": _("แนบภาพถ่ายได้ไม่เกิน %(n)s ภาพ กรุณาเลือกเฉพาะภาพที่จำเป็น") % {"n": MAX_PHOTOS}}
        )
    prepared = [_prepare_file(photo, PHOTO_KINDS, "photos") for photo in photos]
    received = _checked_time(received_at, not_before=None)
    calendar = WorkCalendar(agency)
    complaint = Complaint(
        agency=agency,
        idempotency_key=idempotency_key,
        tracking_code=_unique_code(agency),
        channel=channel,
        category=category,
        unit=category.default_unit,
        subject=subject.strip(),
        description=description.strip(),
        location_address=location_address.strip(),
        latitude=latitude,
        longitude=longitude,
        contact_name=contact_name.strip(),
        contact_phone=contact_phone.strip(),
        contact_email=contact_email.strip(),
        received_at=received,
        ack_due=add_working_days(agency, received, category.ack_days, calendar=calendar),
        resolve_due=add_working_days(agency, received, category.resolve_days, calendar=calendar),
    )
    complaint.full_clean()
    try:
        with transaction.atomic():
            complaint.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request saved it first.
        return Complaint.objects.get(agency=agency, idempotency_key=idempotency_key), False
    _store_files(complaint, prepared, ComplaintFile.Purpose.CITIZEN_PHOTO, acting_user)
    _event(complaint, ComplaintEvent.Action.RECEIVED, at=received, actor=acting_user)
    audit_record(
        agency=agency,
        actor=acting_user,
        actor_label=None if acting_user else CITIZEN_LABEL,
        action="complaints.complaint.received",
        obj=complaint,
        data={
            "category": category.pk,
            "unit": category.default_unit_id,
            "channel": channel,
            "photos": len(prepared),
            "with_contact": bool(
                complaint.contact_name or complaint.contact_phone or complaint.contact_email
            ),
        },
    )
    return complaint, True


# --- handling ----------------------------------------------------------------------------------------------


def _lock(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_for_update()
        .select_related("category", "agency")
        .get(pk=complaint.pk, agency=complaint.agency)
    )


def _last_step_time(complaint: Complaint) -> datetime:
    last = complaint.events.order_by("-at").values_list("at", flat=True).first()
    return last or complaint.received_at


def _event(
    complaint: Complaint,
    action: str,
    *,
    at: datetime,
    actor: User | None,
    note: str = "",
    public: bool = True,
) -> ComplaintEvent:
    return ComplaintEvent.objects.create(
        agency=complaint.agency,
        complaint=complaint,
        action=action,
        at=at,
        note=note,
        is_public=public,
        actor=actor,
    )


def _refuse_state(complaint: Complaint) -> ValidationError:
    return ValidationError(
        _("ทำรายการนี้ไม่ได้ เพราะเรื่องนี้อยู่ในสถานะ “%(status)s” แล้ว กรุณาเปิดหน้านี้ใหม่เพื่อดูสถานะล่าสุด")
        % {"status": complaint.get_status_display()}
    )


def _audit(complaint: Complaint, acting_user: User | None, action: str, **data: Any) -> None:
    audit_record(
        agency=complaint.agency,
        actor=acting_user,
        actor_label=None if acting_user else CITIZEN_LABEL,
        action=f"complaints.complaint.{action}",
        obj=complaint,
        data=data,
    )


@transaction.atomic
def complaint_accept(
    *, complaint: Complaint, acting_user: User, note: str = "", at: datetime | None = None
) -> Complaint:
    """Take the complaint on (the acknowledgement the citizen waits for)."""
    locked = _lock(complaint)
    if not can_proceed(locked.accept):
        raise _refuse_state(locked)
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.accept()
    locked.acknowledged_at = when
    locked.save(update_fields=["status", "acknowledged_at", "updated_at"])
    _event(locked, ComplaintEvent.Action.ACCEPTED, at=when, actor=acting_user, note=note.strip())
    _audit(locked, acting_user, "accepted", on_time=when <= locked.ack_due)
    _notify(locked)
    return locked


@transaction.atomic
def complaint_start(
    *, complaint: Complaint, acting_user: User, note: str = "", at: datetime | None = None
) -> Complaint:
    """Record that work on the problem has begun."""
    locked = _lock(complaint)
    if not can_proceed(locked.start):
        raise _refuse_state(locked)
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.start()
    locked.save(update_fields=["status", "updated_at"])
    _event(locked, ComplaintEvent.Action.STARTED, at=when, actor=acting_user, note=note.strip())
    _audit(locked, acting_user, "started")
    return locked


@transaction.atomic
def complaint_resolve(
    *,
    complaint: Complaint,
    acting_user: User,
    closing_note: str,
    evidence: Sequence[UploadedFile] = (),
    at: datetime | None = None,
) -> Complaint:
    """Close the complaint as solved, with a note and evidence (photo or document) the citizen can check.

    At least one piece of evidence must be on the complaint after this step (a reopened complaint keeps the
    evidence of its first resolution). Photos are re-encoded without metadata.
    """
    if not closing_note.strip():
        raise ValidationError({"closing_note": _("กรุณาสรุปผลการดำเนินการ ผู้ร้องจะเห็นข้อความนี้ในหน้าติดตามเรื่อง")})
    if len(evidence) > MAX_EVIDENCE:
        raise ValidationError({"evidence": _("แนบหลักฐานได้ไม่เกิน %(n)s ไฟล์") % {"n": MAX_EVIDENCE}})
    locked = _lock(complaint)
    if not can_proceed(locked.resolve):
        raise _refuse_state(locked)
    has_evidence = locked.files.filter(purpose=ComplaintFile.Purpose.EVIDENCE).exists()
    if not evidence and not has_evidence:
        raise ValidationError(
            {"evidence": _("กรุณาแนบหลักฐานผลการดำเนินการอย่างน้อย 1 ไฟล์ เช่น ภาพถ่ายหลังแก้ไข หรือหนังสือแจ้งผล")}
        )
    prepared = [_prepare_file(upload, EVIDENCE_KINDS, "evidence") for upload in evidence]
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.resolve()
    locked.closed_at = when
    locked.closing_note = closing_note.strip()
    locked.citizen_response = Complaint.CitizenResponse.NONE
    locked.citizen_comment = ""
    locked.citizen_responded_at = None
    locked.save(
        update_fields=[
            "status",
            "closed_at",
            "closing_note",
            "citizen_response",
            "citizen_comment",
            "citizen_responded_at",
            "updated_at",
        ]
    )
    _store_files(locked, prepared, ComplaintFile.Purpose.EVIDENCE, acting_user)
    _event(locked, ComplaintEvent.Action.RESOLVED, at=when, actor=acting_user, note=locked.closing_note)
    _audit(locked, acting_user, "resolved", evidence=len(prepared), on_time=when <= locked.resolve_due)
    _notify(locked)
    return locked


@transaction.atomic
def complaint_reject(
    *, complaint: Complaint, acting_user: User, reason: str, at: datetime | None = None
) -> Complaint:
    """End the complaint without acting on it (e.g. not within the agency's powers), with a public reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผล ผู้ร้องจะเห็นเหตุผลนี้ในหน้าติดตามเรื่อง")})
    locked = _lock(complaint)
    if not can_proceed(locked.reject):
        raise _refuse_state(locked)
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.reject()
    locked.acknowledged_at = locked.acknowledged_at or when
    locked.closed_at = when
    locked.closing_note = reason.strip()
    locked.save(update_fields=["status", "acknowledged_at", "closed_at", "closing_note", "updated_at"])
    _event(locked, ComplaintEvent.Action.REJECTED, at=when, actor=acting_user, note=locked.closing_note)
    _audit(locked, acting_user, "rejected")
    _notify(locked)
    return locked


@transaction.atomic
def complaint_forward(
    *, complaint: Complaint, acting_user: User, to_agency: str, note: str = "", at: datetime | None = None
) -> Complaint:
    """Send the complaint on to the agency responsible for the matter (e.g. the electricity authority)."""
    if not to_agency.strip():
        raise ValidationError({"to_agency": _("กรุณาระบุชื่อหน่วยงานที่ส่งเรื่องต่อไป")})
    locked = _lock(complaint)
    if not can_proceed(locked.forward):
        raise _refuse_state(locked)
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.forward()
    locked.acknowledged_at = locked.acknowledged_at or when
    locked.closed_at = when
    locked.forwarded_to = to_agency.strip()
    locked.closing_note = note.strip()
    locked.save(
        update_fields=["status", "acknowledged_at", "closed_at", "forwarded_to", "closing_note", "updated_at"]
    )
    public_note = _("ส่งเรื่องต่อไปยัง %(agency)s") % {"agency": locked.forwarded_to}
    if locked.closing_note:
        public_note = f"{public_note}: {locked.closing_note}"
    _event(locked, ComplaintEvent.Action.FORWARDED, at=when, actor=acting_user, note=public_note)
    _audit(locked, acting_user, "forwarded")
    _notify(locked)
    return locked


@transaction.atomic
def complaint_reopen(
    *, complaint: Complaint, acting_user: User, reason: str, at: datetime | None = None
) -> Complaint:
    """Take a resolved complaint up again (typically after the citizen disputed the resolution)."""
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่เปิดเรื่องดำเนินการต่อ")})
    locked = _lock(complaint)
    if not can_proceed(locked.reopen):
        raise _refuse_state(locked)
    when = _checked_time(at, not_before=_last_step_time(locked))
    locked.reopen()
    locked.closed_at = None
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    _event(locked, ComplaintEvent.Action.REOPENED, at=when, actor=acting_user, note=reason.strip())
    _audit(locked, acting_user, "reopened")
    _notify(locked)
    return locked


@transaction.atomic
def complaint_assign_unit(
    *, complaint: Complaint, acting_user: User, unit: OrgUnit, note: str = ""
) -> Complaint:
    """Route the complaint to another unit than its category's default."""
    locked = _lock(complaint)
    if unit.agency_id != locked.agency_id:
        raise ValidationError({"unit": _("กรุณาเลือกส่วนงานของหน่วยงานนี้")})
    if not locked.is_open:
        raise _refuse_state(locked)
    if locked.unit_id == unit.pk:
        raise ValidationError({"unit": _("เรื่องนี้อยู่ในความรับผิดชอบของส่วนงานนี้อยู่แล้ว")})
    previous = locked.unit_id
    locked.unit = unit
    locked.save(update_fields=["unit", "updated_at"])
    _event(
        locked,
        ComplaintEvent.Action.ROUTED,
        at=timezone.now(),
        actor=acting_user,
        note=_("ส่วนงานที่รับผิดชอบ: %(unit)s") % {"unit": unit.name_th}
        + (f" – {note.strip()}" if note.strip() else ""),
    )
    _audit(locked, acting_user, "routed", from_unit=previous, to_unit=unit.pk)
    return locked


@transaction.atomic
def complaint_add_note(*, complaint: Complaint, acting_user: User, note: str) -> ComplaintEvent:
    """An internal note for colleagues; the citizen does not see it."""
    if not note.strip():
        raise ValidationError({"note": _("กรุณาพิมพ์บันทึก")})
    locked = _lock(complaint)
    if locked.is_moved:
        raise _refuse_state(locked)
    event = _event(
        locked,
        ComplaintEvent.Action.NOTE,
        at=timezone.now(),
        actor=acting_user,
        note=note.strip(),
        public=False,
    )
    _audit(locked, acting_user, "noted")
    return event


@transaction.atomic
def complaint_citizen_respond(
    *, complaint: Complaint, confirmed: bool, comment: str = "", acting_user: User | None = None
) -> Complaint:
    """The citizen confirms or disputes the resolution from the tracking page (once per resolution)."""
    locked = _lock(complaint)
    if locked.status != Complaint.Status.RESOLVED:
        raise ValidationError(_("ตอบกลับได้เฉพาะเรื่องที่ดำเนินการแล้วเสร็จ กรุณาเปิดหน้านี้ใหม่เพื่อดูสถานะล่าสุด"))
    if locked.citizen_response:
        raise ValidationError(_("ท่านได้ตอบกลับผลการดำเนินการของเรื่องนี้แล้ว หากมีข้อมูลเพิ่มเติม กรุณาติดต่อหน่วยงาน"))
    if not confirmed and not comment.strip():
        raise ValidationError({"comment": _("กรุณาบอกว่ายังมีปัญหาอะไรอยู่ เพื่อให้เจ้าหน้าที่แก้ไขต่อได้")})
    now = timezone.now()
    locked.citizen_response = (
        Complaint.CitizenResponse.CONFIRMED if confirmed else Complaint.CitizenResponse.DISPUTED
    )
    locked.citizen_comment = comment.strip()
    locked.citizen_responded_at = now
    locked.full_clean()
    locked.save(update_fields=["citizen_response", "citizen_comment", "citizen_responded_at", "updated_at"])
    _event(
        locked,
        ComplaintEvent.Action.CONFIRMED if confirmed else ComplaintEvent.Action.DISPUTED,
        at=now,
        actor=acting_user,
        note=locked.citizen_comment,
    )
    _audit(locked, acting_user, "citizen_confirmed" if confirmed else "citizen_disputed")
    return locked


# --- moving a corruption report out ------------------------------------------------------------------------

# Every field that holds what the citizen or staff wrote about the matter; the tombstone keeps none of them.
_CONTENT_FIELDS: dict[str, Any] = {
    "subject": "",
    "description": "",
    "location_address": "",
    "latitude": None,
    "longitude": None,
    "contact_name": "",
    "contact_phone": "",
    "contact_email": "",
    "closing_note": "",
    "forwarded_to": "",
    "citizen_response": "",
    "citizen_comment": "",
    "citizen_responded_at": None,
    "unit": None,
}


@dataclass(frozen=True)
class _Handover:
    """What the corruption channel receives: Thai text fields and the files' bytes, no contact details."""

    category: str
    description: str
    location: str
    occurred: str


def _handover(complaint: Complaint, reason: str) -> _Handover:
    with translation.override("th"):
        description = "\n\n".join(
            part
            for part in (
                complaint.subject,
                complaint.description,
                _("โอนมาจากช่องทางร้องเรียนทั่วไป (รับเรื่องทาง%(channel)s) เหตุผลของเจ้าหน้าที่ผู้โอน: %(reason)s")
                % {"channel": complaint.get_channel_display(), "reason": reason},
            )
            if part
        )
        location = complaint.location_address
        if complaint.latitude is not None and complaint.longitude is not None:
            point = _("พิกัด %(lat)s, %(lng)s") % {"lat": complaint.latitude, "lng": complaint.longitude}
            location = f"{location} ({point})" if location else point
        occurred = _("ไม่ทราบแน่ชัด ผู้ร้องแจ้งเรื่องเมื่อ %(when)s") % {"when": format_datetime(complaint.received_at)}
    return _Handover(
        category=complaint.category.name_th, description=description, location=location, occurred=occurred
    )


def _read_files(files: list[ComplaintFile]) -> list[tuple[str, bytes]]:
    result = []
    for number, item in enumerate(files, start=1):
        with item.file.open("rb") as handle:
            result.append((f"{item.purpose}-{number}.{item.kind}", handle.read()))
    return result


@transaction.atomic
def complaint_move_to_corruption_channel(
    *, complaint: Complaint, acting_user: User, reason: str
) -> Complaint:
    """Hand a complaint that is really a corruption report to the corruption channel, then erase it here.

    In one transaction: (a) the corruption channel's receiver gets the content and the files' bytes (not the
    complainant's contact details, see ``transfer``); (b) the complaint's text, place, contact, notes,
    timeline, files (rows and stored bytes) and notification e-mails are deleted from this app. What stays is
    a tombstone: tracking code, category, dates and the state "moved", with no reference to where the report
    went. The audit event carries no content either (not even ``reason``, which may describe the matter: it
    goes to the receiver only). If the receiver fails, nothing changes. Refused with a Thai message when the
    corruption channel is not installed.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่เห็นว่าเรื่องนี้เป็นเรื่องร้องเรียนการทุจริต")})
    try:
        receiver = corruption_receiver()
    except ReceiverUnavailable:
        raise ValidationError(
            _(
                "ยังโอนเรื่องไปยังช่องทางร้องเรียนการทุจริตไม่ได้ เพราะระบบนี้ยังไม่ได้ติดตั้งช่องทางร้องเรียนการทุจริต "
                "เรื่องนี้ยังอยู่ครบถ้วนและไม่มีการเปลี่ยนแปลง กรุณาแจ้งผู้ดูแลระบบ"
            )
        ) from None
    locked = _lock(complaint)
    if not can_proceed(locked.move_out):
        raise _refuse_state(locked)
    files = list(locked.files.order_by("pk"))
    try:
        attachments = _read_files(files)
    except OSError:
        raise ValidationError(
            _("อ่านไฟล์ของเรื่องนี้ไม่ได้ จึงยังไม่ได้โอนเรื่อง เรื่องนี้ยังอยู่ครบถ้วน กรุณาแจ้งผู้ดูแลระบบ")
        ) from None
    handover = _handover(locked, reason.strip())
    receiver(
        agency=locked.agency,
        acting_user=acting_user,
        category=handover.category,
        description=handover.description,
        location=handover.location,
        occurred=handover.occurred,
        attachments=attachments,
    )

    stored: list[tuple[Storage, str]] = [
        (item.file.storage, item.file.name) for item in files if item.file.name
    ]
    email_ids = list(locked.emails.values_list("email_id", flat=True))
    OutboundEmail.objects.filter(agency=locked.agency, pk__in=email_ids).delete()
    # Nobody may follow it on LINE any more: the link would tell them it went to the corruption channel.
    line_unlink(agency=locked.agency, kind="complaint", tracking_code=locked.tracking_code)
    ComplaintFile.objects.filter(complaint=locked).delete()
    events = ComplaintEvent.objects.filter(complaint=locked).delete()[0]
    for name, value in _CONTENT_FIELDS.items():
        setattr(locked, name, value)
    locked.move_out()
    locked.closed_at = timezone.now()
    locked.save(update_fields=[*_CONTENT_FIELDS, "status", "closed_at", "updated_at"])
    _audit(locked, acting_user, "moved_to_corruption_channel", files_erased=len(files), events_erased=events)

    def erase_stored_files() -> None:
        # After commit: on a rollback the rows come back, so the bytes must still be there.
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(erase_stored_files)
    return locked


# --- notifications -----------------------------------------------------------------------------------------


def _notify(complaint: Complaint) -> None:
    """E-mail the citizen (when they left an address) that the status changed, through the outbox.

    The message says only the tracking code and the new status, never the matter itself, and is linked to
    the complaint so that moving it to the corruption channel erases it too. Nothing is sent on receipt: an
    address typed into a public form is unverified, so we write to it only after staff acted. Citizens who
    follow the code on LINE get the same news there (``core.services_line``).
    """
    line_notify_status(agency=complaint.agency, kind="complaint", tracking_code=complaint.tracking_code)
    if not complaint.contact_email:
        return
    link = agency_url(complaint.agency, reverse("complaints:track_code", args=[complaint.display_code]))
    with translation.override("th"):
        values = {
            "agency": complaint.agency.name_th,
            "code": complaint.display_code,
            "status": complaint.get_status_display(),
            "link": link,
        }
        subject = _("ความคืบหน้าเรื่องร้องเรียน %(code)s – %(agency)s") % values
        body = (
            _(
                "เรียน ผู้ร้อง\n\nเรื่องร้องเรียนของท่าน (รหัสติดตาม %(code)s) มีสถานะเป็น “%(status)s” "
                "ดูรายละเอียดได้ที่\n%(link)s\n\nอีเมลนี้ส่งจากระบบโดยอัตโนมัติ กรุณาอย่าตอบกลับ"
            )
            % values
        )
    message = email_queue(agency=complaint.agency, to=complaint.contact_email, subject=subject, body=body)
    ComplaintEmail.objects.create(agency=complaint.agency, complaint=complaint, email=message)
