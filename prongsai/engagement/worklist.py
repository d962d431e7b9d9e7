"""The Q&A board on the staff home: questions to check before publication and questions to answer."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.roles import Cap
from prongsai.core.worklist import WorkContext, WorkItem
from prongsai.engagement import selectors
from prongsai.engagement.models import Question


def questions_waiting(ctx: WorkContext) -> list[WorkItem]:
    if Cap.QA_ANSWER not in ctx.caps:
        return []
    group = _("กระดานถาม-ตอบ")
    base = reverse("engagement:staff_questions")
    return [
        WorkItem(
            group,
            _("คำถามรอตรวจสอบก่อนเผยแพร่"),
            selectors.pending_question_count(ctx.agency),
            f"{base}?{urlencode({'status': Question.Status.PENDING})}",
        ),
        WorkItem(
            group,
            _("คำถามที่เผยแพร่แล้ว รอคำตอบ"),
            selectors.unanswered_question_count(ctx.agency),
            f"{base}?{urlencode({'status': Question.Status.PUBLISHED})}",
        ),
    ]


WORKLIST = [questions_waiting]
