"""Writes of the core app. Every function is atomic, takes the acting user and writes an audit event."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.files import check_upload, reencode_image
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

AGENCY_EDITABLE = (
    "name_th",
    "name_en",
    "short_name_th",
    "address",
    "postal_code",
    "phones",
    "fax",
    "email",
    "website",
    "latitude",
    "longitude",
    "office_hours",
)


def _changed(instance: models.Model, fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if getattr(instance, k) != v}


@transaction.atomic
def agency_update_profile(*, agency: Agency, acting_user: User, **fields: Any) -> Agency:
    """Change the agency's public contact data (OIT contact item)."""
    unknown = set(fields) - set(AGENCY_EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    changes = _changed(locked, fields)
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean()
    if changes:
        locked.save(update_fields=[*changes, "updated_at"])
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
    instance: models.Model,
    *,
    acting_user: User,
    action: str,
    agency: Agency,
    data: dict[str, Any] | None = None,
) -> None:
    instance.full_clean()
    instance.save()
    audit_record(agency=agency, actor=acting_user, action=action, obj=instance, data=data or {})
    if isinstance(instance, OrgUnit | Position | Person):
        reindex_structure(agency)


@transaction.atomic
def org_unit_save(
    *, agency: Agency, acting_user: User, unit: OrgUnit | None = None, **fields: Any
) -> OrgUnit:
    """Create an org unit, or change an existing one."""
    creating = unit is None
    target = unit or OrgUnit(agency=agency)
    parent = fields.get("parent")
    if parent is not None and not creating and _is_descendant(parent, target):
        raise ValidationError({"parent": _("ไม่สามารถให้ส่วนงานสังกัดส่วนงานย่อยของตัวเองได้ กรุณาเลือกส่วนงานอื่น")})
    for name, value in fields.items():
        setattr(target, name, value)
    _save_tenant(
        target,
        acting_user=acting_user,
        agency=agency,
        action="core.org_unit.created" if creating else "core.org_unit.updated",
        data={"fields": sorted(fields)},
    )
    return target


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
    *, agency: Agency, acting_user: User, position: Position | None = None, **fields: Any
) -> Position:
    creating = position is None
    target = position or Position(agency=agency)
    for name, value in fields.items():
        setattr(target, name, value)
    _save_tenant(
        target,
        acting_user=acting_user,
        agency=agency,
        action="core.position.created" if creating else "core.position.updated",
        data={"fields": sorted(fields)},
    )
    return target


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
    **fields: Any,
) -> Person:
    """Create or change a person; a new photo is checked and re-encoded without its metadata."""
    creating = person is None
    target = person or Person(agency=agency)
    for name, value in fields.items():
        setattr(target, name, value)
    if photo_upload is not None:
        checked = check_upload(photo_upload, allowed=frozenset({Attachment.Kind.JPEG, Attachment.Kind.PNG}))
        clean, fmt = reencode_image(checked.content, max_side=800)
        target.photo.save(f"person.{'png' if fmt == 'png' else 'jpg'}", ContentFile(clean), save=False)
    _save_tenant(
        target,
        acting_user=acting_user,
        agency=agency,
        action="core.person.created" if creating else "core.person.updated",
        data={"fields": sorted([*fields, *(["photo"] if photo_upload else [])])},
    )
    return target


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


def email_queue(*, agency: Agency, to: str, subject: str, body: str) -> OutboundEmail:
    """Put an e-mail in the outbox; it is sent by a task after the surrounding transaction commits."""
    from prongsai.core.tasks import send_outbound_email

    message = OutboundEmail.objects.create(agency=agency, to=to, subject=subject, body=body)
    transaction.on_commit(lambda: send_outbound_email.enqueue(agency.pk, message.pk))
    return message
