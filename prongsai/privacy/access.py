"""Guarded accessors of data subjects' requests: the same 404 for "missing" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.models import Agency
from prongsai.core.tracking import normalise_tracking_code

from .models import SubjectRequest


def get_request_by_code(agency: Agency, code: str) -> SubjectRequest:
    normalised = normalise_tracking_code(code)
    item = (
        SubjectRequest.objects.filter(agency=agency, tracking_code=normalised).first() if normalised else None
    )
    if item is None:
        raise Http404
    return item


def get_request_for_staff(agency: Agency, pk: int) -> SubjectRequest:
    item = SubjectRequest.objects.filter(agency=agency, pk=pk).select_related("handled_by").first()
    if item is None:
        raise Http404
    return item
