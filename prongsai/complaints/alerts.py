"""The complaints queue's alerts for staff (``core.staff_alerts``): complaints whose acknowledgement or
resolution is due within a working day or overdue, counted for every member who handles complaints."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from prongsai.complaints.models import Complaint
from prongsai.core.models import Agency
from prongsai.core.roles import Cap
from prongsai.core.selectors import members_with
from prongsai.core.staff_alerts import Due, Queue, add
from prongsai.core.workdays import add_working_days


def count(agency: Agency, now: datetime) -> dict[int, Due]:
    soon = add_working_days(agency, now, 1)
    handlers = list(members_with(agency, Cap.COMPLAINTS_HANDLE).values_list("pk", flat=True))
    counts: dict[int, Due] = {}
    for complaint in Complaint.objects.filter(agency=agency, status__in=Complaint.OPEN).only(
        "status", "ack_due", "resolve_due"
    ):
        # Before it is acknowledged the acknowledgement is the deadline that comes first.
        due = complaint.ack_due if complaint.status == Complaint.Status.RECEIVED else complaint.resolve_due
        if due < now:
            add(counts, handlers, overdue=1)
        elif due <= soon:
            add(counts, handlers, due_soon=1)
    return counts


QUEUES = {"complaints": Queue(label=_("เรื่องร้องเรียน"), count=count)}
