"""Retention of the Q&A board's personal data (called daily by ``manage.py purge_personal_data``)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.personal_data import QUESTION_EMAIL_RETENTION_DAYS
from prongsai.engagement.models import Question


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Blank the askers' e-mail addresses once the question has been answered or refused long enough ago."""
    cutoff = timezone.now() - timedelta(days=QUESTION_EMAIL_RETENTION_DAYS)
    with scopes_disabled():
        blanked = (
            Question.objects.exclude(asker_email="")
            .filter(Q(answered_at__lt=cutoff) | Q(rejected_at__lt=cutoff))
            .update(asker_email="", updated_at=timezone.now())
        )
    return {"e-mail addresses of askers": blanked}
