"""Retention of the E-Service's personal data, run by ``manage.py purge_personal_data``.

Five years after a request is completed its applicant's identity, contact data, form answers and files are
removed; the request itself (service, channel, dates, steps, outcome) stays for the statistics. Survey
comments are cleared five years after they were given. The period is a policy choice of the agency's
records schedule; it is one constant here and in the inventory (core/personal_data.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django_scopes import scopes_disabled

from . import clock
from .models import RequestFile, SatisfactionResponse, ServiceRequest

RETENTION = timedelta(days=5 * 365)
ANONYMISED = "(ลบข้อมูลตามระยะเวลาเก็บรักษาแล้ว)"


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    cutoff = clock.now() - RETENTION
    with scopes_disabled():
        expired = ServiceRequest.objects.filter(completed_at__lt=cutoff).exclude(applicant_name=ANONYMISED)
        ids = list(expired.values_list("pk", flat=True))
        files = list(RequestFile.objects.filter(request_id__in=ids))
        for stored in files:
            stored.file.delete(save=False)
        RequestFile.objects.filter(pk__in=[f.pk for f in files]).delete()
        requests = ServiceRequest.objects.filter(pk__in=ids).update(
            applicant_name=ANONYMISED, applicant_phone="", applicant_email="", answers={}
        )
        comments = (
            SatisfactionResponse.objects.filter(answered_at__lt=cutoff).exclude(comment="").update(comment="")
        )
    return {
        "e-service requests anonymised": requests,
        "e-service files deleted": len(files),
        "survey comments cleared": comments,
    }
