"""Retention of the gift register's personal data (called daily by ``manage.py purge_personal_data``)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.personal_data import GIFT_REGISTER_RETENTION_YEARS
from prongsai.integrity.models import GiftEntry

ANONYMISED = "-"


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Blank the names in closed gift entries whose fiscal year ended more than the retention period ago.

    The published reports hold only totals, so they are unaffected; the entry itself (what, value, handling,
    decision) stays as the agency's record.
    """
    today = timezone.localdate()
    # The fiscal year of (today's year - N) ended on 30 September of that year.
    cutoff = date(today.year - GIFT_REGISTER_RETENTION_YEARS, 10, 1)
    with scopes_disabled():
        blanked = (
            GiftEntry.objects.filter(status=GiftEntry.Status.CLOSED, event_on__lt=cutoff)
            .exclude(official_name=ANONYMISED, counterpart_name=ANONYMISED)
            .update(official_name=ANONYMISED, counterpart_name=ANONYMISED, updated_at=timezone.now())
        )
    return {"names in the gift register": blanked}
