"""Request ids for the logs, and /healthz answered before anything that needs a host name or an agency."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from prongsai.ops.logs import request_id_var

HEALTH_PATH = "/healthz"
# A request id set by the reverse proxy (Caddy's {http.request.uuid}) is kept when it looks like one;
# anything else is replaced, so a client cannot write arbitrary text into the logs through this header.
_VALID_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class RequestIdMiddleware:
    """Gives every request an id, used by every log line written while it runs and sent back in a header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = offered if _VALID_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class HealthCheckMiddleware:
    """Answers ``/healthz`` itself, before host validation, the HTTPS redirect and agency resolution.

    Monitoring calls it on the server's own address over plain HTTP, and it must answer on a fresh instance
    before any agency exists. The same view is also routed in urls.py (with its access rule) so that
    ``reverse("ops:healthz")`` works and the URL walk sees it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info.rstrip("/") == HEALTH_PATH and request.method in {"GET", "HEAD"}:
            from prongsai.ops.views_public import healthz

            return healthz(request)
        return self.get_response(request)
