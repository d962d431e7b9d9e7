"""``/healthz`` for monitoring: the state of the database, the cache, the worker, the scheduler and each job.

The answer names states only: no version, host name, process id, agency, count or time of anything, and no
personal data. HTTP 200 when every check is ok, 503 when any is not, so a plain HTTP monitor alerts on it.
It is meant for monitoring, not for a load balancer's routing: a failed job does not make a web process
unable to serve pages.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from prongsai.core.permissions import public
from prongsai.ops import selectors
from prongsai.ops.models import Heartbeat

logger = logging.getLogger(__name__)


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: the database does not answer")
        return "down"
    return "ok"


def _cache() -> str:
    key = f"prongsai:healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:
        logger.exception("health check: the cache does not answer")
        return "down"
    return "ok" if ok else "down"


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database, cache_state = _database(), _cache()
    worker = scheduler = "unknown"
    jobs: dict[str, str] = {}
    if database == "ok":
        now = timezone.now()
        try:
            worker = selectors.process_health(Heartbeat.Kind.WORKER, now=now).state
            scheduler = selectors.process_health(Heartbeat.Kind.SCHEDULER, now=now).state
            jobs = {item.name: item.state for item in selectors.job_health(now=now)}
        except DatabaseError:
            logger.exception("health check: the operations tables cannot be read")
    checks: dict[str, object] = {
        "database": database,
        "cache": cache_state,
        "worker": worker,
        "scheduler": scheduler,
        "jobs": jobs,
    }
    healthy = (
        database == "ok"
        and cache_state == "ok"
        and worker in {"ok", "not_used"}
        and scheduler == "ok"
        and all(state in {"ok", "running", "not_due"} for state in jobs.values())
    )
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
