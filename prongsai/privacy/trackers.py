"""Personal-data requests (PDPA) answer for their tracking codes in the one tracking box
(``core.trackers``)."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.trackers import Tracked

from .access import get_request_by_code


def find(agency: Agency, code: str) -> Tracked | None:
    try:
        item = get_request_by_code(agency, code)
    except Http404:
        return None
    return Tracked(
        kind="pdpa",
        tracking_code=item.tracking_code,
        label=_("คำขอใช้สิทธิเกี่ยวกับข้อมูลส่วนบุคคล"),
        status=str(item.get_status_display()),
        url=agency_url(agency, reverse("privacy:track_code", args=[item.display_code])),
    )


# Found by the tracking box only: the status of a request about personal data is never sent on LINE.
BOX_TRACKERS = {"pdpa": find}
