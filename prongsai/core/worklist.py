"""What waits for a member today, for the staff home: counts that link to the filtered queues.

An app with a queue ships a ``worklist`` module with ``WORKLIST = [provider, ...]``; a provider takes the
member's ``WorkContext`` and returns the ``WorkItem``s of the queues that member can act on (none when their
roles cannot act: the capabilities are checked by the provider, with the same ``Cap`` its queue's view
declares). Discovery is lazy, on first use, so core never imports a domain app at start-up (as
``trackers``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from prongsai.core.app_modules import app_modules
from prongsai.core.models import Agency
from prongsai.core.roles import Cap


@dataclass(frozen=True)
class WorkContext:
    agency: Agency
    user: AbstractBaseUser | AnonymousUser
    caps: frozenset[Cap]
    today: date  # the agency's local day (Asia/Bangkok)


@dataclass(frozen=True)
class WorkItem:
    group: str  # the channel, in Thai ("คำขอรับบริการ (E-Service)")
    label: str  # what waits, in Thai ("คำขอใหม่ที่ยังไม่มีผู้รับเรื่อง")
    count: int
    url: str  # the queue, filtered to exactly what was counted
    urgent: bool = False  # past a deadline: shown first and marked


Provider = Callable[[WorkContext], list[WorkItem]]
_PROVIDERS: list[Provider] = []
_DISCOVERED = False


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("worklist"):
        _PROVIDERS.extend(getattr(module, "WORKLIST", []))
    _DISCOVERED = True


def work_for(ctx: WorkContext) -> list[WorkItem]:
    """Every item the member can act on, grouped by channel in app order; within a channel, the urgent
    items first. Items with nothing waiting are kept: "0 overdue" is news a clerk wants too."""
    _discover()
    items: list[WorkItem] = []
    for provider in _PROVIDERS:
        found = provider(ctx)
        items.extend(sorted(found, key=lambda item: not item.urgent))
    return items


def grouped(items: list[WorkItem]) -> list[tuple[str, list[WorkItem]]]:
    """The items under their channel's heading, channels in the order the items came."""
    groups: dict[str, list[WorkItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())
