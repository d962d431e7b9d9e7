"""What the complaint channel holds about a requester (PDPA access requests, ``core.subject_data``)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.subject_data import Holding, SubjectQuery, inventoried_fields

from .models import Complaint


def find(agency: Agency, query: SubjectQuery) -> list[Holding]:
    match = Q(tracking_code__in=query.codes)
    if query.email:
        match |= Q(contact_email__iexact=query.email)
    if query.phone:
        match |= Q(contact_phone=query.phone)
    complaints = (
        Complaint.objects.filter(agency=agency)
        .filter(match)
        .exclude(status=Complaint.Status.MOVED)
        .order_by("received_at")
    )
    return [
        Holding(
            source=_("เรื่องร้องเรียน %(code)s") % {"code": c.display_code},
            fields=inventoried_fields(c, extra=("received_at", "status", "subject")),
        )
        for c in complaints
    ]


FINDERS = [find]
