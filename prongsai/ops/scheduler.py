"""The scheduler's tick: claim every due slot in the database and queue one ``run_job`` task per claim."""

from __future__ import annotations

import itertools
import logging
from datetime import datetime

from django.db import transaction

from prongsai.ops import services
from prongsai.ops.schedule import Job, all_jobs, get_job
from prongsai.ops.tasks import run_job

logger = logging.getLogger(__name__)
_ticks = itertools.count(1)


def select_jobs(names: list[str] | None) -> list[Job]:
    """The declared jobs named (all when ``names`` is empty); an unknown name is an error."""
    if not names:
        return all_jobs()
    jobs = []
    for name in names:
        job = get_job(name)
        if job is None:
            known = ", ".join(j.name for j in all_jobs())
            raise ValueError(f"No job named {name!r}; the declared jobs are: {known}.")
        jobs.append(job)
    return jobs


def tick(*, now: datetime, process: str, jobs: list[Job] | None = None) -> list[int]:
    """Claim what is due at ``now`` and queue it; return the ids of the runs this tick claimed.

    The claim rows and the queued tasks are written in one transaction (the database task backend stores
    tasks in the same database), so a crash can never leave a claimed slot without its task or the reverse.
    """
    claimer = f"{process}:{next(_ticks)}"
    with transaction.atomic():
        claimed = services.claim_due_runs(
            jobs=jobs if jobs is not None else all_jobs(), now=now, claimer=claimer
        )
        for run_id in claimed:
            run_job.enqueue(run_id)
    if claimed:
        logger.info("scheduler claimed and queued %s run(s)", len(claimed))
    return claimed
