"""``{% line_follow code %}``: follow a tracking code on the agency's LINE Official Account (link and QR).

Renders nothing when the agency has no active LINE channel. The link opens a chat with the account with the
tracking code already typed (``line.me/R/oaMessage``), so the citizen only presses send; the webhook links it.
"""

from __future__ import annotations

from typing import Any

import segno
from django import template

from prongsai.core import selectors
from prongsai.core.line import add_friend_url

register = template.Library()


@register.inclusion_tag("core/_line_follow.html", takes_context=True)
def line_follow(context: dict[str, Any], code: str) -> dict[str, Any]:
    request = context.get("request")
    agency = getattr(request, "agency", None)
    channel = selectors.line_channel(agency) if agency is not None else None
    if channel is None:
        return {"url": ""}
    url = add_friend_url(channel.basic_id, code)
    return {"url": url, "qr": str(segno.make(url, error="m").png_data_uri(scale=4, border=2)), "code": code}
