"""Retention of data subjects' requests: deleted 1 year after they were closed (core.personal_data)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from .models import RequestStatus, SubjectRequest

RETENTION_DAYS = 365


def purge_expired_personal_data() -> dict[str, int]:
    cutoff = timezone.now() - timedelta(days=RETENTION_DAYS)
    with scopes_disabled():
        deleted, _per_model = SubjectRequest.objects.filter(
            status__in=[RequestStatus.COMPLETED, RequestStatus.REFUSED], closed_at__lt=cutoff
        ).delete()
    return {"data subject requests": deleted}
