"""Background tasks of procurement: thin adapters that take ids, re-enter the scope and call services."""

from __future__ import annotations

from django_tasks import task

from .services_import import run_for_batch


@task()
def validate_import(batch_id: int) -> str:
    """Check every row of an uploaded e-GP file (progress is written to the batch)."""
    return run_for_batch(batch_id, "validate")


@task()
def commit_import(batch_id: int) -> str:
    """Write a checked e-GP file's rows in one transaction."""
    return run_for_batch(batch_id, "commit")
