"""The one task of the scheduler: run a claimed job slot, in its agency's scope, and record the outcome."""

from __future__ import annotations

import logging
import traceback
from contextlib import AbstractContextManager

from django.db import connection, transaction
from django_scopes import scopes_disabled
from django_tasks import task

from prongsai.core.tenancy import agency_scope
from prongsai.ops import services
from prongsai.ops.logs import request_id_var
from prongsai.ops.schedule import JobContext, JobFailed, get_job

logger = logging.getLogger(__name__)


@task()
def run_job(run_id: int) -> str:
    """Run the claimed slot ``run_id`` once: a second worker (or a second delivery) finds it taken and stops.

    Returns the run's outcome. An expected failure (``JobFailed``) records its message; an unexpected one
    records only the exception's class, because an exception's text may quote personal data.
    """
    run = services.run_start(run_id=run_id)
    if run is None:
        return "taken"
    token = request_id_var.set(f"job-{run_id}")
    try:
        job = get_job(run.job)
        if job is None:
            services.run_finish(run_id=run_id, error="this job is no longer declared")
            return "failed"
        if job.per_agency and (run.agency is None or not run.agency.is_active):
            services.run_finish(run_id=run_id, error="the agency is no longer active")
            return "failed"
        scope: AbstractContextManager[None] = (
            agency_scope(run.agency) if job.per_agency else scopes_disabled()
        )
        context = JobContext(agency=run.agency if job.per_agency else None, slot=run.slot)
        try:
            with scope:
                if connection.in_atomic_block:
                    # Only with the immediate backend (tests): keep a failing job from poisoning the caller's
                    # transaction, so its failure can still be recorded.
                    with transaction.atomic():
                        counts = job.run(context)
                else:
                    counts = job.run(context)
        except JobFailed as exc:
            logger.warning("job %s run %s failed: %s", run.job, run_id, exc)
            services.run_finish(run_id=run_id, error=str(exc))
            return "failed"
        except Exception as exc:  # noqa: BLE001 - a job's failure is recorded, never lost with the worker
            frames = "".join(traceback.format_tb(exc.__traceback__))
            logger.error("job %s run %s raised %s\n%s", run.job, run_id, type(exc).__name__, frames)
            services.run_finish(run_id=run_id, error=f"unexpected error ({type(exc).__name__})")
            return "failed"
        services.run_finish(run_id=run_id, counts=counts or {})
        logger.info("job %s run %s succeeded", run.job, run_id)
        return "succeeded"
    finally:
        request_id_var.reset(token)
