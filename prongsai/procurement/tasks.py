"""Background tasks of procurement: thin adapters on ``core.tasking.agency_task`` that call services."""

from __future__ import annotations

from prongsai.core.models import Agency
from prongsai.core.tasking import agency_task

from . import services_import


@agency_task()
def validate_import(agency: Agency, batch_id: int) -> str:
    """Check every row of an uploaded e-GP file (progress is written to the batch)."""
    if not services_import.batch_exists(agency, batch_id):
        return "missing"
    return str(services_import.import_validate(batch_id=batch_id).status)


@agency_task()
def commit_import(agency: Agency, batch_id: int) -> str:
    """Write a checked e-GP file's rows in one transaction."""
    if not services_import.batch_exists(agency, batch_id):
        return "missing"
    return str(services_import.import_apply(batch_id=batch_id).status)
