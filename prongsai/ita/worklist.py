"""OIT items not yet ready before the ITAS answer date, on the staff home of those who run the ITA."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.thai import fiscal_year, format_date
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.ita import selectors
from prongsai.ita.readiness_store import current_readiness


def items_missing(ctx: WorkContext) -> list[WorkItem]:
    if Cap.ITA_MANAGE not in ctx.caps:
        return []
    year = fiscal_year(ctx.today)
    answer = selectors.answer_date_for(ctx.agency, year)
    if answer < ctx.today:
        return []  # the year's answers are in; what is missing now no longer counts for this year
    # The stored result the readiness page it links to shows (ADR 0091): computed again only when the
    # agency's evidence changed, not on every visit to the staff home.
    checked = current_readiness(ctx.agency, year)
    if checked is None:
        return []
    state = checked.state
    missing = sum(1 for item in state.items if not item.ready)
    return [
        WorkItem(
            _("การประเมิน ITA"),
            _("ข้อ OIT ปี %(year)s ที่ยังไม่พร้อม ก่อนวันตอบแบบ %(date)s")
            % {"year": year, "date": format_date(answer)},
            missing,
            reverse("ita:staff_readiness", args=[year]),
            urgent=missing > 0 and (answer - ctx.today).days <= 30,
        )
    ]


WORKLIST = [items_missing]
