"""Retention of the assets app's personal data (called daily by ``manage.py purge_personal_data``)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.assets.models import Loan
from prongsai.core.personal_data import LOAN_CONTACT_RETENTION_DAYS

CLOSED = (Loan.Status.RETURNED, Loan.Status.REJECTED, Loan.Status.CANCELLED)


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Blank borrowers' telephone and e-mail a year after their loan was closed (returned, refused or
    withdrawn). The name stays: the loan register is the agency's record of who used its property."""
    cutoff = timezone.now() - timedelta(days=LOAN_CONTACT_RETENTION_DAYS)
    with scopes_disabled():
        blanked = (
            Loan.objects.filter(status__in=CLOSED, updated_at__lt=cutoff)
            .exclude(Q(borrower_phone="") & Q(borrower_email=""))
            .update(borrower_phone="", borrower_email="", updated_at=timezone.now())
        )
    return {"contact details of borrowers": blanked}
