"""Retention of the people app's personal data (called daily by ``manage.py purge_personal_data``)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.models import Attachment
from prongsai.core.personal_data import (
    ACKNOWLEDGEMENT_RETENTION_YEARS,
    CERTIFICATE_RETENTION_YEARS,
    TRAINING_RETENTION_YEARS,
)
from prongsai.core.thai import fiscal_year
from prongsai.people.models import Acknowledgement, Attendance


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Delete certificates, training records and acknowledgements whose fiscal year is past retention."""
    current = fiscal_year(timezone.localdate())
    with scopes_disabled():
        old_certificates = Attendance.objects.filter(
            course__fiscal_year__lte=current - CERTIFICATE_RETENTION_YEARS, certificate__isnull=False
        )
        files = list(Attachment.objects.filter(pk__in=old_certificates.values("certificate")))
        certificates = old_certificates.update(certificate=None, updated_at=timezone.now())
        for attachment in files:
            attachment.delete_stored_files()
            attachment.delete()
        trainings, _per_model = Attendance.objects.filter(
            course__fiscal_year__lte=current - TRAINING_RETENTION_YEARS
        ).delete()
        acknowledgements, _per_model = Acknowledgement.objects.filter(
            fiscal_year__lte=current - ACKNOWLEDGEMENT_RETENTION_YEARS
        ).delete()
    return {
        "training certificates": certificates,
        "training records": trainings,
        "ethics acknowledgements": acknowledgements,
    }
