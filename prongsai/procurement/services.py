"""Writes of the procurement register: vendors, procurements, bidders, amendments, publication, settings.

Every function is atomic, takes the acting user and writes an audit event in the same transaction. State
is read from locked rows, never from the caller's instance.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.bulk_insert import FastInsert, JsonText
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.gc_pause import with_collection_paused
from prongsai.core.id_ranges import id_conditions
from prongsai.core.models import Agency, PublicationStatus, Revision, User
from prongsai.core.publication import (
    add_revision_for_change,
    canonical_json,
    json_text_hash,
    record_revise,
)
from prongsai.core.thaiid import is_valid_thai_id, normalize_thai_id

from . import parameters
from .models import (
    Bidder,
    Category,
    ContractAmendment,
    PlanItem,
    Procurement,
    ProcurementParameter,
    ProcurementProfile,
    RedFlagReview,
    Vendor,
)
from .models.register import children_of, register_snapshot
from .normalize import search_text


def row_search_text(procurement: Procurement) -> str:
    vendor = procurement.vendor
    return search_text(
        procurement.title,
        vendor.name if vendor else "",
        procurement.egp_project_no,
        procurement.contract_no,
    )


# --- vendors ----------------------------------------------------------------------------------------------


@transaction.atomic
def vendor_resolve(*, agency: Agency, acting_user: User, tax_id: str, name: str) -> Vendor | None:
    """The vendor with this tax ID (created if new; its name updated if it changed). No ID → None."""
    digits = normalize_thai_id(tax_id or "")
    if not digits:
        return None
    if not is_valid_thai_id(digits):
        raise ValidationError({"vendor_tax_id": _("เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง กรุณาตรวจสอบตัวเลข 13 หลัก")})
    name = (name or "").strip()
    vendor = Vendor.objects.select_for_update().filter(agency=agency, tax_id=digits).first()
    if vendor is None:
        if not name:
            raise ValidationError({"vendor_name": _("กรุณาใส่ชื่อผู้ประกอบการ")})
        vendor = Vendor(agency=agency, tax_id=digits, name=name[:300])
        vendor.full_clean()
        vendor.save()
        audit_record(agency=agency, actor=acting_user, action="procurement.vendor.created", obj=vendor)
    elif name and vendor.name != name:
        vendor.name = name[:300]
        vendor.save(update_fields=["name", "updated_at"])
        audit_record(agency=agency, actor=acting_user, action="procurement.vendor.renamed", obj=vendor)
        for row in Procurement.objects.filter(agency=agency, vendor=vendor).select_related("vendor"):
            row.search_text = row_search_text(row)
            row.save(update_fields=["search_text"])
    return vendor


# --- procurements -----------------------------------------------------------------------------------------


def _check_unique_project(agency: Agency, project_no: str, exclude_pk: int | None) -> None:
    if not project_no:
        return
    clash = Procurement.objects.filter(agency=agency, egp_project_no=project_no)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"egp_project_no": _("มีรายการที่ใช้เลขที่โครงการนี้แล้ว กรุณาตรวจสอบเลขที่โครงการ")})


@transaction.atomic
def procurement_create(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    title: str,
    budget: Decimal,
    budget_source: str,
    egp_status: str,
    method: str,
    category: str = Category.GOODS,
    reference_price: Decimal | None = None,
    agreed_price: Decimal | None = None,
    egp_project_no: str = "",
    contract_no: str = "",
    announced_on: date | None = None,
    contract_signed_on: date | None = None,
    contract_ends_on: date | None = None,
    selection_reason: str = "",
    plan_item: PlanItem | None = None,
    vendor_tax_id: str = "",
    vendor_name: str = "",
) -> Procurement:
    """A new draft row of the register, entered by staff."""
    row = Procurement(
        agency=agency,
        fiscal_year=fiscal_year,
        title=title,
        budget=budget,
        budget_source=budget_source,
        egp_status=egp_status,
        method=method,
        category=category,
        reference_price=reference_price,
        agreed_price=agreed_price,
        egp_project_no=egp_project_no,
        contract_no=contract_no,
        announced_on=announced_on,
        contract_signed_on=contract_signed_on,
        contract_ends_on=contract_ends_on,
        selection_reason=selection_reason,
        plan_item=plan_item,
    )
    _check_unique_project(agency, row.egp_project_no, None)
    row.vendor = vendor_resolve(
        agency=agency, acting_user=acting_user, tax_id=vendor_tax_id, name=vendor_name
    )
    row.ocid_local = row.egp_project_no or f"p{row.public_id.hex}"
    row.search_text = row_search_text(row)
    row.full_clean()
    row.save()
    audit_record(agency=agency, actor=acting_user, action="procurement.procurement.created", obj=row)
    return row


@transaction.atomic
def procurement_update_draft(
    *,
    procurement: Procurement,
    acting_user: User,
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    budget: Decimal | Unset = UNSET,
    budget_source: str | Unset = UNSET,
    egp_status: str | Unset = UNSET,
    method: str | Unset = UNSET,
    category: str | Unset = UNSET,
    reference_price: Decimal | Unset | None = UNSET,
    agreed_price: Decimal | Unset | None = UNSET,
    egp_project_no: str | Unset = UNSET,
    contract_no: str | Unset = UNSET,
    announced_on: date | Unset | None = UNSET,
    contract_signed_on: date | Unset | None = UNSET,
    contract_ends_on: date | Unset | None = UNSET,
    selection_reason: str | Unset = UNSET,
    plan_item: PlanItem | Unset | None = UNSET,
    vendor_tax_id: str | Unset = UNSET,
    vendor_name: str | Unset = UNSET,
) -> Procurement:
    """Change the given fields of a draft; a published row is corrected with ``procurement_revise``.

    The vendor changes when ``vendor_tax_id`` is given ("" removes it).
    """
    row = Procurement.objects.select_for_update().get(pk=procurement.pk)
    if row.is_published:
        raise ValidationError(_("รายการนี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    changed = assign(
        row,
        given(
            fiscal_year=fiscal_year,
            title=title,
            budget=budget,
            budget_source=budget_source,
            egp_status=egp_status,
            method=method,
            category=category,
            reference_price=reference_price,
            agreed_price=agreed_price,
            egp_project_no=egp_project_no,
            contract_no=contract_no,
            announced_on=announced_on,
            contract_signed_on=contract_signed_on,
            contract_ends_on=contract_ends_on,
            selection_reason=selection_reason,
            plan_item=plan_item,
        ),
    )
    _check_unique_project(row.agency, row.egp_project_no, row.pk)
    if not isinstance(vendor_tax_id, Unset):
        row.vendor = vendor_resolve(
            agency=row.agency,
            acting_user=acting_user,
            tax_id=vendor_tax_id,
            name=vendor_name if isinstance(vendor_name, str) else "",
        )
        changed.append("vendor")
    row.search_text = row_search_text(row)
    save_changes(row, [*changed, "search_text"])
    audit_record(
        agency=row.agency,
        actor=acting_user,
        action="procurement.procurement.draft_updated",
        obj=row,
        data={"fields": sorted(changed)},
    )
    return row


@transaction.atomic
def procurement_revise(
    *,
    procurement: Procurement,
    acting_user: User,
    reason: str,
    fiscal_year: int | Unset = UNSET,
    title: str | Unset = UNSET,
    budget: Decimal | Unset = UNSET,
    budget_source: str | Unset = UNSET,
    egp_status: str | Unset = UNSET,
    method: str | Unset = UNSET,
    category: str | Unset = UNSET,
    reference_price: Decimal | Unset | None = UNSET,
    agreed_price: Decimal | Unset | None = UNSET,
    egp_project_no: str | Unset = UNSET,
    contract_no: str | Unset = UNSET,
    announced_on: date | Unset | None = UNSET,
    contract_signed_on: date | Unset | None = UNSET,
    contract_ends_on: date | Unset | None = UNSET,
    selection_reason: str | Unset = UNSET,
    vendor_tax_id: str | Unset = UNSET,
    vendor_name: str | Unset = UNSET,
) -> Procurement:
    """Correct a published row: a new revision with a public reason (the vendor when ``vendor_tax_id`` is
    given). The link to the plan is not part of the published content and does not change here."""
    agency = procurement.agency
    changes = given(
        fiscal_year=fiscal_year,
        title=title,
        budget=budget,
        budget_source=budget_source,
        egp_status=egp_status,
        method=method,
        category=category,
        reference_price=reference_price,
        agreed_price=agreed_price,
        egp_project_no=egp_project_no,
        contract_no=contract_no,
        announced_on=announced_on,
        contract_signed_on=contract_signed_on,
        contract_ends_on=contract_ends_on,
        selection_reason=selection_reason,
    )
    if "egp_project_no" in changes:
        _check_unique_project(agency, changes["egp_project_no"], procurement.pk)
    if not isinstance(vendor_tax_id, Unset):
        changes["vendor"] = vendor_resolve(
            agency=agency,
            acting_user=acting_user,
            tax_id=vendor_tax_id,
            name=vendor_name if isinstance(vendor_name, str) else "",
        )
    revised = record_revise(
        record=procurement,
        acting_user=acting_user,
        reason=reason,
        changes=changes,
        action="procurement.procurement.revised",
    )
    revised.search_text = row_search_text(revised)
    revised.save(update_fields=["search_text"])
    return revised


def _locked_for_children(procurement: Procurement, reason: str) -> Procurement:
    row = Procurement.objects.select_for_update().get(pk=procurement.pk)
    if row.is_published and not reason.strip():
        raise ValidationError(_("รายการนี้เผยแพร่แล้ว การเปลี่ยนแปลงต้องระบุเหตุผลของการแก้ไข"))
    return row


@transaction.atomic
def bidder_add(
    *,
    procurement: Procurement,
    acting_user: User,
    name: str,
    price: Decimal | None,
    tax_id: str = "",
    is_winner: bool = False,
    reason: str = "",
) -> Bidder:
    """Record a bidder and its price (สขร.1 column 6). On a published row this is a correction."""
    row = _locked_for_children(procurement, reason)
    digits = normalize_thai_id(tax_id)
    if digits and not is_valid_thai_id(digits):
        raise ValidationError({"tax_id": _("เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง กรุณาตรวจสอบตัวเลข 13 หลัก")})
    bidder = Bidder(
        agency=row.agency,
        procurement=row,
        name=name.strip(),
        tax_id=digits,
        price=price,
        is_winner=is_winner,
        order=row.bidders.count(),
    )
    bidder.full_clean()
    bidder.save()
    audit_record(
        agency=row.agency,
        actor=acting_user,
        action="procurement.bidder.added",
        obj=row,
        data={"bidder": bidder.name},
    )
    if row.is_published:
        add_revision_for_change(
            record=row, acting_user=acting_user, reason=reason, action="procurement.procurement.revised"
        )
    return bidder


@transaction.atomic
def bidder_remove(*, bidder: Bidder, acting_user: User, reason: str = "") -> None:
    row = _locked_for_children(bidder.procurement, reason)
    name = bidder.name
    bidder.delete()
    audit_record(
        agency=row.agency,
        actor=acting_user,
        action="procurement.bidder.removed",
        obj=row,
        data={"bidder": name},
    )
    if row.is_published:
        add_revision_for_change(
            record=row, acting_user=acting_user, reason=reason, action="procurement.procurement.revised"
        )


@transaction.atomic
def amendment_add(
    *,
    procurement: Procurement,
    acting_user: User,
    signed_on: date,
    description: str,
    new_agreed_price: Decimal | None = None,
    new_ends_on: date | None = None,
    reason: str = "",
) -> ContractAmendment:
    """Record an amendment of a signed contract; it changes the current price and end date too."""
    row = _locked_for_children(procurement, reason)
    if row.contract_signed_on is None:
        raise ValidationError(_("รายการนี้ยังไม่มีวันที่ลงนามในสัญญา จึงยังแก้ไขสัญญาไม่ได้"))
    if signed_on < row.contract_signed_on:
        raise ValidationError({"signed_on": _("วันที่แก้ไขสัญญาต้องไม่ก่อนวันที่ลงนามในสัญญา")})
    amendment = ContractAmendment(
        agency=row.agency,
        procurement=row,
        number=row.amendments.count() + 1,
        signed_on=signed_on,
        description=description.strip(),
        new_agreed_price=new_agreed_price,
        new_ends_on=new_ends_on,
    )
    amendment.full_clean()
    amendment.save()
    changed: list[str] = []
    if new_agreed_price is not None:
        row.agreed_price = new_agreed_price
        changed.append("agreed_price")
    if new_ends_on is not None:
        row.contract_ends_on = new_ends_on
        changed.append("contract_ends_on")
    if changed:
        row.save(update_fields=[*changed, "updated_at"])
    audit_record(
        agency=row.agency,
        actor=acting_user,
        action="procurement.amendment.added",
        obj=row,
        data={"number": amendment.number, "fields": changed},
    )
    if row.is_published:
        add_revision_for_change(
            record=row, acting_user=acting_user, reason=reason, action="procurement.procurement.revised"
        )
    return amendment


@dataclass
class PublishResult:
    published: int = 0
    held_back: list[int] = field(default_factory=list)


class _Vendor(NamedTuple):
    public_id: Any
    tax_id: str
    name: str


class _Draft(NamedTuple):
    """A draft register row as bulk publication reads it: the snapshot's fields without a model instance
    (building 100,000 ``Procurement`` instances and their vendors was a third of a publication's time)."""

    pk: int
    public_id: Any
    fiscal_year: int
    title: str
    budget: Decimal
    budget_source: str
    egp_status: str
    method: str
    category: str
    reference_price: Decimal | None
    agreed_price: Decimal | None
    egp_project_no: str
    contract_no: str
    announced_on: date | None
    contract_signed_on: date | None
    contract_ends_on: date | None
    selection_reason: str
    vendor: _Vendor | None


# The columns of _Draft in its order, then the vendor's.
_DRAFT_COLUMNS = (*_Draft._fields[:-1], "vendor_id", "vendor__public_id", "vendor__tax_id", "vendor__name")


def _drafts(agency: Agency, ids: list[int]) -> list[_Draft]:
    rows: list[_Draft] = []
    for condition in id_conditions(ids):
        for *own, vendor_id, vendor_public_id, vendor_tax_id, vendor_name in (
            Procurement.objects.select_for_update(of=("self",))
            .filter(condition, agency=agency, status=PublicationStatus.DRAFT)
            .order_by()
            .values_list(*_DRAFT_COLUMNS)
        ):
            vendor = None if vendor_id is None else _Vendor(vendor_public_id, vendor_tax_id, vendor_name)
            rows.append(_Draft._make((*own, vendor)))
    rows.sort()
    return rows


def _publish_transition_is_unconditional() -> bool:
    """Whether the state machine lets every draft be published. Bulk publication selects drafts and asks this
    once instead of building an instance per row to ask ``can_proceed``; if the transition ever gets
    conditions, it publishes nothing rather than skip them (a test keeps the two in step)."""
    meta = Procurement.publish._django_fsm
    transition = meta.get_transition(PublicationStatus.DRAFT)
    return transition is not None and not transition.conditions


@with_collection_paused
@transaction.atomic
def procurement_publish_many(*, agency: Agency, acting_user: User, ids: list[int]) -> PublishResult:
    """Publish the given draft rows. Each becomes revision 1 and public.

    When the agency requires it (the default), rows that are part of a red flag the internal auditor has
    not reviewed are held back, so the auditor sees every flag before the public does. The state machine's
    draft → published transition is checked once (it has no per-row condition); rows and revisions are then
    written in bulk, and one audit event records the count and a hash of the rows' public ids.
    """
    from .selectors import profile_for, unreviewed_flag_ids

    result = PublishResult()
    rows = _drafts(agency, ids)
    if not rows or not _publish_transition_is_unconditional():
        return result
    if profile_for(agency).require_review_before_publication:
        held = unreviewed_flag_ids(agency, {r.fiscal_year for r in rows})
        result.held_back = [r.pk for r in rows if r.pk in held]
        rows = [r for r in rows if r.pk not in held]
    if not rows:
        return result
    children = children_of(agency.pk, [r.pk for r in rows])
    bidders, amendments = children["bidders"], children["amendments"]
    now = timezone.now()
    revisions = FastInsert(
        Revision,
        agency=agency,
        record_type=Procurement._meta.label_lower,
        number=1,
        reason="",
        author=acting_user,
        created_at=now,
        updated_at=now,
    )

    def revision(row: _Draft) -> dict[str, Any]:
        # Serialised once: the same text is hashed and stored.
        text = canonical_json(register_snapshot(row, bidders.get(row.pk, ()), amendments.get(row.pk, ())))
        return {"record_id": row.pk, "content": JsonText(text), "content_hash": json_text_hash(text)}

    # One UPDATE per run of consecutive ids writes the transition; the status condition makes it a no-op for
    # a row published meanwhile. (bulk_update writes one CASE per row: far slower for 100,000 rows.)
    for condition in id_conditions(r.pk for r in rows):
        Procurement.objects.filter(condition, agency=agency, status=PublicationStatus.DRAFT).update(
            status=PublicationStatus.PUBLISHED, published_at=now, revision_count=1, updated_at=now
        )
    revisions.insert(revision(row) for row in rows)
    result.published = len(rows)
    digest = hashlib.sha256("\n".join(str(r.public_id) for r in rows).encode()).hexdigest()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="procurement.procurement.published",
        data={"count": len(rows), "public_ids_sha256": digest, "held_back": len(result.held_back)},
    )
    return result


# --- red-flag reviews and settings ------------------------------------------------------------------------


@transaction.atomic
def red_flag_review(
    *, agency: Agency, acting_user: User, kind: str, key: str, fiscal_year: int, note: str
) -> RedFlagReview:
    """The internal auditor records that a flag was looked at, with a note."""
    from .selectors import red_flags

    if not note.strip():
        raise ValidationError({"note": _("กรุณาบันทึกความเห็นของผู้ตรวจสอบภายในก่อนยืนยันการพิจารณา")})
    if not any(item.flag.kind == kind and item.flag.key == key for item in red_flags(agency, fiscal_year)):
        raise ValidationError(_("ไม่พบข้อสังเกตนี้แล้ว ข้อมูลอาจเปลี่ยนไป กรุณาโหลดหน้าใหม่"))
    review, created = RedFlagReview.objects.update_or_create(
        agency=agency,
        kind=kind,
        key=key,
        defaults={"fiscal_year": fiscal_year, "note": note.strip(), "reviewed_by": acting_user},
    )
    audit_record(
        agency=agency,
        actor=acting_user,
        action="procurement.red_flag.reviewed",
        obj=review,
        data={"kind": kind, "key": key, "fiscal_year": fiscal_year, "updated": not created},
    )
    return review


@transaction.atomic
def settings_update(
    *,
    agency: Agency,
    acting_user: User,
    values: dict[str, Decimal],
    ocid_prefix: str | Unset = UNSET,
    ministry: str | Unset = UNSET,
    agency_type_label: str | Unset = UNSET,
    require_review_before_publication: bool | Unset = UNSET,
) -> ProcurementProfile:
    """Change the agency's procurement settings and parameters; values equal to the default are removed."""
    if set(values) - set(parameters.BY_KEY):
        raise ValueError(f"unknown parameters: {sorted(set(values) - set(parameters.BY_KEY))}")
    profile, _created = ProcurementProfile.objects.select_for_update().get_or_create(agency=agency)
    profile_fields = given(
        ocid_prefix=ocid_prefix,
        ministry=ministry,
        agency_type_label=agency_type_label,
        require_review_before_publication=require_review_before_publication,
    )
    changed = {k: v for k, v in profile_fields.items() if getattr(profile, k) != v}
    save_changes(profile, assign(profile, changed))
    current = parameters.parameters_for(agency)
    changed_params: dict[str, str] = {}
    for key, value in values.items():
        if value < 0:
            raise ValidationError({key: _("ค่านี้ต้องไม่ติดลบ")})
        if current[key] == value:
            continue
        changed_params[key] = f"{current[key]} → {value}"
        if value == parameters.BY_KEY[key].default:
            ProcurementParameter.objects.filter(agency=agency, key=key).delete()
        else:
            ProcurementParameter.objects.update_or_create(agency=agency, key=key, defaults={"value": value})
    if changed or changed_params:
        audit_record(
            agency=agency,
            actor=acting_user,
            action="procurement.settings.updated",
            obj=profile,
            data={"profile": sorted(changed), "parameters": changed_params},
        )
    return profile
