"""The E-Service queue on the staff home: new, overdue and assigned requests (see core.worklist)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.eservice import selectors


def _queue(**params: str) -> str:
    return f"{reverse('eservice:staff_queue')}?{urlencode(params)}"


def requests_waiting(ctx: WorkContext) -> list[WorkItem]:
    if Cap.ESERVICE_HANDLE not in ctx.caps:
        return []
    group = _("คำขอรับบริการ (E-Service)")
    # Each count is the queue's own selector with the filter its link applies, so the two always agree.
    items = [
        WorkItem(
            group,
            _("คำขอเลยกำหนดเวลา"),
            selectors.staff_queue(ctx.agency, state="overdue").count(),
            _queue(state="overdue"),
            urgent=True,
        ),
        WorkItem(
            group,
            _("คำขอใหม่ ยังไม่เริ่มดำเนินการ"),
            selectors.staff_queue(ctx.agency, state="new").count(),
            _queue(state="new"),
        ),
    ]
    if ctx.user.is_authenticated:
        items.append(
            WorkItem(
                group,
                _("คำขอที่ท่านได้รับมอบหมาย"),
                selectors.staff_queue(ctx.agency, state="open", assignee=ctx.user).count(),  # type: ignore[arg-type]
                _queue(state="open", mine="on"),
            )
        )
    return items


WORKLIST = [requests_waiting]
