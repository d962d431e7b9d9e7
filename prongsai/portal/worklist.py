"""Drafts of news and information pages on the staff home, for those who publish (see core.worklist)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import PublicationStatus
from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.portal import selectors


def drafts_to_publish(ctx: WorkContext) -> list[WorkItem]:
    if Cap.CONTENT_PUBLISH not in ctx.caps:
        return []
    group = _("เว็บไซต์ของหน่วยงาน")
    query = urlencode({"state": PublicationStatus.DRAFT})
    return [
        WorkItem(
            group,
            _("ข่าวฉบับร่างรอเผยแพร่"),
            selectors.news_for_staff(ctx.agency, state=PublicationStatus.DRAFT).count(),
            f"{reverse('portal:staff_news')}?{query}",
        ),
        WorkItem(
            group,
            _("หน้าข้อมูลฉบับร่างรอเผยแพร่"),
            selectors.pages_for_staff(ctx.agency, state=PublicationStatus.DRAFT).count(),
            f"{reverse('portal:staff_pages')}?{query}",
        ),
    ]


WORKLIST = [drafts_to_publish]
