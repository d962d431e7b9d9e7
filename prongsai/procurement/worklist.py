"""Register drafts on the staff home, for those who publish procurement (see core.worklist)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import PublicationStatus
from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.procurement import selectors


def drafts_to_publish(ctx: WorkContext) -> list[WorkItem]:
    # The drafts are published from the register page, which every role that publishes can open (an
    # executive reads it without editing it).
    if not {Cap.PROCUREMENT_PUBLISH, Cap.PROCUREMENT_VIEW} <= ctx.caps:
        return []
    group = _("จัดซื้อจัดจ้าง")
    base = reverse("procurement:staff_register")
    drafts = selectors.drafts_by_year(ctx.agency)
    if not drafts:
        return [WorkItem(group, _("รายการจัดซื้อจัดจ้างฉบับร่างรอเผยแพร่"), 0, base)]
    return [
        WorkItem(
            group,
            _("รายการจัดซื้อจัดจ้างฉบับร่างรอเผยแพร่ ปีงบประมาณ %(year)s") % {"year": year},
            count,
            f"{base}?{urlencode({'fy': year, 'state': PublicationStatus.DRAFT})}",
        )
        for year, count in drafts
    ]


WORKLIST = [drafts_to_publish]
