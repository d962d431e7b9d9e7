"""The corruption channel's alert for staff (``core.staff_alerts``): only that something new reached a
recipient's queue. Which report, how many, what it says or when it came is never sent outside the site."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max

from prongsai.core.models import Agency
from prongsai.whistleblower.models import ReportGrant
from prongsai.whistleblower.selectors import recipient_holders


def newest(agency: Agency, user_id: int, since: datetime | None) -> datetime | None:
    """When the newest report was sealed to ``user_id`` after ``since`` (None when none was), while the
    person is still an active recipient of the committee."""
    holders = [h.pk for h in recipient_holders(agency) if h.user_id == user_id]
    if not holders:
        return None
    grants = ReportGrant.objects.filter(agency=agency, holder_id__in=holders)
    if since is not None:
        grants = grants.filter(created_at__gt=since)
    found: datetime | None = grants.aggregate(newest=Max("created_at"))["newest"]
    return found


NEWS = {"whistleblower": newest}
