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
    except Exception:  # noqa: BLE001 - any cache backend error means the cache is down
        logger.exception("health check: the cache does not answer")
        return "down"
    return "ok" if ok else "down"


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, object] = {"database": _database(), "cache": _cache()}
    if checks["database"] == "ok":
        now = timezone.now()
        try:
            checks["worker"] = selectors.process_health(Heartbeat.Kind.WORKER, now=now).state
            checks["scheduler"] = selectors.process_health(Heartbeat.Kind.SCHEDULER, now=now).state
            checks["jobs"] = {item.name: item.state for item in selectors.job_health(now=now)}
        except DatabaseError:
            logger.exception("health check: the operations tables cannot be read")
            checks["worker"] = checks["scheduler"] = "unknown"
    healthy = (
        checks["database"] == "ok"
        and checks["cache"] == "ok"
        and checks.get("worker") in {"ok", "not_used"}
        and checks.get("scheduler") == "ok"
        and all(state in {"ok", "running", "not_due"} for state in dict(checks.get("jobs") or {}).values())  # type: ignore[call-overload]
    )
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
