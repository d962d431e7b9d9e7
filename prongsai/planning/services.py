"""Writes of the planning app. Every function is atomic, takes the acting user and writes an audit event.

Plans are drafted, then published (core.publication): a published plan's own fields change only through a
revision with a reason. Items, progress and results keep being recorded after publication (that is what a
plan is for); each write is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, User
from prongsai.core.publication import record_publish, record_revise
from prongsai.core.search import index_document
from prongsai.planning.models import (
    AnnualReport,
    ItemResult,
    Plan,
    PlanItem,
    ProgressEntry,
    ProgressReport,
    ScoreCitation,
)


@transaction.atomic
def plan_create(
    *,
    agency: Agency,
    acting_user: User,
    kind: str,
    fiscal_year: int,
    title: str,
    first_year: int | None = None,
    last_year: int | None = None,
    description: str = "",
    approved_on: date | None = None,
    signer_name: str = "",
    signer_position: str = "",
) -> Plan:
    """Draft a plan of a kind for a fiscal year (one per kind and year); a one-year plan by default."""
    plan = Plan(
        agency=agency,
        kind=kind,
        fiscal_year=fiscal_year,
        title=title,
        first_year=first_year or fiscal_year,
        last_year=last_year or fiscal_year,
        description=description,
        approved_on=approved_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )
    if Plan.objects.filter(agency=agency, kind=plan.kind, fiscal_year=plan.fiscal_year).exists():
        raise ValidationError({"kind": _("มีแผนประเภทนี้ของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิมแทนการสร้างใหม่")})
    plan.full_clean()
    plan.save()
    audit_record(agency=agency, actor=acting_user, action="planning.plan.drafted", obj=plan)
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: Plan,
    acting_user: User,
    reason: str = "",
    kind: str | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    first_year: int | Unset = UNSET,
    last_year: int | Unset = UNSET,
    description: str | Unset = UNSET,
    approved_on: date | Unset | None = UNSET,
    signer_name: str | Unset = UNSET,
    signer_position: str | Unset = UNSET,
) -> Plan:
    """Change a draft directly; a published plan is corrected by a revision with a reason.

    On a published plan the approval and the signer (outside the revision's content) change directly.
    """
    fields = given(
        kind=kind,
        fiscal_year=fiscal_year,
        title=title,
        first_year=first_year,
        last_year=last_year,
        description=description,
        approved_on=approved_on,
        signer_name=signer_name,
        signer_position=signer_position,
    )
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.is_published:
        changes = {k: v for k, v in fields.items() if k in Plan.snapshot_fields}
        others = {k: v for k, v in fields.items() if k not in Plan.snapshot_fields}
        if others:
            save_changes(locked, assign(locked, others))
        if changes and any(getattr(locked, k) != v for k, v in changes.items()):
            revised = record_revise(
                record=locked,
                acting_user=acting_user,
                reason=reason,
                changes=changes,
                action="planning.plan.revised",
            )
            _index_plan(revised)
            return revised
        return locked
    changed = assign(locked, fields)
    if (
        Plan.objects.filter(agency=locked.agency, kind=locked.kind, fiscal_year=locked.fiscal_year)
        .exclude(pk=locked.pk)
        .exists()
    ):
        raise ValidationError({"kind": _("มีแผนประเภทนี้ของปีงบประมาณนี้แล้ว กรุณาแก้ไขแผนเดิมแทนการสร้างใหม่")})
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="planning.plan.draft_updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def plan_publish(*, plan: Plan, acting_user: User) -> Plan:
    """Publish a plan: it appears on the public site and in the OIT evidence."""
    if not plan.items.exists():
        raise ValidationError(_("แผนนี้ยังไม่มีรายการ กรุณาเพิ่มโครงการหรือกิจกรรมก่อนเผยแพร่"))
    published = record_publish(record=plan, acting_user=acting_user, action="planning.plan.published")
    _index_plan(published)
    return published


def _index_plan(plan: Plan) -> None:
    """A published plan in site search, under its kind's name too ("แผนพัฒนาท้องถิ่น" finds every
    development plan, whatever its own title)."""
    with translation.override(settings.LANGUAGE_CODE):  # the index is in the site's own language
        kind = str(plan.get_kind_display())
    index_document(
        agency=plan.agency,
        record=plan,
        url=reverse("planning:plan_detail", args=[plan.public_id]),
        title=plan.title,
        summary=plan.description[:200] or kind,
        body=f"{kind}\n{plan.description}",
        published_at=plan.published_at,
    )


@transaction.atomic
def item_save(
    *,
    plan: Plan,
    acting_user: User,
    item: PlanItem | None = None,
    parent: PlanItem | None = None,
    kind: str | Unset = UNSET,
    number: int | Unset = UNSET,
    title: str | Unset = UNSET,
    details: str | Unset = UNSET,
    outputs: str | Unset = UNSET,
    indicators: str | Unset = UNSET,
    budget: Decimal | Unset | None = UNSET,
    period_start: date | Unset | None = UNSET,
    period_end: date | Unset | None = UNSET,
    period_text: str | Unset = UNSET,
    owner: str | Unset = UNSET,
) -> PlanItem:
    """Add an item to a plan (``kind``, ``number`` and ``title`` needed), or change the given fields."""
    if parent is not None and parent.plan_id != plan.pk:
        raise ValidationError(_("รายการหลักต้องอยู่ในแผนเดียวกัน"))
    fields = given(
        kind=kind,
        number=number,
        title=title,
        details=details,
        outputs=outputs,
        indicators=indicators,
        budget=budget,
        period_start=period_start,
        period_end=period_end,
        period_text=period_text,
        owner=owner,
    )
    if item is None:
        target = PlanItem(agency=plan.agency, plan=plan, parent=parent, **fields)
        target.full_clean()
        target.save()
        changed = sorted(fields)
    else:
        target = PlanItem.objects.select_for_update().get(pk=item.pk, plan=plan)
        changed = assign(target, fields)
        save_changes(target, changed)
    audit_record(
        agency=plan.agency,
        actor=acting_user,
        action="planning.item.created" if item is None else "planning.item.updated",
        obj=target,
        data={"plan": plan.pk, "fields": sorted(changed)},
    )
    return target


@transaction.atomic
def item_delete(*, item: PlanItem, acting_user: User, reason: str = "") -> None:
    """Remove an item (with its activities, progress and results).

    Removing a line from a published plan changes what citizens have read, so it needs a reason, kept in
    the audit trail with the title of what was removed.
    """
    if item.plan.is_published and not reason.strip():
        raise ValidationError({"reason": _("แผนนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการลบรายการ")})
    audit_record(
        agency=item.agency,
        actor=acting_user,
        action="planning.item.deleted",
        obj=item,
        data={"plan": item.plan_id, "title": item.title[:200], "reason": reason.strip()},
    )
    item.delete()


@transaction.atomic
def result_record(
    *,
    item: PlanItem,
    acting_user: User,
    result: str,
    covers: Iterable[PlanItem] = (),
    order: int = 0,
    spent: Decimal | None = None,
    actual_start: date | None = None,
    actual_end: date | None = None,
    problems: str = "",
    suggestions: str = "",
    fiscal_year: int | None = None,
) -> ItemResult:
    """Record the result of an item, or of several activities of a measure reported together.

    ``fiscal_year`` is the year reported (the plan's own year unless given): a multi-year plan is reported on
    every year it covers.
    """
    year = _reported_year(item.plan, fiscal_year)
    covered = list(covers)
    if any(c.plan_id != item.plan_id for c in covered):
        raise ValidationError(_("กิจกรรมที่อ้างถึงต้องอยู่ในแผนเดียวกัน"))
    if not result.strip():
        raise ValidationError({"result": _("กรุณาบรรยายผลลัพธ์หรือความสำเร็จของการดำเนินการ")})
    if actual_start and actual_end and actual_start > actual_end:
        raise ValidationError({"actual_end": _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มดำเนินการ")})
    entry = ItemResult(
        agency=item.agency,
        plan_id=item.plan_id,
        item=item,
        fiscal_year=year,
        order=order,
        result=result,
        spent=spent,
        actual_start=actual_start,
        actual_end=actual_end,
        problems=problems,
        suggestions=suggestions,
    )
    entry.full_clean()
    entry.save()
    if covered:
        entry.covers.set(covered)
    audit_record(
        agency=item.agency,
        actor=acting_user,
        action="planning.result.recorded",
        obj=entry,
        data={"item": item.pk, "covers": [c.pk for c in covered]},
    )
    return entry


@transaction.atomic
def result_update(
    *,
    entry: ItemResult,
    acting_user: User,
    result: str | Unset = UNSET,
    spent: Decimal | Unset | None = UNSET,
    actual_start: date | Unset | None = UNSET,
    actual_end: date | Unset | None = UNSET,
    problems: str | Unset = UNSET,
    suggestions: str | Unset = UNSET,
    order: int | Unset = UNSET,
) -> ItemResult:
    """Correct the fields given of a recorded result."""
    locked = ItemResult.objects.select_for_update().get(pk=entry.pk)
    changed = assign(
        locked,
        given(
            result=result,
            spent=spent,
            actual_start=actual_start,
            actual_end=actual_end,
            problems=problems,
            suggestions=suggestions,
            order=order,
        ),
    )
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="planning.result.updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def citation_add(
    *, result: ItemResult, acting_user: User, fiscal_year: int, kind: str, code: str, lead_text: str
) -> ScoreCitation:
    """Make a result cite an ITA score; the score itself is looked up when a document renders."""
    if kind not in ScoreCitation.Kind.values:
        raise ValidationError({"kind": _("ไม่รู้จักประเภทคะแนนนี้ กรุณาเลือกจากรายการ")})
    if kind != ScoreCitation.Kind.TOTAL and not code.strip():
        raise ValidationError({"code": _("กรุณาระบุรหัส เช่น 1 สำหรับตัวชี้วัดที่ 1 หรือ i9 สำหรับข้อคำถาม")})
    citation = ScoreCitation(
        agency=result.agency,
        result=result,
        order=result.citations.count(),
        fiscal_year=fiscal_year,
        kind=kind,
        code=code.strip(),
        lead_text=lead_text.strip(),
    )
    citation.full_clean()
    citation.save()
    audit_record(
        agency=result.agency,
        actor=acting_user,
        action="planning.citation.added",
        obj=citation,
        data={"kind": kind, "code": code, "fiscal_year": fiscal_year},
    )
    return citation


@transaction.atomic
def progress_report_save(
    *,
    plan: Plan,
    acting_user: User,
    as_of: date,
    entries: dict[PlanItem, tuple[str, Decimal | None]],
    summary: str = "",
) -> ProgressReport:
    """Record (or replace) the progress of a plan's items as of a date."""
    if any(item.plan_id != plan.pk for item in entries):
        raise ValidationError(_("รายการที่รายงานต้องอยู่ในแผนเดียวกัน"))
    report, _created = ProgressReport.objects.get_or_create(
        agency=plan.agency, plan=plan, as_of=as_of, defaults={"summary": summary}
    )
    if summary and report.summary != summary:
        report.summary = summary
        report.save(update_fields=["summary", "updated_at"])
    for item, (text, spent) in entries.items():
        ProgressEntry.objects.update_or_create(
            agency=plan.agency, report=report, item=item, defaults={"result": text, "spent": spent}
        )
    audit_record(
        agency=plan.agency,
        actor=acting_user,
        action="planning.progress.recorded",
        obj=report,
        data={"as_of": as_of, "items": len(entries)},
    )
    return report


def _reported_year(plan: Plan, fiscal_year: int | None) -> int:
    """The year a result or report is for: the plan's own year by default, never one it does not cover."""
    year = plan.fiscal_year if fiscal_year is None else fiscal_year
    if not plan.covers(year):
        raise ValidationError(
            {
                "fiscal_year": _("ปีงบประมาณที่รายงานต้องอยู่ในช่วงที่แผนใช้บังคับ (พ.ศ. %(first)s–%(last)s)")
                % {"first": plan.first_year, "last": plan.last_year}
            }
        )
    return year


@transaction.atomic
def annual_report_save(
    *,
    plan: Plan,
    acting_user: User,
    summary: str = "",
    problems: str = "",
    suggestions: str = "",
    reported_on: date | None = None,
    fiscal_year: int | None = None,
) -> AnnualReport:
    """Record the plan's annual problems and suggestions of a year (item results are recorded one by one)."""
    report, _created = AnnualReport.objects.update_or_create(
        agency=plan.agency,
        plan=plan,
        fiscal_year=_reported_year(plan, fiscal_year),
        defaults={
            "summary": summary,
            "problems": problems,
            "suggestions": suggestions,
            "reported_on": reported_on,
        },
    )
    audit_record(agency=plan.agency, actor=acting_user, action="planning.annual_report.saved", obj=report)
    return report
