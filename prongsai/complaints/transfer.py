"""The hand-over of a complaint to the separate corruption channel (app ``whistleblower``).

Corruption by officials must be reported through a channel separate from general complaints, to protect the
person who reports it (OIT "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ... แยกต่างหากจากช่องทางการ
ร้องเรียนทั่วไป"). The complaint form links to that channel; when a report arrives here anyway, staff move it:
this app hands its content to the corruption channel through the small protocol below, then erases it and
keeps only a tombstone (``services.complaint_move_to_corruption_channel``).

The protocol: the corruption channel provides, at the dotted path ``RECEIVER_PATH``, a function

    receive_complaint(
        *, agency: Agency, text: Mapping[str, str], attachments: Sequence[TransferredFile]
    ) -> None

called inside the moving transaction. ``text`` has the keys of ``TEXT_KEYS`` (empty strings when unknown);
``attachments`` carry the bytes as stored here (photos already re-encoded without metadata). The receiver
stores what it needs under its own protection; its return value is ignored and nothing here records where
the report went. If it raises, the move is rolled back and the complaint stays as it was. When the module
is not installed the move is refused with a Thai message (``ReceiverUnavailable``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.utils.module_loading import import_string

from prongsai.core.models import Agency

# Where the corruption channel's public report form lives (built by the whistleblower app); one place only.
CORRUPTION_CHANNEL_PATH = "/integrity/report/"
# The receiving function of the corruption channel. Tests point it at a fake receiver.
RECEIVER_PATH = "prongsai.whistleblower.transfer.receive_complaint"

TEXT_KEYS = (
    "received_at",  # ISO 8601, UTC
    "channel",  # how the complaint reached the agency (Thai label)
    "category",  # the general-complaint category it was filed under (Thai name)
    "subject",
    "description",
    "location_address",
    "latitude",
    "longitude",
    "contact_name",
    "contact_phone",
    "contact_email",
    "staff_reason",  # why staff judged it to be a corruption report
)


@dataclass(frozen=True)
class TransferredFile:
    filename: str  # generated, e.g. "photo-1.jpg"; never the citizen's own file name
    content_type: str
    content: bytes


class CorruptionReceiver(Protocol):
    def __call__(
        self, *, agency: Agency, text: Mapping[str, str], attachments: Sequence[TransferredFile]
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
