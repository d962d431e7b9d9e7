"""The Q&A board answers for its tracking codes in the one tracking box (``core.trackers``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.trackers import Tracked

from .access import find_question_by_code


def find(agency: Agency, code: str) -> Tracked | None:
    question = find_question_by_code(agency, code)
    if question is None:
        return None
    return Tracked(
        kind="question",
        tracking_code=question.tracking_code,
        label=_("คำถามในกระดานถาม-ตอบ"),
        status=str(question.get_status_display()),
        url=agency_url(agency, reverse("engagement:question_track_code", args=[question.display_code])),
    )


# Found by the tracking box only: a change of a question's status is not sent on LINE.
BOX_TRACKERS = {"question": find}
