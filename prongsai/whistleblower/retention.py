"""Retention of the channel, run daily by ``manage.py purge_personal_data`` and ``whistleblower_daily``."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope
from prongsai.whistleblower import services_case


def purge_expired_personal_data(now: datetime | None = None) -> dict[str, int]:
    """Warn about, then purge, closed reports past each agency's retention period."""
    now = now or timezone.now()
    with scopes_disabled():
        agencies = list(Agency.objects.filter(is_active=True))
    warned = purged = 0
    for agency in agencies:
        with agency_scope(agency):
            warned += services_case.warn_before_purge(agency=agency, now=now)
            purged += services_case.purge_expired(agency=agency, now=now)
    return {"corruption reports purged": purged, "recipients warned of a coming purge": warned}
