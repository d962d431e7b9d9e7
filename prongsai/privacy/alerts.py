"""The PDPA queue's alerts for staff (``core.staff_alerts``): data subjects' requests within a week of the
30-day legal limit, and past it, counted for every member who handles them."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency
from prongsai.core.roles import Cap
from prongsai.core.selectors import members_with
from prongsai.core.staff_alerts import Due, Queue, add
from prongsai.core.thai import BANGKOK
from prongsai.privacy import selectors


def count(agency: Agency, now: datetime) -> dict[int, Due]:
    handlers = list(members_with(agency, Cap.PRIVACY_HANDLE).values_list("pk", flat=True))
    counts: dict[int, Due] = {}
    for row in selectors.queue(agency, today=now.astimezone(BANGKOK).date()):
        if row.overdue:
            add(counts, handlers, overdue=1)
        elif row.due_soon:
            add(counts, handlers, due_soon=1)
    return counts


QUEUES = {"privacy": Queue(label=_("คำขอใช้สิทธิตาม PDPA"), count=count)}
