"""Gifts above the threshold awaiting the head of the agency's decision, on the staff home (core.worklist)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.integrity import selectors


def gifts_to_decide(ctx: WorkContext) -> list[WorkItem]:
    if Cap.GIFT_DECIDE not in ctx.caps:
        return []
    return [
        WorkItem(
            _("No Gift Policy"),
            _("ของขวัญรอหัวหน้าหน่วยงานวินิจฉัย"),
            selectors.awaiting_decision(ctx.agency).count(),
            reverse("integrity:staff_home"),
        )
    ]


WORKLIST = [gifts_to_decide]
