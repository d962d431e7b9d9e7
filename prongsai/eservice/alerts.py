"""The E-Service queue's alerts for staff (``core.staff_alerts``): open requests due within a working day and
overdue (the current step's or the whole request's deadline), counted for the assignee, or for every handler
while nobody has been given the request."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency
from prongsai.core.roles import Cap
from prongsai.core.selectors import members_with
from prongsai.core.staff_alerts import Due, Queue, add
from prongsai.core.workdays import add_working_days
from prongsai.eservice.models import RequestStatus, ServiceRequest


def count(agency: Agency, now: datetime) -> dict[int, Due]:
    soon = add_working_days(agency, now, 1)
    handlers = list(members_with(agency, Cap.ESERVICE_HANDLE).values_list("pk", flat=True))
    counts: dict[int, Due] = {}
    # Waiting for the applicant's documents stops the clock, so those requests are neither soon nor late.
    running = ServiceRequest.objects.filter(
        agency=agency, status__in=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS]
    ).select_related("current_step")
    for request in running:
        deadlines = [
            d for d in (request.current_step.due_at if request.current_step else None, request.due_at) if d
        ]
        if not deadlines:
            continue
        first = min(deadlines)
        people = [request.assigned_to_id] if request.assigned_to_id else handlers
        if first < now:
            add(counts, people, overdue=1)
        elif first <= soon:
            add(counts, people, due_soon=1)
    return counts


QUEUES = {"eservice": Queue(label=_("คำขอรับบริการ (E-Service)"), count=count)}
