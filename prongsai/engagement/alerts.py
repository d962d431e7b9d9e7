"""The questions queue's alerts for staff (``core.staff_alerts``).

No law sets a time to answer a question on the agency's board, so the platform holds a service standard: a
question is answered (or, while still awaiting moderation, dealt with) within ``ANSWER_WORKING_DAYS``
working days of being asked, the default resolution time of a complaint category (15 working days). It is
due soon in the last ``DUE_SOON_WORKING_DAYS`` of them. Counted for every member who answers questions.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency
from prongsai.core.roles import Cap
from prongsai.core.selectors import members_with
from prongsai.core.staff_alerts import Due, Queue, add
from prongsai.core.workdays import WorkCalendar, add_working_days
from prongsai.engagement.models import Question

ANSWER_WORKING_DAYS = 15
DUE_SOON_WORKING_DAYS = 2


def count(agency: Agency, now: datetime) -> dict[int, Due]:
    answerers = list(members_with(agency, Cap.QA_ANSWER).values_list("pk", flat=True))
    calendar = WorkCalendar(agency)
    soon = add_working_days(agency, now, DUE_SOON_WORKING_DAYS, calendar=calendar)
    counts: dict[int, Due] = {}
    waiting = Question.objects.filter(
        agency=agency, status__in=[Question.Status.PENDING, Question.Status.PUBLISHED]
    ).only("created_at")
    for question in waiting:
        due = add_working_days(agency, question.created_at, ANSWER_WORKING_DAYS, calendar=calendar)
        if due < now:
            add(counts, answerers, overdue=1)
        elif due <= soon:
            add(counts, answerers, due_soon=1)
    return counts


QUEUES = {"questions": Queue(label=_("คำถามจากประชาชน"), count=count)}
