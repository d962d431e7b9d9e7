"""Which agency a request belongs to, and the scope every query of the request runs in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_scopes import scope, scopes_disabled

from prongsai.core import request_cache
from prongsai.core.models import Agency, AgencyHost

# Resolving the agency costs one or two queries on every request, so the answer is cached briefly. Any
# save or delete of an Agency or AgencyHost bumps a version (invalidate_agencies) that the cached answer
# must carry to count, so a change is visible at once in this process and, with Redis, in every process.
_CACHE_SECONDS = 60
# Paths that work on a suspended agency's host: the operators' pages and the instance admin (which are not
# the agency's), and the health check. Everything else answers the suspension notice.
_SUSPENSION_EXEMPT = ("/hosting/", "/operator/", "/healthz")
# Public: the public page cache keys its pages on it too (core/pagecache.py).
HOSTS_VERSION_KEY = "prongsai:agency-version"


def _lookup(hostname: str) -> Agency | None:
    mapping = (
        AgencyHost.objects.select_related("agency").filter(host=hostname, agency__is_active=True).first()
    )
    if mapping is not None:
        return mapping.agency
    return Agency.objects.filter(is_default=True, is_active=True).first()


def host_key(host: str) -> str:
    """The cache key of the agency answer for a Host header (public: the page cache reads it in advance)."""
    return f"prongsai:agency-for:{host.split(':', 1)[0].lower().rstrip('.')}"


def resolve_agency(host: str) -> Agency | None:
    """The active agency serving ``host``, else the instance's default agency, else None.

    127.0.0.1 and localhost match no host row, so they serve the default (demo) agency.
    """
    key = host_key(host)
    # The answer is stored with the mapping's version and counts only while that is still the version,
    # so both are read in one round trip (usually none: the page cache has read them already).
    found = request_cache.get_many(cache, [HOSTS_VERSION_KEY, key])
    version = found.get(HOSTS_VERSION_KEY)
    if version is None:
        cache.add(HOSTS_VERSION_KEY, 1, timeout=None)
        version = cache.get(HOSTS_VERSION_KEY, 1)
    cached = found.get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == version:
        return cached[1] or None  # False records "no agency", so a miss is cached too
    agency = _lookup(host.split(":", 1)[0].lower().rstrip("."))
    cache.set(key, (version, agency or False), _CACHE_SECONDS)
    return agency


def invalidate_agencies(**kwargs: object) -> None:
    """Forget every cached host → agency answer (connected to Agency/AgencyHost saves and deletes)."""
    try:
        cache.incr(HOSTS_VERSION_KEY)
    except ValueError:
        cache.set(HOSTS_VERSION_KEY, 1, timeout=None)


@contextmanager
def agency_scope(agency: Agency | None) -> Iterator[None]:
    """Enter the scope of ``agency``. Without an agency the scope matches nothing, never everything.

    django-scopes treats ``agency=None`` as "no filter"; an empty list filters to no rows, which is the
    fail-closed meaning we want.
    """
    with scope(agency=agency if agency is not None else []):
        yield


class AgencyMiddleware:
    """Sets ``request.agency`` from the host name and runs the rest of the request inside its scope."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with scopes_disabled():
            agency = resolve_agency(request.get_host())
        request.agency = agency  # type: ignore[attr-defined]
        if agency is None:
            # A fresh instance before any agency is set up: say so in Thai instead of failing.
            return render(request, "core/no_agency.html", status=503)
        if agency.suspended_at is not None and not request.path.startswith(_SUSPENSION_EXEMPT):
            # Suspended by its operator: say so plainly to citizens and staff alike; nobody signs in here.
            return render(request, "core/suspended.html", {"agency": agency}, status=503)
        with agency_scope(agency):
            return self.get_response(request)
