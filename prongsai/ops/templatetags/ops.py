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
