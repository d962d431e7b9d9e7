"""The hand-over of a complaint to the separate corruption channel (app ``whistleblower``).

Corruption by officials must be reported through a channel separate from general complaints, to protect the
person who reports it (OIT "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ... แยกต่างหากจากช่องทางการ
ร้องเรียนทั่วไป"). The complaint form links to that channel; when a report arrives here anyway, staff move it:
this app hands its content to the corruption channel through the small protocol below, then erases it and
keeps only a tombstone (``services.complaint_move_to_corruption_channel``).

The protocol: the corruption channel provides, at the dotted path ``RECEIVER_PATH``, a function

    receive_complaint(
        *, agency, acting_user, category: str, description: str, location: str, occurred: str,
        attachments: list[tuple[str, bytes]],
    ) -> None

called inside the moving transaction: the text fields as Thai text, and the files as (generated name, bytes)
pairs (photos already re-encoded without metadata). The complainant's contact details are not handed over:
they were given for a general complaint, and in the corruption channel the citizen is not the reporter of
record. The receiver stores what it needs under its own protection; its return value is ignored and nothing
here records where the report went. If it raises (e.g. no committee member could read the report), the move
is rolled back and the complaint stays as it was. When the module is not installed the move is refused with
a Thai message (``ReceiverUnavailable``).
"""

from __future__ import annotations

from typing import Protocol

from django.utils.module_loading import import_string

from prongsai.core.models import Agency, User

# Where the corruption channel's public report form lives (built by the whistleblower app); one place only.
CORRUPTION_CHANNEL_PATH = "/integrity/report/"
# The receiving function of the corruption channel. Tests point it at a fake receiver.
RECEIVER_PATH = "prongsai.whistleblower.transfer.receive_complaint"


class CorruptionReceiver(Protocol):
    def __call__(
        self,
        *,
        agency: Agency,
        acting_user: User,
        category: str,
        description: str,
        location: str,
        occurred: str,
        attachments: list[tuple[str, bytes]],
    ) -> object: ...


class ReceiverUnavailable(Exception):
    """The corruption channel is not installed on this instance."""


def corruption_receiver() -> CorruptionReceiver:
    """The corruption channel's receiving function, looked up at call time by ``RECEIVER_PATH``."""
    try:
        receiver: CorruptionReceiver = import_string(RECEIVER_PATH)
    except ImportError as exc:
        raise ReceiverUnavailable(RECEIVER_PATH) from exc
    return receiver
