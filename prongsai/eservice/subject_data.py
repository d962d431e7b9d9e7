"""What the E-Service holds about a requester (PDPA access requests, ``core.subject_data``)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.subject_data import Holding, SubjectQuery, inventoried_fields

from .models import ServiceRequest


def find(agency: Agency, query: SubjectQuery) -> list[Holding]:
    match = Q(tracking_code__in=query.codes)
    if query.email:
        match |= Q(applicant_email__iexact=query.email)
    if query.phone:
        match |= Q(applicant_phone=query.phone)
    requests = (
        ServiceRequest.objects.filter(agency=agency)
        .filter(match)
        .select_related("service")
        .order_by("received_at")
    )
    return [
        Holding(
            source=_("คำขอ “%(service)s” %(code)s") % {"service": r.service.name_th, "code": r.display_code},
            fields=inventoried_fields(r, extra=("received_at", "status")),
        )
        for r in requests
    ]


FINDERS = [find]
