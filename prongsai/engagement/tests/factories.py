"""Builders of the engagement tests: questions on the Q&A board and participation records.

Plain functions through the services (moderation, audit and search indexing happen as in the product);
the caller is inside the agency's scope.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from prongsai.core.models import Agency, User
from prongsai.engagement import services
from prongsai.engagement.models import ParticipationActivity, Question

# A village forum of November 2023 (FY2567) with the four OIT elements.
FORUM: dict[str, Any] = dict(
    title="ประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น หมู่ที่ 1–4",
    kind=ParticipationActivity.Kind.VILLAGE_FORUM,
    stage=ParticipationActivity.Stage.PLAN,
    activity_date=date(2023, 11, 14),
    location="ศาลาประชาคมหมู่ที่ 1",
    description="รับฟังปัญหาและความต้องการของประชาชน",
    participant_groups=[{"group": "ประชาชนทั่วไป", "count": 86}, {"group": "ผู้นำชุมชน", "count": 8}],
    results="ได้โครงการที่ประชาชนเสนอ 27 โครงการ",
    use_of_results="บรรจุโครงการลำดับ 1–3 ในแผนพัฒนาท้องถิ่นเพิ่มเติม",
)


def question(agency: Agency, **overrides: Any) -> Question:
    """A question asked on the board, waiting for moderation."""
    fields: dict[str, Any] = {
        "idempotency_key": uuid.uuid4(),
        "title": "ขั้นตอนการขอใบอนุญาตก่อสร้างบ้าน",
        "body": "จะสร้างบ้านชั้นเดียวที่หมู่ 4 ต้องใช้เอกสารอะไรบ้างครับ",
    }
    fields.update(overrides)
    asked, _created = services.question_submit(agency=agency, **fields)
    return asked


def answered_question(
    agency: Agency, user: User, *, answer: str = "ยื่นคำขอที่กองช่าง", **overrides: Any
) -> Question:
    """A question answered (and so published) by ``user``."""
    return services.question_answer(question=question(agency, **overrides), acting_user=user, answer=answer)


def participation(agency: Agency, user: User, **overrides: Any) -> ParticipationActivity:
    """A draft participation record, by default the village forum ``FORUM``."""
    return services.participation_create_draft(agency=agency, acting_user=user, **{**FORUM, **overrides})
