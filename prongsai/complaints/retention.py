"""Retention of the complaint channel's personal data (called daily by ``manage.py purge_personal_data``)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.complaints.models import Complaint
from prongsai.core.personal_data import COMPLAINT_CONTACT_RETENTION_DAYS


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Blank the complainants' contact details a year after their complaint was closed.

    The matter itself stays as the agency's record; statistics never needed the contact.
    """
    cutoff = timezone.now() - timedelta(days=COMPLAINT_CONTACT_RETENTION_DAYS)
    with scopes_disabled():
        # A bulk update of contact fields only; the protected status is not touched.
        blanked = (
            Complaint.objects.filter(status__in=Complaint.CLOSED, closed_at__lt=cutoff)
            .exclude(Q(contact_name="") & Q(contact_phone="") & Q(contact_email=""))
            .update(contact_name="", contact_phone="", contact_email="", updated_at=timezone.now())
        )
    return {"contact details of complainants": blanked}
