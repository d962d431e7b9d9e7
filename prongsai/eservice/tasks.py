"""Background tasks of the E-Service: thin adapters on ``core.tasking.agency_task`` that call services."""

from __future__ import annotations

from prongsai.core.models import Agency
from prongsai.core.tasking import agency_task

from . import services


@agency_task()
def send_progress_notices(agency: Agency) -> int:
    """Send the progress notices due in one agency (late requests, every 7 days); how many were sent."""
    return services.send_due_progress_notices(agency=agency)
