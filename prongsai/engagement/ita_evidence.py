"""What the Q&A board and the participation records publish for the OIT (Q&A in FY2566, participation every
year). Collected by the ita app through ``PROVIDERS`` (see ``prongsai/ita/providers.py``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.engagement import selectors


def qa_channel(agency: Agency, fiscal_year: int) -> dict[str, Any]:
    # The board is two-way by construction (anyone asks, staff answer in public); the count of answered
    # questions is what an assessor looks for next, so it is given as a note.
    answered = selectors.public_questions(agency, answered_only=True).count()
    return {
        "urls": [reverse("engagement:qa_board")],
        "checks": {"exists": True},
        "notes": [_("คำถามที่ตอบแล้วและเผยแพร่ %(count)s เรื่อง") % {"count": answered}],
    }


def participation(agency: Agency, fiscal_year: int) -> dict[str, Any] | None:
    activities = selectors.oit_participation(agency, fiscal_year)
    if not activities:
        return None
    # An element is shown when at least one published activity of the year shows it; the item as a whole
    # needs all four, which the readiness check combines.
    return {
        "urls": [
            f"{reverse('engagement:participation_list')}?year={fiscal_year}",
            *(a.url for a in activities),
        ],
        "checks": {
            "topic": any(a.title.strip() for a in activities),
            "participants": any(a.participant_total > 0 and a.participant_groups for a in activities),
            "outcome": any(a.results.strip() for a in activities),
            "use": any(a.use_of_results.strip() for a in activities),
        },
        "dates": [a.activity_date for a in activities],
    }


PROVIDERS = {"qa_channel": qa_channel, "participation": participation}
