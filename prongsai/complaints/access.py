"""Guarded accessors of the complaint channel: the same 404 for "missing" and "not yours".

The public reaches a complaint only through its unguessable tracking code; staff reach it by id, and only
within their own agency.
"""

from __future__ import annotations

from django.http import Http404

from prongsai.complaints.models import Complaint, ComplaintCategory, ComplaintFile
from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency
from prongsai.core.tracking import normalise_tracking_code


def find_complaint_by_code(agency: Agency, code: str) -> Complaint | None:
    """The complaint a tracking code belongs to (a moved one is its tombstone); None when there is none."""
    normalised = normalise_tracking_code(code)
    if not normalised:
        return None
    return (
        Complaint.objects.filter(agency=agency, tracking_code=normalised).select_related("category").first()
    )


def get_complaint_by_code(agency: Agency, code: str) -> Complaint:
    complaint = find_complaint_by_code(agency, code)
    if complaint is None:
        raise Http404
    return complaint


def get_public_complaint_file(agency: Agency, code: str, file_id: str) -> ComplaintFile:
    """A file of the complaint behind ``code``: whoever holds the tracking code may see its photos."""
    complaint = get_complaint_by_code(agency, code)
    item = ComplaintFile.objects.filter(
        agency=agency, complaint=complaint, public_id=parse_public_id(file_id)
    ).first()
    if item is None:
        raise Http404
    return item


def get_complaint_for_staff(agency: Agency, pk: int) -> Complaint:
    complaint = Complaint.objects.filter(agency=agency, pk=pk).select_related("category", "unit").first()
    if complaint is None:
        raise Http404
    return complaint


def get_staff_complaint_file(agency: Agency, pk: int, file_id: str) -> ComplaintFile:
    item = ComplaintFile.objects.filter(
        agency=agency, complaint_id=pk, public_id=parse_public_id(file_id)
    ).first()
    if item is None:
        raise Http404
    return item


def get_category_for_staff(agency: Agency, pk: int) -> ComplaintCategory:
    category = ComplaintCategory.objects.filter(agency=agency, pk=pk).first()
    if category is None:
        raise Http404
    return category
