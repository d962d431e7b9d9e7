"""Guarded accessors of the E-Service app: the same 404 for "missing", "not published" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.tracking import normalise_tracking_code

from .models import RequestFile, Service, ServiceRequest


def get_public_service(agency: Agency, code: str) -> Service:
    """A published service of ``agency`` by its code, with what its manual page shows."""
    service = (
        Service.objects.filter(agency=agency, code=code, status=PublicationStatus.PUBLISHED)
        .select_related("owner_unit")
        .prefetch_related("steps__responsible_unit", "documents", "sample_forms")
        .first()
    )
    if service is None:
        raise Http404
    return service


def get_request_by_tracking_code(agency: Agency, code: str) -> ServiceRequest:
    """The request a tracking code names. The code is the citizen's bearer secret: whoever holds it sees the
    public tracking page and may answer the survey, nothing personal."""
    normalised = normalise_tracking_code(code)
    request = (
        ServiceRequest.objects.filter(agency=agency, tracking_code=normalised)
        .select_related("service", "service__owner_unit", "current_step")
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_request_for_staff(agency: Agency, pk: int) -> ServiceRequest:
    request = (
        ServiceRequest.objects.filter(agency=agency, pk=pk)
        .select_related("service", "assigned_to", "queue_unit", "current_step", "recorded_by")
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_request_file_for_staff(agency: Agency, pk: int) -> RequestFile:
    stored = RequestFile.objects.filter(agency=agency, pk=pk).select_related("request").first()
    if stored is None:
        raise Http404
    return stored


def get_service_for_staff(agency: Agency, pk: int) -> Service:
    service = Service.objects.filter(agency=agency, pk=pk).first()
    if service is None:
        raise Http404
    return service


def get_request_by_public_reference(agency: Agency, reference: str) -> ServiceRequest:
    """A request by its tracking code or by its public reference (the UUID Open311 lists show).

    Both lead only to what the public tracking page shows; the tracking code alone also opens the survey.
    """
    import uuid

    try:
        public_id = uuid.UUID(reference)
    except ValueError:
        return get_request_by_tracking_code(agency, reference)
    request = (
        ServiceRequest.objects.filter(agency=agency, public_id=public_id)
        .select_related("service", "service__owner_unit", "current_step")
        .first()
    )
    if request is None:
        raise Http404
    return request
