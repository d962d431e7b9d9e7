"""Guarded accessors of the integrity app: the same 404 for "missing", "not public" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency, Attachment, PublicationStatus, User
from prongsai.integrity.models import (
    CultureActivity,
    GiftEntry,
    GiftReport,
    NoGiftDeclaration,
    RiskAssessment,
    RiskEvent,
    RiskMeasure,
)

PUBLISHED = PublicationStatus.PUBLISHED


def get_public_declaration(agency: Agency, public_id: str) -> NoGiftDeclaration:
    found = NoGiftDeclaration.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found


def get_public_activity(agency: Agency, public_id: str) -> CultureActivity:
    found = CultureActivity.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found


def get_public_photo(activity: CultureActivity, public_id: str) -> Attachment:
    """A photo is public only while a published activity carries it."""
    found = activity.photos.filter(agency=activity.agency, public_id=parse_public_id(public_id)).first()
    if found is None or not found.is_image:
        raise Http404
    return found


def get_public_gift_report(agency: Agency, public_id: str) -> GiftReport:
    found = GiftReport.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found


def get_public_assessment(agency: Agency, public_id: str) -> RiskAssessment:
    found = RiskAssessment.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found


def get_declaration_for_staff(agency: Agency, pk: int) -> NoGiftDeclaration:
    found = NoGiftDeclaration.objects.filter(agency=agency, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_activity_for_staff(agency: Agency, pk: int) -> CultureActivity:
    found = CultureActivity.objects.filter(agency=agency, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_gift_for_staff(agency: Agency, pk: int, *, user: User, sees_register: bool) -> GiftEntry:
    """A member reads the entries they recorded; the head and the auditor read every entry."""
    rows = GiftEntry.objects.filter(agency=agency, pk=pk)
    if not sees_register:
        rows = rows.filter(recorded_by=user)
    found = rows.first()
    if found is None:
        raise Http404
    return found


def get_gift_report_for_staff(agency: Agency, pk: int) -> GiftReport:
    found = GiftReport.objects.filter(agency=agency, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_assessment_for_staff(agency: Agency, pk: int) -> RiskAssessment:
    found = RiskAssessment.objects.filter(agency=agency, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_event_for_staff(assessment: RiskAssessment, pk: int) -> RiskEvent:
    found = RiskEvent.objects.filter(agency=assessment.agency, assessment=assessment, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_measure_for_staff(assessment: RiskAssessment, pk: int) -> RiskMeasure:
    found = (
        RiskMeasure.objects.filter(agency=assessment.agency, event__assessment=assessment, pk=pk)
        .select_related("event")
        .first()
    )
    if found is None:
        raise Http404
    return found
