"""Accessible form rendering helpers (loaded as a builtin)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def accessible_widget(field: BoundField) -> SafeString:
    """The field's widget, described by its help text *and* its errors, so a screen reader announces both."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_errors")
    attrs: dict[str, str | bool] = {"aria-describedby": " ".join(described)} if described else {}
    return field.as_widget(attrs=attrs)
