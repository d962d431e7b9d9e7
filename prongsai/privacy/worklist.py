"""Data subjects' requests on the staff home: open and past the legal limit (see core.worklist)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.privacy import selectors


def requests_waiting(ctx: WorkContext) -> list[WorkItem]:
    if Cap.PRIVACY_HANDLE not in ctx.caps:
        return []
    group = _("คำขอใช้สิทธิตาม PDPA")
    rows = selectors.queue(ctx.agency, today=ctx.today)
    # The queue page lists exactly the open requests, the late ones marked and first by due date.
    url = reverse("privacy:staff_queue")
    return [
        WorkItem(group, _("คำขอเกินกำหนด 30 วัน"), sum(1 for r in rows if r.overdue), url, urgent=True),
        WorkItem(group, _("คำขอที่ยังไม่ปิด"), len(rows), url),
    ]


WORKLIST = [requests_waiting]
