"""The custodian's decisions on the staff home: requests to open a reporter's identity (core.worklist).

Only a count of pending requests is shown, which the custodian's own page shows too; nothing of a report."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.whistleblower import selectors


def identity_requests(ctx: WorkContext) -> list[WorkItem]:
    if Cap.WHISTLEBLOWER_CUSTODIAN not in ctx.caps:
        return []
    return [
        WorkItem(
            _("ช่องทางแจ้งเบาะแส"),
            _("คำขอเปิดเผยตัวตนผู้แจ้งรอพิจารณา"),
            selectors.pending_identity_requests(ctx.agency).count(),
            reverse("whistleblower:staff_home"),
        )
    ]


WORKLIST = [identity_requests]
