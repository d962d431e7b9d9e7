"""Writes of the core app. Every function is atomic, takes the acting user and writes an audit event."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core import limits
from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.files import check_upload, image_preview, reencode_image
from prongsai.core.models import (
    Agency,
    AgencyDayOff,
    Attachment,
    Membership,
    OrgUnit,
    OutboundEmail,
    Person,
    Position,
    User,
)
from prongsai.core.roles import Role
from prongsai.core.search_structure import reindex_structure

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def agency_update_profile(
    *,
    agency: Agency,
    acting_user: User,
    name_th: str | Unset = UNSET,
    name_en: str | Unset = UNSET,
    short_name_th: str | Unset = UNSET,
    address: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    phones: list[str] | Unset = UNSET,
    fax: str | Unset = UNSET,
    email: str | Unset = UNSET,
    website: str | Unset = UNSET,
    latitude: Decimal | Unset | None = UNSET,
    longitude: Decimal | Unset | None = UNSET,
    office_hours: str | Unset = UNSET,
) -> Agency:
    """Change the agency's public contact data (OIT contact item); nothing is written when nothing changed."""
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    fields = given(
        name_th=name_th,
        name_en=name_en,
        short_name_th=short_name_th,
        address=address,
        postal_code=postal_code,
        phones=phones,
        fax=fax,
        email=email,
        website=website,
        latitude=latitude,
        longitude=longitude,
        office_hours=office_hours,
    )
    changes = assign(locked, {k: v for k, v in fields.items() if getattr(locked, k) != v})
    locked.full_clean()
    if changes:
        save_changes(locked, changes, validate=False)
        audit_record(
            agency=locked,
            actor=acting_user,
            action="core.agency.updated",
            obj=locked,
            data={"fields": sorted(changes)},
        )
    return locked


# --- structure --------------------------------------------------------------------------------------------


def _save_tenant(
    instance: M,
    fields: dict[str, Any],
    *,
    acting_user: User,
    action: str,
    agency: Agency,
    also: Iterable[str] = (),
    data: dict[str, Any] | None = None,
) -> M:
    """Insert a new row, or write the given fields (and ``also``) of an existing one; audit; reindex."""
    creating = instance._state.adding
    changed = [*assign(instance, fields), *also]
    if creating:
        instance.full_clean()
        instance.save()
    else:
        save_changes(instance, changed)
    audit_record(
        agency=agency,
        actor=acting_user,
        action=action,
        obj=instance,
        data=data or {"fields": sorted(changed)},
    )
    if isinstance(instance, OrgUnit | Position | Person):
        reindex_structure(agency)
    return instance


@transaction.atomic
def org_unit_save(
    *,
    agency: Agency,
    acting_user: User,
    unit: OrgUnit | None = None,
    side: str | Unset = UNSET,
    parent: OrgUnit | Unset | None = UNSET,
    name_th: str | Unset = UNSET,
    name_en: str | Unset = UNSET,
    duties: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    order: int | Unset = UNSET,
) -> OrgUnit:
    """Create an org unit (``side`` and ``name_th`` needed), or change the given fields of one."""
    if isinstance(parent, OrgUnit) and unit is not None and _is_descendant(parent, unit):
        raise ValidationError({"parent": _("ไม่สามารถให้ส่วนงานสังกัดส่วนงานย่อยของตัวเองได้ กรุณาเลือกส่วนงานอื่น")})
    return _save_tenant(
        OrgUnit(agency=agency) if unit is None else unit,
        given(
            side=side,
            parent=parent,
            name_th=name_th,
            name_en=name_en,
            duties=duties,
            phone=phone,
            order=order,
        ),
        acting_user=acting_user,
        agency=agency,
        action="core.org_unit.created" if unit is None else "core.org_unit.updated",
    )


def _is_descendant(candidate: OrgUnit, unit: OrgUnit) -> bool:
    node: OrgUnit | None = candidate
    while node is not None:
        if node.pk == unit.pk:
            return True
        node = node.parent
    return False


@transaction.atomic
def org_unit_delete(*, unit: OrgUnit, acting_user: User) -> None:
    """Remove an empty org unit; one that still has sub-units or positions is refused."""
    if unit.children.exists() or unit.positions.exists():
        raise ValidationError(_("ลบส่วนงานนี้ไม่ได้ เพราะยังมีส่วนงานย่อยหรือตำแหน่งอยู่ กรุณาย้ายหรือลบออกก่อน"))
    audit_record(agency=unit.agency, actor=acting_user, action="core.org_unit.deleted", obj=unit)
    unit.delete()
    reindex_structure(unit.agency)


@transaction.atomic
def position_save(
    *,
    agency: Agency,
    acting_user: User,
    position: Position | None = None,
    unit: OrgUnit | Unset = UNSET,
    title_th: str | Unset = UNSET,
    title_en: str | Unset = UNSET,
    level: str | Unset = UNSET,
    order: int | Unset = UNSET,
) -> Position:
    """Create a position (``unit`` and ``title_th`` needed), or change the given fields of one."""
    return _save_tenant(
        Position(agency=agency) if position is None else position,
        given(unit=unit, title_th=title_th, title_en=title_en, level=level, order=order),
        acting_user=acting_user,
        agency=agency,
        action="core.position.created" if position is None else "core.position.updated",
    )


@transaction.atomic
def position_delete(*, position: Position, acting_user: User) -> None:
    if position.people.exists():
        raise ValidationError(_("ลบตำแหน่งนี้ไม่ได้ เพราะยังมีบุคลากรในตำแหน่ง กรุณาย้ายหรือลบบุคลากรออกก่อน"))
    audit_record(agency=position.agency, actor=acting_user, action="core.position.deleted", obj=position)
    position.delete()
    reindex_structure(position.agency)


@transaction.atomic
def person_save(
    *,
    agency: Agency,
    acting_user: User,
    person: Person | None = None,
    photo_upload: UploadedFile | None = None,
    position: Position | Unset | None = UNSET,
    prefix: str | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    email: str | Unset = UNSET,
    order: int | Unset = UNSET,
    is_current: bool | Unset = UNSET,
) -> Person:
    """Create a person (names needed) or change the given fields of one; a new photo is checked and
    re-encoded without its metadata."""
    target = Person(agency=agency) if person is None else person
    if photo_upload is not None:
        checked = check_upload(photo_upload, allowed=frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG}))
        clean, fmt = reencode_image(checked.content, max_side=800)
        target.photo.save(f"person.{'png' if fmt == 'png' else 'jpg'}", ContentFile(clean), save=False)
    return _save_tenant(
        target,
        given(
            position=position,
            prefix=prefix,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            email=email,
            order=order,
            is_current=is_current,
        ),
        acting_user=acting_user,
        agency=agency,
        action="core.person.created" if person is None else "core.person.updated",
        also=["photo"] if photo_upload is not None else [],
    )


@transaction.atomic
def person_delete(*, person: Person, acting_user: User) -> None:
    audit_record(agency=person.agency, actor=acting_user, action="core.person.deleted", obj=person)
    person.delete()
    reindex_structure(person.agency)


# --- membership -------------------------------------------------------------------------------------------


@transaction.atomic
def membership_grant(*, agency: Agency, acting_user: User, user: User, role: str) -> Membership:
    """Give ``user`` a role in ``agency`` (re-activating it if it was revoked)."""
    if role not in Role.values:
        raise ValidationError(_("ไม่รู้จักบทบาทนี้ กรุณาเลือกบทบาทจากรายการ"))
    membership, created = Membership.objects.get_or_create(agency=agency, user=user, role=role)
    if not created and membership.is_active:
        return membership
    if not created:
        membership.is_active = True
        membership.save(update_fields=["is_active", "updated_at"])
    audit_record(
        agency=agency,
        actor=acting_user,
        action="core.membership.granted",
        obj=membership,
        data={"user": user.get_username(), "role": role},
    )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, acting_user: User) -> Membership:
    """Take a role away; the row stays (deactivated) because the audit log refers to it."""
    if membership.user_id == acting_user.pk and membership.role == Role.ADMINISTRATOR:
        raise ValidationError(_("ไม่สามารถถอนสิทธิ์ผู้ดูแลระบบของตนเองได้ กรุณาให้ผู้ดูแลระบบคนอื่นดำเนินการ"))
    membership.is_active = False
    membership.save(update_fields=["is_active", "updated_at"])
    audit_record(
        agency=membership.agency,
        actor=acting_user,
        action="core.membership.revoked",
        obj=membership,
        data={"user": membership.user.get_username(), "role": membership.role},
    )
    return membership


# --- calendar ---------------------------------------------------------------------------------------------


@transaction.atomic
def day_off_add(*, agency: Agency, acting_user: User, day: date, name_th: str) -> AgencyDayOff:
    """Declare a day on which the agency is closed; every time limit counted later skips it."""
    if AgencyDayOff.objects.filter(agency=agency, date=day).exists():
        raise ValidationError({"date": _("วันนี้เป็นวันหยุดของหน่วยงานอยู่แล้ว")})
    entry = AgencyDayOff(agency=agency, date=day, name_th=name_th)
    _save_tenant(
        entry,
        {},
        acting_user=acting_user,
        agency=agency,
        action="core.day_off.added",
        data={"date": day, "name": name_th},
    )
    return entry


@transaction.atomic
def day_off_remove(*, entry: AgencyDayOff, acting_user: User) -> None:
    audit_record(
        agency=entry.agency,
        actor=acting_user,
        action="core.day_off.removed",
        obj=entry,
        data={"date": entry.date},
    )
    entry.delete()


# --- files ------------------------------------------------------------------------------------------------


@transaction.atomic
def attachment_create(
    *, agency: Agency, acting_user: User, upload: UploadedFile, title: str = "", public_image: bool = True
) -> Attachment:
    """Store an upload after checking its content. Images are re-encoded so no metadata is published."""
    checked = check_upload(upload)
    content, kind = checked.content, checked.kind
    if kind in {Attachment.Kind.JPEG, Attachment.Kind.PNG} and public_image:
        content, fmt = reencode_image(content)
        kind = Attachment.Kind.PNG if fmt == "png" else Attachment.Kind.JPEG
    attachment = Attachment(
        agency=agency,
        original_name=(upload.name or "file")[:255],
        kind=kind,
        content_type=checked.content_type
        if kind == checked.kind
        else f"image/{'png' if kind == 'png' else 'jpeg'}",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        title=title,
        uploaded_by=acting_user,
    )
    attachment.file.save(f"upload.{kind}", ContentFile(content), save=False)
    if kind in {Attachment.Kind.JPEG, Attachment.Kind.PNG} and public_image:
        preview = image_preview(content)
        if preview is not None:
            attachment.preview.save(f"preview.{kind}", ContentFile(preview), save=False)
    attachment.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="core.attachment.uploaded",
        obj=attachment,
        data={"kind": kind, "size": attachment.size, "sha256": attachment.sha256},
    )
    return attachment


# --- notifications ----------------------------------------------------------------------------------------


# Recorded on an e-mail that was not sent because its recipient had already received enough (shown to staff).
RECIPIENT_LIMIT_REACHED = gettext_lazy(
    "ไม่ได้ส่ง: ผู้รับรายนี้ได้รับอีเมลจากระบบครบจำนวนที่กำหนดในช่วงเวลานี้แล้ว (ป้องกันการใช้ระบบส่งอีเมลรบกวนผู้อื่น)"
)


def _recipient_allows(to: str) -> bool:
    """Count one e-mail to ``to`` in the shared store; False once the hour's or the day's allowance is spent.

    Every e-mail of the instance goes through here, so no form, whoever fills it in, can make the agency
    mail one address more than ``EMAIL_PER_RECIPIENT_PER_HOUR`` / ``_PER_DAY`` times (ADR 0080). The address
    is counted under a keyed hash, never in clear.
    """
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"prongsai.recipient:" + to.strip().lower().encode(), hashlib.sha256
    ).hexdigest()[:32]
    name = f"email-to:{digest}"
    hour = limits.hit(name, limits.HOUR)
    day = limits.hit(name, limits.DAY)
    return hour <= settings.EMAIL_PER_RECIPIENT_PER_HOUR and day <= settings.EMAIL_PER_RECIPIENT_PER_DAY


def email_queue(*, agency: Agency, to: str, subject: str, body: str) -> OutboundEmail:
    """Put an e-mail in the outbox; it is sent by a task after the surrounding transaction commits.

    Past the recipient's allowance the message is still recorded (callers link to it) but as not sent, with
    the reason, and no task is queued.
    """
    from prongsai.core.tasks import send_outbound_email

    if not _recipient_allows(to):
        return OutboundEmail.objects.create(
            agency=agency,
            to=to,
            subject=subject,
            body=body,
            status=OutboundEmail.Status.FAILED,
            last_error=str(RECIPIENT_LIMIT_REACHED),
        )
    message = OutboundEmail.objects.create(agency=agency, to=to, subject=subject, body=body)
    transaction.on_commit(lambda: send_outbound_email.enqueue(agency.pk, message.pk))
    return message
