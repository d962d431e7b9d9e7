"""Loan requests answer for their tracking codes in the one tracking box (``core.trackers``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.trackers import Tracked

from .access import find_loan_by_code


def find(agency: Agency, code: str) -> Tracked | None:
    loan = find_loan_by_code(agency, code)
    if loan is None:
        return None
    return Tracked(
        kind="loan",
        tracking_code=loan.tracking_code,
        label=_("คำขอยืมทรัพย์สินของราชการ"),
        status=str(loan.get_status_display()),
        url=agency_url(agency, reverse("assets:track", args=[loan.display_code])),
    )


# Found by the tracking box only: a change of a loan's status is not sent on LINE.
BOX_TRACKERS = {"loan": find}
