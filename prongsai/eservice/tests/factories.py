"""Builders of the E-Service tests: the demo service catalogue and requests submitted through the service.

Plain functions taking the owners first and keyword overrides; the caller is inside the agency's scope.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from prongsai.core.models import Agency, User
from prongsai.eservice import services
from prongsai.eservice.demo_catalogue import create_catalogue
from prongsai.eservice.models import Channel, Service

# The answers each demo service's form needs (other services need none).
ANSWERS: dict[str, dict[str, str]] = {
    "elderly-allowance": {
        "citizen_id": "1360400012346",
        "birth_date": "1964-05-01",
        "home_address": "12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
        "payment": "bank",
    },
    "official-information": {"subject": "ขอสำเนาข้อบัญญัติงบประมาณ", "delivery": "email"},
}


def catalogue(agency: Agency, user: User, *codes: str) -> dict[str, Service]:
    """Services of the demo catalogue (all of them when no code is given), by code."""
    return create_catalogue(agency, user, only=set(codes) or None)


def service_request(
    agency: Agency,
    service: Service,
    *,
    channel: str = Channel.ESERVICE,
    key: uuid.UUID | None = None,
    acting_user: User | None = None,
    at: datetime | None = None,
    email: str = "",
    files: Iterable[services.IncomingFile] = (),
    **answers: Any,
) -> services.Submission:
    """A request submitted online by นายสมชาย ใจดี (or at the counter with ``channel`` and ``acting_user``)."""
    return services.request_submit(
        agency=agency,
        service=service,
        channel=channel,
        applicant=services.Applicant(name="นายสมชาย ใจดี", phone="081-234-5678", email=email),
        answers={**ANSWERS.get(service.code, {}), **answers},
        files=list(files),
        idempotency_key=key or uuid.uuid4(),
        acting_user=acting_user,
        at=at,
    )
