"""Builders of the privacy tests, through the services."""

from __future__ import annotations

import uuid
from typing import Any

from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.privacy import services
from prongsai.privacy.models import SubjectRequest


def subject_request(agency: Agency, **fields: Any) -> SubjectRequest:
    values: dict[str, Any] = {
        "agency": agency,
        "idempotency_key": uuid.uuid4(),
        "kind": "access",
        "requester_name": "สมหญิง ใจดี",
        "requester_email": "somying@example.com",
    }
    values.update(fields)
    with agency_scope(agency):
        item, _created = services.subject_request_submit(**values)
    return item
