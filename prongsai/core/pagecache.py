"""Public pages served from the shared cache, per agency and language, invalidated by publication.

A public page of an agency changes only when that agency changes something public (a publish, a revision,
a settings change: every such write is a service that records an audit event) or when the instance changes
for everyone (an ITA catalogue, a deployment, an operator's edit in the admin). So each agency has a
*publication version* in ``caches["default"]``, bumped by ``audit_record`` for every audited write that can
show on a public page, and the instance has a global one; both are part of every cached page's key, and an
old version's pages are simply never asked for again. Nothing expires on a clock except what depends on the
date itself: the Bangkok date is part of the key, so "today"-relative content (deadlines, the fiscal year,
the OIT window) turns over at midnight.

Only views that opt in with ``@cache_public_page`` are cached, and even then a response is stored only
when it is the same for every anonymous visitor: a 200 with no cookie set, no CSRF token used while
rendering (a form would carry a per-visitor token), and no ``Cache-Control: private``/``no-store``.
Requests that carry a session or flash-message cookie bypass the cache altogether, so staff and a citizen
who just submitted a form see the live page (ADR 0090).

Stored pages are served by ``PublicPageCacheMiddleware``, early in the middleware stack: a page is keyed by
scheme, host, address, language and date, and stored with the agency and versions it was rendered under,
which are checked in the same cache round trip (ADR 0128).

Every cached page carries a weak ETag and a Last-Modified (the time of the publication that produced it),
and ``Cache-Control: no-cache``: browsers and harvesters revalidate on every visit and get a 304 for nothing
while the agency has not published. The gzip variant is compressed once, when the page is stored.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from prongsai.core import request_cache
from prongsai.core.tenancy import HOSTS_VERSION_KEY, host_key
from prongsai.core.thai import BANGKOK

V = TypeVar("V", bound=Callable[..., HttpResponseBase])

# Sent after the commit of a write that changed an agency's public pages (keyword ``agency_id``), for what
# other apps derive from published data (the ita app refreshes its stored readiness).
public_pages_changed = Signal()

_GLOBAL_KEY = "prongsai:pub:global"
_PAGE_SECONDS = 2 * 24 * 3600  # a page's key contains its date, so it is dead after a day anyway
_LONGEST_QUERY = 300  # longer query strings are not cached (nobody links to them; they would only fill it)
# Headers this module sets itself (or that describe one encoding); the view's other headers are kept.
_OWN_HEADERS = frozenset(
    {"content-type", "content-length", "content-encoding", "etag", "last-modified", "cache-control", "vary"}
)

# Audited writes that never show on a public page. The corruption channel's case work is listed on purpose:
# a version bump is visible to anyone (the ETag of every public page changes), so bumping on a report, a
# message or a key unlock would tell an observer *when* someone used the channel. Its public pages live under
# /integrity/ and are never cached whole; its published guideline and settings do bump.
_CHANNEL_PUBLIC_ACTIONS = frozenset(
    {
        "whistleblower.guideline.published",
        "whistleblower.guideline.revised",
        "whistleblower.settings.updated",
        "whistleblower.key.created",
        "whistleblower.key.recovered",
    }
)
_PRIVATE_ACTIONS = frozenset(
    {
        "core.otp.enrolled",
        "privacy.exported",
        # An operator looking at, exporting or inviting into an agency changes nothing the public sees.
        "hosting.operator.viewed",
        "hosting.export.downloaded",
        "core.agency.export_requested",
        "core.agency.exported",
        "core.invitation.created",
        "core.invitation.accepted",
    }
)
# Drafts are not public by definition; publishing them is its own audited action.
_DRAFT_SUFFIXES = (".drafted", ".draft_updated")


def affects_public_pages(action: str) -> bool:
    """Whether an audited write with this action can change what a public page shows."""
    if action.startswith("whistleblower."):
        return action in _CHANNEL_PUBLIC_ACTIONS
    if action in _PRIVATE_ACTIONS:
        return False
    return not action.endswith(_DRAFT_SUFFIXES)


def _cache() -> Any:
    return caches["default"]


def _agency_key(agency_id: int) -> str:
    return f"prongsai:pub:agency:{agency_id}"


def _new_token() -> str:
    # Nanoseconds since the epoch, in hex: unique enough between two bumps and readable back as a time
    # (the Last-Modified of the pages it versions).
    return f"{time.time_ns():x}"


def _token_time(token: str) -> datetime:
    try:
        return datetime.fromtimestamp(int(token, 16) / 1e9, tz=UTC)
    except ValueError:
        return timezone.now()


def bump_agency(agency_id: int) -> None:
    """Every cached public page of the agency (and its stored readiness) is outdated from now on."""
    _cache().set(_agency_key(agency_id), _new_token(), None)


def bump_global(**_kwargs: object) -> None:
    """Every agency's cached pages are outdated (a catalogue, the agency records, an admin edit)."""
    _cache().set(_GLOBAL_KEY, _new_token(), None)


def record_public_change(agency_id: int, action: str) -> None:
    """Called by ``audit_record`` inside the service's transaction.

    The version is bumped now *and* again after the commit: a page rendered by another process between the
    first bump and the commit still shows the old data, and the second bump makes sure that page is never
    served. (A rolled-back write costs one needless bump.)
    """
    if not affects_public_pages(action):
        return
    bump_agency(agency_id)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _after_commit(agency_id, set())
        return
    # One post-commit bump and one signal per agency and transaction, however many writes it holds: an
    # import or the demo seed records thousands of events, and each signal costs a readiness refresh. The
    # set of agencies already done lives on the outermost atomic block, so it ends with the transaction.
    done: set[int] = connection.atomic_blocks[0].__dict__.setdefault("_prongsai_public_done", set())
    transaction.on_commit(functools.partial(_after_commit, agency_id, done))


def _after_commit(agency_id: int, done: set[int]) -> None:
    if agency_id in done:
        return
    done.add(agency_id)
    bump_agency(agency_id)
    public_pages_changed.send(sender=None, agency_id=agency_id)


@dataclass(frozen=True)
class Version:
    """The publication version of an agency: a token for keys and the time it was published."""

    token: str
    changed_at: datetime


def public_version(agency_id: int) -> Version:
    """The agency's current publication version (one cache round trip when both keys exist)."""
    cache = _cache()
    keys = [_GLOBAL_KEY, _agency_key(agency_id)]
    found = request_cache.get_many(cache, keys)
    for key in keys:
        if key not in found:
            # A cold or evicted key: start a new version (add, so concurrent starters agree on one).
            cache.add(key, _new_token(), None)
            found[key] = cache.get(key) or _new_token()
    tokens = [str(found[key]) for key in keys]
    return Version(token=".".join(tokens), changed_at=max(_token_time(t) for t in tokens))


def global_version() -> str:
    """The instance-wide version alone: what a process keeps of instance-wide data (the ITA catalogues) is
    valid only under it."""
    cache = _cache()
    found = request_cache.get_many(cache, [_GLOBAL_KEY])
    if _GLOBAL_KEY not in found:
        cache.add(_GLOBAL_KEY, _new_token(), None)
        return str(cache.get(_GLOBAL_KEY) or _new_token())  # evicted at once: a token nothing matches again
    return str(found[_GLOBAL_KEY])


@functools.cache
def code_fingerprint() -> str:
    """A digest of the installed code, templates and catalogues (names, sizes, modification times).

    The shared cache outlives a deployment; with this in every key, new templates or translations are never
    hidden behind pages rendered by the old code.
    """
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in {"__pycache__", "tests", "static"})
        for name in sorted(files):
            if name.endswith((".py", ".html", ".mo", ".json", ".yaml", ".txt", ".typ")):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def _bypass(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return True
    # A session means staff or a citizen in the middle of something; a flash-message cookie means a message
    # is waiting to be shown. Both get the live page, and a cached page never swallows the message.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return True
    return len(request.META.get("QUERY_STRING", "")) > _LONGEST_QUERY


# Parameters that social networks and advertisers add to links: Facebook's ``fbclid`` (a new value on every
# click from a shared post, which is how most citizens reach an agency's news), Google's and others' click
# ids, campaign tags. No view reads them. Left in the address, every click from a shared post would render
# the page again and store one more copy of it under its own key; and the language links, which repeat the
# address, would carry that visitor's click id into the page (ADR 0132).
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "igshid",
        "ttclid",
        "twclid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
    }
)


def _is_tracking(part: str) -> bool:
    name = part.partition("=")[0].lower()
    return name in _TRACKING_NAMES or name.startswith(_TRACKING_PREFIXES)


def _drop_tracking(request: HttpRequest) -> None:
    """The request as if its link had been shared without tracking parameters (the other parameters kept
    as they were, in their order), before anything reads its address or its ``GET``."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    parts = query.split("&")
    kept = [part for part in parts if not _is_tracking(part)]
    if len(kept) != len(parts):
        request.META["QUERY_STRING"] = "&".join(kept)
        request.__dict__.pop("GET", None)  # a cached_property on WSGI and ASGI requests alike


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


@dataclass(frozen=True)
class _Rendered:
    """What ``cache_public_page`` attaches to a response that may be stored: whose page, of which version."""

    agency_id: int
    version: Version


_RENDERED_ATTRIBUTE = "_prongsai_public_page"


def cache_public_page(view: V) -> V:
    """Mark the view's page as storable in the public page cache when it is the same for every visitor.

    The storing and serving happen in ``PublicPageCacheMiddleware``, in front of the session, locale,
    authentication, agency and access middleware, so that a cached page costs one cache round trip. This
    decorator is the opt-in: only its views are ever stored, and only when the rendered response qualifies.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if _bypass(request):
            return view(request, *args, **kwargs)
        agency_id = request.agency.pk  # type: ignore[attr-defined]
        # The version is read before rendering: a publication committed while the page renders moves the
        # version on, and the page stored under the old one is never served.
        version = public_version(agency_id)
        response = view(request, *args, **kwargs)
        render = getattr(response, "render", None)
        if callable(render):
            response = render()
        if _storable(request, response) and isinstance(response, HttpResponse):
            setattr(response, _RENDERED_ATTRIBUTE, _Rendered(agency_id, version))
        return response

    return wrapper  # type: ignore[return-value]


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page rendered a form with this visitor's CSRF token
    control = response.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control


# Which agency a host served last, per process: lets the lookup fetch that agency's version in the same
# round trip as the page. Only a hint (the stored page names its agency and is checked against it), bounded
# because the Host header comes from the visitor.
_AGENCY_HINTS: dict[str, int] = {}
_MOST_HINTS = 10_000


@dataclass
class _Lookup:
    key: str
    language: str
    hosts_version: object
    entry: dict[str, Any] | None
    asked: list[str]
    found: dict[str, Any]


def _lookup(request: HttpRequest) -> _Lookup:
    """The stored page for this address and language, if it is still of the agency's current version."""
    host = request.get_host()  # validates the host against ALLOWED_HOSTS, as the rest of the stack would
    # The same choice LocaleMiddleware makes next (no language prefixes in the URLs): cookie, then
    # Accept-Language, then the site's language. Checked again against Content-Language before storing.
    language = translation.get_language_from_request(request)
    today = timezone.now().astimezone(BANGKOK).date().isoformat()
    where = hashlib.sha256(f"{request.scheme}|{host}|{request.get_full_path()}".encode()).hexdigest()[:32]
    key = f"prongsai:page:{code_fingerprint()}:{language}:{today}:{where}"
    hint = _AGENCY_HINTS.get(host)
    # With the page, what rendering it would read first (request_cache): the host's agency and the versions.
    keys = [key, _GLOBAL_KEY, HOSTS_VERSION_KEY, host_key(host)]
    if hint is not None:
        keys.append(_agency_key(hint))
    cache = _cache()
    found = cache.get_many(keys)
    hosts_version = found.get(HOSTS_VERSION_KEY)
    entry = found.get(key)
    if entry is None:
        return _Lookup(key, language, hosts_version, None, keys, found)
    agency_id = entry["agency"]
    if agency_id != hint:
        _hint(host, agency_id)
        found[_agency_key(agency_id)] = cache.get(_agency_key(agency_id))
    current = f"{found.get(_GLOBAL_KEY)}.{found.get(_agency_key(agency_id))}"
    # A page of an older publication, or stored before a host moved to another agency, is never served.
    if entry["token"] != current or hosts_version is None or entry["hosts"] != hosts_version:
        entry = None
    return _Lookup(key, language, hosts_version, entry, keys, found)


def _hint(host: str, agency_id: int) -> None:
    if _AGENCY_HINTS.get(host) != agency_id:
        if len(_AGENCY_HINTS) >= _MOST_HINTS:
            _AGENCY_HINTS.clear()
        _AGENCY_HINTS[host] = agency_id


def _finish(request: HttpRequest, response: HttpResponseBase, etag: str, changed: datetime) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed.timestamp())
    # Always revalidate: a page is fresh exactly until the agency publishes, which no max-age can predict.
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Accept-Encoding", "Accept-Language", "Cookie"))


def _from_entry(request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
    changed = datetime.fromtimestamp(entry["changed"], tz=UTC)
    conditional = get_conditional_response(request, etag=entry["etag"], last_modified=int(entry["changed"]))
    if conditional is not None:
        _finish(request, conditional, entry["etag"], changed)
        return conditional
    if _accepts_gzip(request):
        response = HttpResponse(entry["gzip"], content_type=entry["type"])
        response["Content-Encoding"] = "gzip"
    else:
        # Rare (browsers and harvesters accept gzip): decompressing is cheaper than storing a second copy.
        response = HttpResponse(gzip.decompress(entry["gzip"]), content_type=entry["type"])
    for name, value in entry["headers"].items():
        response[name] = value
    _finish(request, response, entry["etag"], changed)
    return response


# Level 4, not zlib's default 6: on the register and the OIT index it compresses in less than half the time
# for about a tenth more bytes (7.5 KB instead of 6.8 KB for 42 KB of HTML), which still leave the server in
# the first round trip of a new connection (ten segments, about 14 KB). The page is compressed on every
# uncached request; the extra bytes cost nothing a visitor can notice (ADR 0130).
_GZIP_LEVEL = 4


def _store(request: HttpRequest, lookup: _Lookup, response: HttpResponseBase) -> dict[str, Any] | None:
    """Store the marked page with the headers the inner middleware added (CSP, framing, language)."""
    rendered = getattr(response, _RENDERED_ATTRIBUTE, None)
    if rendered is None or not isinstance(response, HttpResponse) or lookup.hosts_version is None:
        return None
    if not _storable(request, response) or response.has_header("Content-Encoding"):
        return None
    if response.get("Content-Language", lookup.language) != lookup.language:
        return None  # the language was chosen otherwise than the key assumed: never file it under that key
    body = response.content
    entry = {
        # Only the compressed body is stored: it is what nearly every client takes, and it is a quarter of
        # the size to write, read and decode. mtime=0: the same page compresses to the same bytes everywhere.
        "gzip": gzip.compress(body, compresslevel=_GZIP_LEVEL, mtime=0),
        "type": response["Content-Type"],
        "headers": {k: v for k, v in response.headers.items() if k.lower() not in _OWN_HEADERS},
        "etag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
        "changed": int(rendered.version.changed_at.timestamp()),
        "agency": rendered.agency_id,
        "token": rendered.version.token,
        "hosts": lookup.hosts_version,
    }
    _cache().set(lookup.key, entry, _PAGE_SECONDS)
    _hint(request.get_host(), rendered.agency_id)
    return entry


class PublicPageCacheMiddleware:
    """Answers cached public pages before the session, locale, authentication, agency and access middleware.

    A cached page is the same for every anonymous visitor, so none of that work would change it: the lookup
    needs only the host, the address, the language and the versions, in one cache round trip. Everything the
    inner middleware adds to a page's response (the content security policy, framing, language headers) is
    stored with it. A miss runs the whole stack; ``cache_public_page`` decides what may be stored.

    Tracking parameters (``fbclid``, ``utm_*``) are dropped from the address first, so a link shared on
    social media is the same stored page as the plain one (ADR 0132).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if _bypass(request):
            return self.get_response(request)
        _drop_tracking(request)
        lookup = _lookup(request)
        if lookup.entry is not None:
            return _from_entry(request, lookup.entry)
        with request_cache.prefetched(lookup.asked, lookup.found):
            response = self.get_response(request)
        entry = _store(request, lookup, response)
        return response if entry is None else _from_entry(request, entry)
