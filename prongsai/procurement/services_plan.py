"""Writes of the procurement plan, announcements and the annual report's text. Publication and corrections
go through ``prongsai.core.publication`` (revisions with a public reason)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, User
from prongsai.core.publication import add_revision_for_change, record_publish, record_revise
from prongsai.core.search import index_document
from prongsai.core.services import attachment_create

from .models import Announcement, AnnualReportNote, PlanItem, Procurement, ProcurementPlan

# --- plans ------------------------------------------------------------------------------------------------


def _index_plan(plan: ProcurementPlan) -> None:
    items = "\n".join(i.title for i in plan.items.all())
    index_document(
        agency=plan.agency,
        record=plan,
        url=reverse("procurement:plan_detail", args=[plan.fiscal_year]),
        title=plan.title,
        summary=plan.note[:200],
        body=items,
        published_at=plan.published_at,
    )


@transaction.atomic
def plan_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    title: str,
    budget_approved_on: date | None = None,
    announced_on: date | None = None,
    note: str = "",
) -> ProcurementPlan:
    """Draft the procurement plan of a fiscal year (one per year)."""
    plan = ProcurementPlan(
        agency=agency,
        fiscal_year=fiscal_year,
        title=title,
        budget_approved_on=budget_approved_on,
        announced_on=announced_on,
        note=note,
    )
    if ProcurementPlan.objects.filter(agency=agency, fiscal_year=plan.fiscal_year).exists():
        raise ValidationError({"fiscal_year": _("มีแผนการจัดซื้อจัดจ้างของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิม")})
    plan.full_clean()
    plan.save()
    audit_record(agency=agency, actor=acting_user, action="procurement.plan.drafted", obj=plan)
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: ProcurementPlan,
    acting_user: User,
    reason: str = "",
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    budget_approved_on: date | Unset | None = UNSET,
    announced_on: date | Unset | None = UNSET,
    note: str | Unset = UNSET,
) -> ProcurementPlan:
    """Change a draft plan directly, or correct a published one with a reason (the year never changes)."""
    content = given(title=title, budget_approved_on=budget_approved_on, announced_on=announced_on, note=note)
    locked = ProcurementPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.is_published:
        revised = record_revise(
            record=locked,
            acting_user=acting_user,
            reason=reason,
            changes=content,
            action="procurement.plan.revised",
        )
        _index_plan(revised)
        return revised
    if not isinstance(fiscal_year, Unset) and (
        ProcurementPlan.objects.filter(agency=locked.agency, fiscal_year=fiscal_year)
        .exclude(pk=locked.pk)
        .exists()
    ):
        raise ValidationError({"fiscal_year": _("มีแผนการจัดซื้อจัดจ้างของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิม")})
    changed = assign(locked, {**given(fiscal_year=fiscal_year), **content})
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="procurement.plan.draft_updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def plan_item_add(
    *,
    plan: ProcurementPlan,
    acting_user: User,
    title: str,
    budget: Decimal,
    budget_source: str,
    method: str,
    expected_start: date,
    reason: str = "",
) -> PlanItem:
    """Add an item with the five fields of measure 6.1; on a published plan this is a correction."""
    locked = ProcurementPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.is_published and not reason.strip():
        raise ValidationError(_("แผนนี้เผยแพร่แล้ว การเพิ่มรายการต้องระบุเหตุผลของการแก้ไข"))
    item = PlanItem(
        agency=locked.agency,
        plan=locked,
        order=locked.items.count(),
        title=title.strip(),
        budget=budget,
        budget_source=budget_source.strip(),
        method=method,
        expected_start=expected_start.replace(day=1),
    )
    item.full_clean()
    item.save()
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="procurement.plan.item_added",
        obj=locked,
        data={"item": item.title},
    )
    if locked.is_published:
        add_revision_for_change(
            record=locked, acting_user=acting_user, reason=reason, action="procurement.plan.revised"
        )
        _index_plan(locked)
    return item


@transaction.atomic
def plan_item_remove(*, item: PlanItem, acting_user: User, reason: str = "") -> None:
    locked = ProcurementPlan.objects.select_for_update().get(pk=item.plan_id)
    if locked.is_published and not reason.strip():
        raise ValidationError(_("แผนนี้เผยแพร่แล้ว การลบรายการต้องระบุเหตุผลของการแก้ไข"))
    title = item.title
    Procurement.objects.filter(agency=locked.agency, plan_item=item).update(plan_item=None)
    item.delete()
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="procurement.plan.item_removed",
        obj=locked,
        data={"item": title},
    )
    if locked.is_published:
        add_revision_for_change(
            record=locked, acting_user=acting_user, reason=reason, action="procurement.plan.revised"
        )
        _index_plan(locked)


@transaction.atomic
def plan_publish(
    *, plan: ProcurementPlan, acting_user: User, published_at: datetime | None = None
) -> ProcurementPlan:
    """Publish the plan; without items above the threshold it is the "no procurement above" announcement."""
    published = record_publish(
        record=plan, acting_user=acting_user, action="procurement.plan.published", published_at=published_at
    )
    _index_plan(published)
    return published


# --- announcements ----------------------------------------------------------------------------------------


def _index_announcement(item: Announcement) -> None:
    index_document(
        agency=item.agency,
        record=item,
        url=reverse("procurement:announcement_detail", args=[item.public_id]),
        title=item.title,
        summary=item.body[:200],
        body=f"{item.get_kind_display()}\n{item.egp_project_no}\n{item.body}",
        published_at=item.published_at,
    )


def _check_procurement(agency: Agency, procurement: Procurement | None) -> None:
    if procurement is not None and procurement.agency_id != agency.pk:
        raise ValidationError({"procurement": _("ไม่พบรายการจัดซื้อจัดจ้างนี้ กรุณาเลือกใหม่")})


@transaction.atomic
def announcement_create(
    *,
    agency: Agency,
    acting_user: User,
    kind: str,
    title: str,
    fiscal_year: int,
    announced_on: date,
    body: str = "",
    procurement: Procurement | None = None,
    egp_project_no: str = "",
) -> Announcement:
    """Draft an announcement; linked to a register row, it takes the row's e-GP number unless one is given."""
    _check_procurement(agency, procurement)
    item = Announcement(
        agency=agency,
        kind=kind,
        title=title,
        fiscal_year=fiscal_year,
        announced_on=announced_on,
        body=body,
        procurement=procurement,
        egp_project_no=egp_project_no or (procurement.egp_project_no if procurement is not None else ""),
    )
    item.full_clean()
    item.save()
    audit_record(agency=agency, actor=acting_user, action="procurement.announcement.drafted", obj=item)
    return item


@transaction.atomic
def announcement_update(
    *,
    announcement: Announcement,
    acting_user: User,
    reason: str = "",
    kind: str | Unset = UNSET,
    title: str | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    announced_on: date | Unset = UNSET,
    body: str | Unset = UNSET,
    procurement: Procurement | Unset | None = UNSET,
    egp_project_no: str | Unset = UNSET,
) -> Announcement:
    """Change the given fields of a draft, or correct a published announcement's content with a reason."""
    locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if not isinstance(procurement, Unset):
        _check_procurement(locked.agency, procurement)
        if procurement is not None and not egp_project_no:
            egp_project_no = procurement.egp_project_no
    fields = given(
        kind=kind,
        title=title,
        fiscal_year=fiscal_year,
        announced_on=announced_on,
        body=body,
        procurement=procurement,
        egp_project_no=egp_project_no,
    )
    if locked.is_published:
        changes = {k: v for k, v in fields.items() if k in Announcement.snapshot_fields}
        revised = record_revise(
            record=locked,
            acting_user=acting_user,
            reason=reason,
            changes=changes,
            action="procurement.announcement.revised",
        )
        _index_announcement(revised)
        return revised
    changed = assign(locked, fields)
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="procurement.announcement.draft_updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def announcement_attach(
    *, announcement: Announcement, acting_user: User, upload: UploadedFile, title: str = "", reason: str = ""
) -> Announcement:
    """Attach a document (checked by content). On a published announcement this is a correction."""
    locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if locked.is_published and not reason.strip():
        raise ValidationError(_("ประกาศนี้เผยแพร่แล้ว การเพิ่มเอกสารต้องระบุเหตุผลของการแก้ไข"))
    attachment = attachment_create(agency=locked.agency, acting_user=acting_user, upload=upload, title=title)
    locked.attachments.add(attachment)
    if locked.is_published:
        add_revision_for_change(
            record=locked, acting_user=acting_user, reason=reason, action="procurement.announcement.revised"
        )
    return locked


@transaction.atomic
def announcement_publish(
    *, announcement: Announcement, acting_user: User, published_at: datetime | None = None
) -> Announcement:
    published = record_publish(
        record=announcement,
        acting_user=acting_user,
        action="procurement.announcement.published",
        published_at=published_at,
    )
    _index_announcement(published)
    return published


# --- the annual report's text -----------------------------------------------------------------------------


@transaction.atomic
def annual_note_save(
    *, agency: Agency, acting_user: User, fiscal_year: int, problems: str, suggestions: str, reason: str = ""
) -> AnnualReportNote:
    """Write the problems and suggestions of a year's annual report (a correction once published)."""
    note = AnnualReportNote.objects.select_for_update().filter(agency=agency, fiscal_year=fiscal_year).first()
    if note is None:
        note = AnnualReportNote(
            agency=agency, fiscal_year=fiscal_year, problems=problems, suggestions=suggestions
        )
        note.full_clean()
        note.save()
        audit_record(agency=agency, actor=acting_user, action="procurement.annual_note.drafted", obj=note)
        return note
    if note.is_published:
        return record_revise(
            record=note,
            acting_user=acting_user,
            reason=reason,
            changes={"problems": problems, "suggestions": suggestions},
            action="procurement.annual_note.revised",
        )
    note.problems, note.suggestions = problems, suggestions
    note.full_clean()
    note.save(update_fields=["problems", "suggestions", "updated_at"])
    audit_record(agency=agency, actor=acting_user, action="procurement.annual_note.draft_updated", obj=note)
    return note


@transaction.atomic
def annual_note_publish(*, note: AnnualReportNote, acting_user: User) -> AnnualReportNote:
    return record_publish(record=note, acting_user=acting_user, action="procurement.annual_note.published")
