"""Background tasks of the E-Service: thin adapters that take ids, re-enter the scope, call services."""

from __future__ import annotations

from django_scopes import scopes_disabled
from django_tasks import task

from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope

from . import services


@task()
def send_progress_notices(agency_id: int) -> int:
    """Send the progress notices due in one agency (late requests, every 7 days); how many were sent."""
    with scopes_disabled():
        agency = Agency.objects.filter(pk=agency_id, is_active=True).first()
    if agency is None:
        return 0
    with agency_scope(agency):
        return services.send_due_progress_notices(agency=agency)
