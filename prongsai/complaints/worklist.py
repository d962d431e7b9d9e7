"""General complaints on the staff home: new, overdue and disputed (see core.worklist)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.complaints import selectors
from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem


def complaints_waiting(ctx: WorkContext) -> list[WorkItem]:
    if Cap.COMPLAINTS_HANDLE not in ctx.caps:
        return []
    group = _("เรื่องร้องเรียนทั่วไป")
    base = reverse("complaints:staff_list")
    # Counted with the queue's own selector and the filter its link applies.
    rows = [
        ("overdue", _("เรื่องเกินกำหนด"), True),
        ("new", _("เรื่องใหม่ รอตอบรับ"), False),
        ("disputed", _("เรื่องที่ผู้ร้องโต้แย้งผล"), False),
    ]
    return [
        WorkItem(
            group,
            label,
            selectors.complaints_for_staff(ctx.agency, view=view).count(),
            f"{base}?{urlencode({'view': view})}",
            urgent=urgent,
        )
        for view, label, urgent in rows
    ]


WORKLIST = [complaints_waiting]
