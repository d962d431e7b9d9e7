"""The system status page: the last run of every scheduled job for this agency, with a warning when one is
late or failed (staff administrators)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.ops import selectors


@staff(Cap.SYSTEM_STATUS)
def status(request: StaffRequest) -> HttpResponse:
    now = timezone.now()
    own, shared = selectors.job_states_for_agency(request.agency, now=now)
    return render(
        request,
        "ops/staff/status.html",
        {
            "own": own,
            "shared": shared,
            "attention": [s for s in own + shared if s.needs_attention],
            "now": now,
        },
    )
