"""Template helpers of the ops app: Thai names of job counts, and the warning on the staff dashboard."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from prongsai.core.permissions import has_capability
from prongsai.core.roles import Cap
from prongsai.ops import selectors
from prongsai.ops.schedule import count_label as _count_label

register = template.Library()


@register.filter
def count_label(key: str) -> str:
    return _count_label(key)


@register.inclusion_tag("ops/staff/_warning.html", takes_context=True)
def jobs_warning(context: dict[str, Any]) -> dict[str, Any]:
    """On the staff dashboard: for those who may see the status page, the jobs that are late or failed."""
    request = context.get("request")
    agency = getattr(request, "agency", None)
    if request is None or agency is None or not has_capability(request, Cap.SYSTEM_STATUS):
        return {"attention": []}
    own, shared = selectors.job_states_for_agency(agency, now=timezone.now())
    return {"attention": [s for s in own + shared if s.needs_attention]}


@register.inclusion_tag("ops/staff/_worker_warning.html", takes_context=True)
def worker_warning(context: dict[str, Any]) -> dict[str, Any]:
    """On every staff page: background work is waiting and no worker runs it. Everyone is told why e-mails
    and imports stand still; those who see the system status also get the way to start a worker."""
    request = context.get("request")
    if request is None or getattr(request, "agency", None) is None:
        return {"warning": None}
    return {
        "warning": selectors.worker_missing(now=timezone.now()),
        "can_fix": has_capability(request, Cap.SYSTEM_STATUS),
    }
