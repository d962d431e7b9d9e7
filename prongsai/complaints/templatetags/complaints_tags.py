"""Template tags of the complaint channel."""

from __future__ import annotations

from django import template

from prongsai.complaints.transfer import CORRUPTION_CHANNEL_PATH

register = template.Library()


@register.simple_tag
def corruption_channel_path() -> str:
    """The address of the separate corruption channel's report form (one constant, in ``transfer``)."""
    return CORRUPTION_CHANNEL_PATH
