"""Loans on the staff home: requests to approve and items not returned on time (see core.worklist)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.assets import selectors
from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem


def loans_waiting(ctx: WorkContext) -> list[WorkItem]:
    approves = bool({Cap.ASSETS_APPROVE_PREMISES, Cap.ASSETS_APPROVE_OUTSIDE} & ctx.caps)
    keeps = Cap.ASSETS_EDIT in ctx.caps
    if not (approves or keeps):
        return []
    group = _("การยืมทรัพย์สินของราชการ")
    base = reverse("assets:staff_loans")
    counts = selectors.loan_counts(ctx.agency, ctx.today)
    items = []
    if approves:
        items.append(
            WorkItem(group, _("คำขอยืมรออนุมัติ"), counts["waiting"], f"{base}?{urlencode({'view': 'waiting'})}")
        )
    if keeps:
        items.append(
            WorkItem(
                group,
                _("ยืมเกินกำหนดส่งคืน"),
                counts["overdue"],
                f"{base}?{urlencode({'view': 'overdue'})}",
                urgent=True,
            )
        )
    return items


WORKLIST = [loans_waiting]
