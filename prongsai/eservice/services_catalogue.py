"""Writes of the service catalogue: drafting a citizen manual with its steps and documents, publishing it
(revision 1, searchable) and correcting it afterwards only through a revision with a reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, User
from prongsai.core.publication import record_publish, record_revise
from prongsai.core.search import index_document

from .models import RequiredDocument, Service, ServiceStep

SERVICE_FIELDS = (*Service.snapshot_fields, "code", "upload_max_mb", "order", "is_accepting")


def _index(service: Service) -> None:
    steps = " ".join(s.name for s in service.steps.all())
    index_document(
        agency=service.agency,
        record=service,
        url=reverse("eservice:service_detail", args=[service.code]),
        title=service.name_th,
        summary=service.description[:200],
        body=f"{service.get_category_display()}\n{service.description}\n{service.conditions}\n{steps}",
        published_at=service.published_at,
    )


@transaction.atomic
def service_create_draft(
    *,
    agency: Agency,
    acting_user: User,
    steps: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    **fields: Any,
) -> Service:
    """A draft manual with its steps (name, duration_value, duration_unit, responsible_unit) and documents."""
    unknown = set(fields) - set(SERVICE_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if Service.objects.filter(agency=agency, code=fields.get("code", "")).exists():
        raise ValidationError({"code": _("มีบริการที่ใช้รหัสนี้แล้ว กรุณาใช้รหัสอื่น")})
    if not steps:
        raise ValidationError(_("คู่มือต้องมีอย่างน้อยหนึ่งขั้นตอน พร้อมระยะเวลาของแต่ละขั้นตอน"))
    service = Service(agency=agency, **fields)
    service.full_clean()
    service.save()
    for order, step in enumerate(steps, start=1):
        item = ServiceStep(agency=agency, service=service, order=order, **step)
        item.full_clean()
        item.save()
    for order, doc in enumerate(documents, start=1):
        document = RequiredDocument(agency=agency, service=service, order=order, **doc)
        document.full_clean()
        document.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="eservice.service.drafted",
        obj=service,
        data={"code": service.code, "steps": len(steps), "documents": len(documents)},
    )
    return service


@transaction.atomic
def service_publish(*, service: Service, acting_user: User) -> Service:
    """Publish the manual: it becomes public, searchable and open for requests."""
    published = record_publish(record=service, acting_user=acting_user, action="eservice.service.published")
    _index(published)
    return published


@transaction.atomic
def service_revise(*, service: Service, acting_user: User, reason: str, **changes: Any) -> Service:
    """Correct a published manual; the previous text stays in the public revision history."""
    revised = record_revise(
        record=service,
        acting_user=acting_user,
        reason=reason,
        changes=changes,
        action="eservice.service.revised",
    )
    _index(revised)
    return revised


def _replace_children(
    service: Service, steps: list[dict[str, Any]] | None, documents: list[dict[str, Any]] | None
) -> None:
    agency = service.agency
    if steps is not None:
        if not steps:
            raise ValidationError(_("คู่มือต้องมีอย่างน้อยหนึ่งขั้นตอน พร้อมระยะเวลาของแต่ละขั้นตอน"))
        ServiceStep.objects.filter(service=service).delete()
        for order, step in enumerate(steps, start=1):
            item = ServiceStep(agency=agency, service=service, order=order, **step)
            item.full_clean()
            item.save()
    if documents is not None:
        RequiredDocument.objects.filter(service=service).delete()
        for order, doc in enumerate(documents, start=1):
            document = RequiredDocument(agency=agency, service=service, order=order, **doc)
            document.full_clean()
            document.save()


@transaction.atomic
def service_update_draft(
    *,
    service: Service,
    acting_user: User,
    steps: list[dict[str, Any]] | None = None,
    documents: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Service:
    """Change a draft manual directly (fields, and the steps and documents when given)."""
    locked = Service.objects.select_for_update().get(pk=service.pk)
    if locked.is_published:
        raise ValidationError(_("คู่มือนี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    unknown = set(fields) - set(SERVICE_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if (
        "code" in fields
        and Service.objects.filter(agency=locked.agency, code=fields["code"]).exclude(pk=locked.pk).exists()
    ):
        raise ValidationError({"code": _("มีบริการที่ใช้รหัสนี้แล้ว กรุณาใช้รหัสอื่น")})
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    _replace_children(locked, steps, documents)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="eservice.service.draft_updated",
        obj=locked,
        data={"fields": sorted(fields), "steps": steps is not None, "documents": documents is not None},
    )
    return locked


@transaction.atomic
def service_revise_published(
    *,
    service: Service,
    acting_user: User,
    reason: str,
    steps: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    **changes: Any,
) -> Service:
    """Correct a published manual, its steps and documents included, as one revision with a reason.

    Requests already received keep the steps they copied at receipt (ADR 0020).
    """
    if not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ"))
    locked = Service.objects.select_for_update().get(pk=service.pk)
    before = locked.snapshot()
    plain = {k: v for k, v in changes.items() if k in locked.snapshot_fields}
    others = {k: v for k, v in changes.items() if k not in locked.snapshot_fields}
    unknown = set(others) - set(SERVICE_FIELDS)
    if unknown or "code" in others:
        raise ValueError(f"not revisable here: {sorted(unknown | ({'code'} & set(others)))}")
    _replace_children(locked, steps, documents)
    for name, value in {**plain, **others}.items():
        setattr(locked, name, value)
    locked.full_clean()
    if locked.snapshot() == before:
        raise ValidationError(_("ไม่มีการเปลี่ยนแปลงเนื้อหา จึงไม่ได้สร้างฉบับแก้ไขใหม่"))
    locked.save()
    from prongsai.core.publication import add_revision_for_change

    add_revision_for_change(
        record=locked, acting_user=acting_user, reason=reason, action="eservice.service.revised"
    )
    revised = Service.objects.get(pk=locked.pk)
    _index(revised)
    return revised
