"""Which app a citizen's tracking code belongs to, for channels that receive a bare code (LINE).

An app whose records carry a tracking code ships a ``trackers`` module with
``TRACKERS = {"kind": finder}`` where ``finder(agency, code) -> Tracked | None`` looks the code up in that
app's own records (through its access module). ``find`` asks every finder; discovery is lazy, on first use,
so core never imports a domain app at start-up. A finder never answers for a record that left the citizen
channels (a complaint moved to the corruption channel is "not found").

Records whose status changes are not sent on LINE (Q&A questions, loans, personal-data requests) ship
``BOX_TRACKERS`` instead: the one tracking box (``/track/``) finds them, ``find_for_line`` does not, so a
LINE user is never promised notices that will not come.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prongsai.core.app_modules import app_modules
from prongsai.core.models import Agency


@dataclass(frozen=True)
class Tracked:
    kind: str
    tracking_code: str  # stored form, no dashes
    label: str  # what it is, in Thai: "คำขอ “ขออนุญาตก่อสร้างอาคาร”", "เรื่องร้องเรียน"
    status: str  # its current status, in Thai
    url: str  # the public tracking page (absolute)


Finder = Callable[[Agency, str], Tracked | None]
_FINDERS: dict[str, Finder] = {}
_BOX_ONLY: set[str] = set()
_DISCOVERED = False


def register(kind: str, finder: Finder, *, line: bool = True) -> None:
    _FINDERS[kind] = finder
    if not line:
        _BOX_ONLY.add(kind)


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("trackers"):
        for kind, finder in getattr(module, "TRACKERS", {}).items():
            register(kind, finder)
        for kind, finder in getattr(module, "BOX_TRACKERS", {}).items():
            register(kind, finder, line=False)
    _DISCOVERED = True


def find(agency: Agency, code: str) -> Tracked | None:
    """The record a tracking code names in any citizen channel of ``agency``, or None (the tracking box)."""
    _discover()
    for finder in _FINDERS.values():
        found = finder(agency, code)
        if found is not None:
            return found
    return None


def find_for_line(agency: Agency, code: str) -> Tracked | None:
    """The record a tracking code names among those whose status changes are sent on LINE, or None."""
    _discover()
    for kind, finder in _FINDERS.items():
        if kind in _BOX_ONLY:
            continue
        found = finder(agency, code)
        if found is not None:
            return found
    return None


def kinds() -> set[str]:
    """The kinds followed on LINE."""
    _discover()
    return set(_FINDERS) - _BOX_ONLY
