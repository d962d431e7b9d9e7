"""The E-Service answers for its tracking codes (LINE links them, ``core.trackers``)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.trackers import Tracked

from .access import get_request_by_tracking_code
from .notices import tracking_link


def find(agency: Agency, code: str) -> Tracked | None:
    try:
        request = get_request_by_tracking_code(agency, code)
    except Http404:
        return None
    return Tracked(
        kind="eservice",
        tracking_code=request.tracking_code,
        label=_("คำขอ “%(service)s”") % {"service": request.service.name_th},
        status=str(request.get_status_display()),
        url=tracking_link(request),
    )


TRACKERS = {"eservice": find}
