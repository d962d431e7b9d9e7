"""Which app a citizen's tracking code belongs to, for channels that receive a bare code (LINE).

An app whose records carry a tracking code ships a ``trackers`` module with
``TRACKERS = {"kind": finder}`` where ``finder(agency, code) -> Tracked | None`` looks the code up in that
app's own records (through its access module). ``find`` asks every finder; discovery is lazy, on first use,
so core never imports a domain app at start-up. A finder never answers for a record that left the citizen
channels (a complaint moved to the corruption channel is "not found").
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
_DISCOVERED = False


def register(kind: str, finder: Finder) -> None:
    _FINDERS[kind] = finder


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("trackers"):
        for kind, finder in getattr(module, "TRACKERS", {}).items():
            register(kind, finder)
    _DISCOVERED = True


def find(agency: Agency, code: str) -> Tracked | None:
    """The record a tracking code names in any citizen channel of ``agency``, or None."""
    _discover()
    for finder in _FINDERS.values():
        found = finder(agency, code)
        if found is not None:
            return found
    return None


def kinds() -> set[str]:
    _discover()
    return set(_FINDERS)
