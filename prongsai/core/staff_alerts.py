"""What each staff queue has to say to the people who work it, for alerts sent outside the site (LINE).

An app with a staff queue ships an ``alerts`` module with ``QUEUES = {"key": counter}`` where
``counter(agency, now) -> {user_id: Due}`` counts, per member of staff who works the queue, the open items
due soon and overdue (counts only: an alert never carries what an item says). The corruption channel is
different: it says nothing but "there is something new in your queue", so its module declares
``NEWS = {"key": newest}`` where ``newest(agency, user_id, since) -> datetime | None`` is the time the newest
item reached that person's queue after ``since`` (None when nothing did). Discovery is lazy, as for
``trackers``, so core never imports a domain app at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise

from prongsai.core.app_modules import app_modules
from prongsai.core.models import Agency


@dataclass(frozen=True)
class Due:
    due_soon: int
    overdue: int

    def __bool__(self) -> bool:
        return bool(self.due_soon or self.overdue)


@dataclass(frozen=True)
class Queue:
    label: str | Promise  # the queue's name in Thai, as the staff menu calls it
    count: Callable[[Agency, datetime], dict[int, Due]]


Newest = Callable[[Agency, int, datetime | None], datetime | None]

_QUEUES: dict[str, Queue] = {}
_NEWS: dict[str, Newest] = {}
_DISCOVERED = False


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("alerts"):
        _QUEUES.update(getattr(module, "QUEUES", {}))
        _NEWS.update(getattr(module, "NEWS", {}))
    _DISCOVERED = True


def queues() -> dict[str, Queue]:
    _discover()
    return dict(sorted(_QUEUES.items()))


def news() -> dict[str, Newest]:
    _discover()
    return dict(sorted(_NEWS.items()))


def add(into: dict[int, Due], user_ids: list[int], *, due_soon: int = 0, overdue: int = 0) -> None:
    """Add one item's state to the counts of every person who works it."""
    for user_id in user_ids:
        current = into.get(user_id, Due(0, 0))
        into[user_id] = Due(current.due_soon + due_soon, current.overdue + overdue)
