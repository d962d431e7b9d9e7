"""Guarded accessors: the only way views reach procurement objects. "Missing", "another agency's" and
"not published" all give the same 404."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency, Attachment, PublicationStatus

from .models import (
    Announcement,
    Bidder,
    ImportBatch,
    PlanItem,
    Procurement,
    ProcurementPlan,
)
from .selectors import procurement_for_detail


def get_public_procurement(agency: Agency, public_id: str) -> Procurement:
    row = procurement_for_detail(
        Procurement.objects.filter(
            agency=agency, public_id=parse_public_id(public_id), status=PublicationStatus.PUBLISHED
        )
    ).first()
    if row is None:
        raise Http404
    return row


def get_public_procurement_by_ocid(agency: Agency, ocid_local: str) -> Procurement:
    row = Procurement.objects.filter(
        agency=agency, ocid_local=ocid_local, status=PublicationStatus.PUBLISHED
    ).first()
    if row is None:
        raise Http404
    return row


def get_public_announcement(agency: Agency, public_id: str) -> Announcement:
    item = (
        Announcement.objects.filter(
            agency=agency, public_id=parse_public_id(public_id), status=PublicationStatus.PUBLISHED
        )
        .select_related("procurement")
        .prefetch_related("attachments")
        .first()
    )
    if item is None:
        raise Http404
    return item


def get_public_file(agency: Agency, public_id: str) -> Attachment:
    """A document is public only while a published announcement carries it."""
    attachment = Attachment.objects.filter(agency=agency, public_id=parse_public_id(public_id)).first()
    if attachment is None:
        raise Http404
    carried = Announcement.objects.filter(
        agency=agency, status=PublicationStatus.PUBLISHED, attachments=attachment
    ).exists()
    if not carried:
        raise Http404
    return attachment


def get_procurement_for_staff(agency: Agency, pk: int) -> Procurement:
    row = procurement_for_detail(Procurement.objects.filter(agency=agency, pk=pk)).first()
    if row is None:
        raise Http404
    return row


def get_bidder_for_staff(agency: Agency, procurement: Procurement, pk: int) -> Bidder:
    bidder = (
        Bidder.objects.filter(agency=agency, procurement=procurement, pk=pk)
        .select_related("procurement")
        .first()
    )
    if bidder is None:
        raise Http404
    return bidder


def get_plan_for_staff(agency: Agency, pk: int) -> ProcurementPlan:
    plan = ProcurementPlan.objects.filter(agency=agency, pk=pk).prefetch_related("items").first()
    if plan is None:
        raise Http404
    return plan


def get_plan_item_for_staff(agency: Agency, plan: ProcurementPlan, pk: int) -> PlanItem:
    item = PlanItem.objects.filter(agency=agency, plan=plan, pk=pk).first()
    if item is None:
        raise Http404
    return item


def get_announcement_for_staff(agency: Agency, pk: int) -> Announcement:
    item = Announcement.objects.filter(agency=agency, pk=pk).prefetch_related("attachments").first()
    if item is None:
        raise Http404
    return item


def get_batch_for_staff(agency: Agency, pk: int) -> ImportBatch:
    batch = (
        ImportBatch.objects.filter(agency=agency, pk=pk).select_related("uploaded_by", "committed_by").first()
    )
    if batch is None:
        raise Http404
    return batch
