"""The complaint channel answers for its tracking codes (LINE links them, ``core.trackers``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.trackers import Tracked

from .access import find_complaint_by_code
from .models import Complaint


def find(agency: Agency, code: str) -> Tracked | None:
    complaint = find_complaint_by_code(agency, code)
    if complaint is None or complaint.status == Complaint.Status.MOVED:
        return None
    return Tracked(
        kind="complaint",
        tracking_code=complaint.tracking_code,
        label=_("เรื่องร้องเรียน"),
        status=str(complaint.get_status_display()),
        url=agency_url(agency, reverse("complaints:track_code", args=[complaint.display_code])),
    )


TRACKERS = {"complaint": find}
