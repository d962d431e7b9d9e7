"""Limits of the public API: Open311 creation and open-data reads, per client and agency.

POST needs no account (Open311 clients are citizens' apps), so a script could fill the staff queues; reads
of /api/v1/datasets/ are limited so a harvester in a loop cannot take the instance's CPU. Each limit is a
fixed window counted in the store every web process shares (``prongsai.core.limits``; ADR 0080) under the
keyed hash of the client's address the citizen forms use (``prongsai.core.safeguards.client_fingerprint``):
the address itself is never stored. The rates come from settings (``OPEN311_SUBMIT_RATE``, "120/hour" by
default, and ``API_READ_RATE``) so that an agency working with a busy aggregator can raise them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from prongsai.core import limits
from prongsai.core.safeguards import client_fingerprint

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, limits.Window]:
    """DRF's rate syntax ("120/hour", "10/minute", "5/s"): the allowance and its window."""
    try:
        count, period = rate.split("/", 1)
        return int(count), limits.Window(_PERIODS[period.strip()[0].lower()])
    except (KeyError, IndexError, ValueError) as error:
        raise ImproperlyConfigured(f"A rate is '<number>/<second|minute|hour|day>'; got {rate!r}.") from error


class SharedWindowThrottle(BaseThrottle):
    """A DRF throttle whose count lives in the shared store, not in the process."""

    scope = ""
    methods: frozenset[str] | None = None  # None: every method counts

    def rate(self) -> str:
        raise NotImplementedError

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.methods is not None and request.method not in self.methods:
            return True
        allowed, self.window = parse_rate(self.rate())
        agency = getattr(request._request, "agency", None)
        name = f"api:{self.scope}:{getattr(agency, 'pk', '-')}:{client_fingerprint(request._request)}"
        return limits.hit(name, self.window) <= allowed

    def wait(self) -> float | None:
        window = getattr(self, "window", None)
        return float(window.remaining()) if window is not None else None


class Open311SubmitThrottle(SharedWindowThrottle):
    scope = "open311_submit"
    methods = frozenset({"POST"})  # reading is not limited here

    def rate(self) -> str:
        return str(settings.OPEN311_SUBMIT_RATE)


class Open311ReadThrottle(SharedWindowThrottle):
    scope = "open311_read"
    methods = frozenset({"GET", "HEAD"})

    def rate(self) -> str:
        return str(settings.API_READ_RATE)


class ReadThrottle(SharedWindowThrottle):
    scope = "api_read"

    def rate(self) -> str:
        return str(settings.API_READ_RATE)
