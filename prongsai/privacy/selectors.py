"""Reads of data subjects' requests: the staff queue with its legal time limit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from prongsai.core.models import Agency

from .models import RequestStatus, SubjectRequest

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class QueueRow:
    item: SubjectRequest
    days_left: int | None  # None once closed

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def due_soon(self) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= DUE_SOON_DAYS


def queue(agency: Agency, *, today: date, open_only: bool = True) -> list[QueueRow]:
    qs: QuerySet[SubjectRequest] = SubjectRequest.objects.filter(agency=agency)
    if open_only:
        qs = qs.filter(status__in=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS])
    rows = []
    for item in qs.order_by("due_on", "received_at"):
        rows.append(QueueRow(item=item, days_left=(item.due_on - today).days if item.is_open else None))
    return rows


def closed_recently(agency: Agency, *, limit: int = 20) -> QuerySet[SubjectRequest]:
    return (
        SubjectRequest.objects.filter(agency=agency)
        .exclude(status__in=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS])
        .order_by("-closed_at")[:limit]
    )


def request_by_idempotency_key(agency: Agency, key: uuid.UUID) -> SubjectRequest | None:
    """The request already made from this form (a resubmission sees its tracking page, not a copy)."""
    return SubjectRequest.objects.filter(agency=agency, idempotency_key=key).first()
