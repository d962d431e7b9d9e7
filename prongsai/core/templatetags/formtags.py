"""Accessible form rendering helpers (loaded as a builtin)."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

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


def _shown(value: Any) -> str:
    # What ``{{ value }}`` prints of a label, help text, error, id or widget: escaped unless already safe.
    return str(conditional_escape(value))


@register.simple_tag
def field_row(field: BoundField) -> SafeString:
    """What ``{% include "core/_field.html" %}`` writes for ``field``, written at once.

    For a form on a page every visitor opens uncached (the procurement register's filter, six fields):
    the include, its conditions and lookups were a tenth of that page's rendering. The markup is the
    template's, byte for byte (``core/tests/test_form_rendering.py`` compares the two for every kind of
    field, with and without help, errors and a required mark), so the two can be used side by side."""
    errors = field.errors
    opening = f'\n<div class="field{" has-error" if errors else ""}">\n  '
    label_for = _shown(field.id_for_label)
    if getattr(field.field.widget, "input_type", None) == "checkbox":
        body = f'\n    <label for="{label_for}">{_shown(field)} {_shown(field.label)}</label>\n  '
    else:
        required = (
            f' <span aria-hidden="true">*</span><span class="visually-hidden">{_shown(_("(จำเป็น)"))}</span>'
            if field.field.required
            else ""
        )
        help_text = (
            f'<span class="help" id="{_shown(field.auto_id)}_helptext">{_shown(field.help_text)}</span>'
            if field.help_text
            else ""
        )
        listed = (
            f'<ul class="errorlist" id="{_shown(field.auto_id)}_errors">'
            + "".join(f"<li>{_shown(e)}</li>" for e in errors)
            + "</ul>"
            if errors
            else ""
        )
        body = (
            f'\n    <label for="{label_for}">{_shown(field.label)}{required}</label>\n'
            f"    {help_text}\n"
            f"    {listed}\n"
            f"    {_shown(accessible_widget(field))}\n  "
        )
    return mark_safe(f"{opening}{body}\n</div>\n")  # noqa: S308 - every value is escaped by _shown
