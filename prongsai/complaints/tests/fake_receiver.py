"""A stand-in for the corruption channel's receiver, injected by the tests through ``RECEIVER_PATH``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from prongsai.complaints.transfer import TransferredFile

RECEIVED: list[dict[str, Any]] = []


def receive_complaint(
    *, agency: Any, text: Mapping[str, str], attachments: Sequence[TransferredFile]
) -> None:
    RECEIVED.append({"agency": agency, "text": dict(text), "attachments": list(attachments)})


def refuse_complaint(*, agency: Any, text: Mapping[str, str], attachments: Sequence[TransferredFile]) -> None:
    raise RuntimeError("the corruption channel could not store the report")
