"""Publishing records and correcting published ones through revisions with a reason."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.models import Publishable, Revision, User
from prongsai.core.prepared import TenantQuery

P = TypeVar("P", bound=Publishable)


def canonical_json(content: dict[str, Any]) -> str:
    """The JSON text a revision's hash is taken of (sorted keys, no spaces)."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def json_text_hash(canonical: str) -> str:
    """``content_hash`` of content already written as ``canonical_json``: bulk paths serialise once."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash(content: dict[str, Any]) -> str:
    return json_text_hash(canonical_json(content))


def _add_revision(*, record: Publishable, acting_user: User, reason: str) -> Revision:
    content = record.snapshot()
    record.revision_count += 1
    return Revision.objects.create(
        agency=record.agency,
        record_type=record._meta.label_lower,
        record_id=record.pk,
        number=record.revision_count,
        content=content,
        content_hash=content_hash(content),
        reason=reason,
        author=acting_user,
    )


@transaction.atomic
def record_publish(*, record: P, acting_user: User, action: str, published_at: datetime | None = None) -> P:
    """Publish a draft: it becomes revision 1 and public from now on.

    ``published_at`` lets content moved from an agency's previous website keep its original date; the
    revision still records when it entered Prongsai.
    """
    now = timezone.now()
    if published_at is not None and published_at > now:
        raise ValidationError(_("วันที่เผยแพร่ต้องไม่เป็นวันในอนาคต"))
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if not can_proceed(locked.publish):
        raise ValidationError(_("รายการนี้เผยแพร่แล้ว หากต้องการแก้ไขให้สร้างฉบับแก้ไขพร้อมระบุเหตุผล"))
    locked.publish()
    locked.published_at = published_at or now
    revision = _add_revision(record=locked, acting_user=acting_user, reason="")
    locked.save(update_fields=["status", "published_at", "revision_count", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action=action,
        obj=locked,
        data={"revision": revision.number, "content_hash": revision.content_hash},
    )
    return locked


@transaction.atomic
def record_revise(*, record: P, acting_user: User, reason: str, changes: dict[str, Any], action: str) -> P:
    """Correct a published record: apply ``changes`` and keep the old content as a revision.

    ``changes`` may only touch the record's snapshot fields; a correction without a reason is refused.
    """
    if not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ"))
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if not locked.is_published:
        raise ValidationError(_("รายการนี้ยังเป็นฉบับร่าง แก้ไขได้โดยตรงโดยไม่ต้องสร้างฉบับแก้ไข"))
    unknown = set(changes) - set(locked.snapshot_fields)
    if unknown:
        raise ValueError(f"fields not allowed in a revision: {sorted(unknown)}")
    before = locked.snapshot()
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean()
    if locked.snapshot() == before:
        raise ValidationError(_("ไม่มีการเปลี่ยนแปลงเนื้อหา จึงไม่ได้สร้างฉบับแก้ไขใหม่"))
    revision = _add_revision(record=locked, acting_user=acting_user, reason=reason.strip())
    locked.save(update_fields=[*changes.keys(), "revision_count", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action=action,
        obj=locked,
        data={"revision": revision.number, "reason": reason.strip(), "content_hash": revision.content_hash},
    )
    return locked


def revisions_of(record: Publishable) -> list[Revision]:
    """The public revision history of a record, oldest first.

    Every public page of a published record lists it, so it is read by a ``TenantQuery`` (SQL built once
    per connection, ADR 0131), bounded by the record's agency id (reading ``record.agency`` would load the
    agency's row for nothing). Each revision's content, a copy of the whole record, is not read: the list
    shows the number, date, reason and hash, and ``content`` is loaded if something asks for it."""
    return [
        Revision.from_db("default", _REVISION_LIST_FIELDS, row)
        for row in _REVISIONS.rows(
            record.agency_id, record_type=record._meta.label_lower, record_id=record.pk
        )
    ]


_REVISION_LIST_FIELDS = tuple(
    field.attname for field in Revision._meta.concrete_fields if field.name != "content"
)


def _revisions(agency_id: int, record_type: str, record_id: int) -> QuerySet[Any]:
    return (
        Revision.objects.filter(agency_id=agency_id, record_type=record_type, record_id=record_id)
        .order_by("number")
        .values_list(*_REVISION_LIST_FIELDS)
    )


_REVISIONS = TenantQuery(_revisions, record_type=str, record_id=int)


@transaction.atomic
def add_revision_for_change(*, record: P, acting_user: User, reason: str, action: str) -> Revision:
    """Record a revision for a change made outside the snapshot fields (e.g. an added attachment)."""
    if not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ"))
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if not locked.is_published:
        raise ValidationError(_("รายการนี้ยังเป็นฉบับร่าง แก้ไขได้โดยตรงโดยไม่ต้องสร้างฉบับแก้ไข"))
    revision = _add_revision(record=locked, acting_user=acting_user, reason=reason.strip())
    locked.save(update_fields=["revision_count", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action=action,
        obj=locked,
        data={"revision": revision.number, "reason": reason.strip(), "content_hash": revision.content_hash},
    )
    return revision
