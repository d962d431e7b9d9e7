"""A stand-in for the corruption channel's receiver, injected by the tests through ``RECEIVER_PATH``.

Same keyword-only signature as ``prongsai.whistleblower.transfer.receive_complaint``.
"""

from __future__ import annotations

from typing import Any

RECEIVED: list[dict[str, Any]] = []


def receive_complaint(
    *,
    agency: Any,
    acting_user: Any,
    category: str,
    description: str,
    location: str,
    occurred: str,
    attachments: list[tuple[str, bytes]],
) -> None:
    RECEIVED.append(
        {
            "agency": agency,
            "acting_user": acting_user,
            "category": category,
            "description": description,
            "location": location,
            "occurred": occurred,
            "attachments": list(attachments),
        }
    )


def refuse_complaint(**kwargs: Any) -> None:
    raise RuntimeError("the corruption channel could not store the report")
