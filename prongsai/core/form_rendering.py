"""The form renderer: Django's templates, except select boxes and text boxes, which are written in Python.

A filter form of the procurement register offers every month of every fiscal year and every vendor: a few
hundred ``<option>`` elements, each of which Django renders by including ``select_option.html`` and
``attrs.html`` through the template engine. That was a quarter of the register's rendering time. The two
templates are short and stable, so ``select_html`` writes the same markup directly from the same widget
context (``core/tests/test_form_rendering.py`` compares the two byte for byte). Text, search, number and
the other one-line ``<input>`` boxes are written the same way, for the same reason at a smaller scale (an
include of ``input.html`` and of ``attrs.html`` each). Every other widget, and a select whose options use
another template, is rendered by the templates as before.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.safestring import SafeData, mark_safe

from prongsai.core import markup

_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"


# Django's templates of these widgets are one line, ``{% include "django/forms/widgets/input.html" %}``
# (core/tests/test_form_rendering.py checks that they still are).
INPUT_WIDGETS = ("text", "search", "email", "number", "url", "password", "hidden", "tel")
_INPUTS = frozenset(f"django/forms/widgets/{name}.html" for name in INPUT_WIDGETS)


class FormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None) -> str:
        if template_name == _SELECT:
            html = select_html(context["widget"])
            if html is not None:
                return html
        elif template_name in _INPUTS:
            return input_html(context["widget"])
        return super().render(template_name, context, request)


def _text(value: Any, context: Context) -> str:
    # What ``{{ value }}`` prints: localised, then escaped unless already safe. Text (the usual name, value
    # and label) has nothing to localise, so it is only escaped.
    if isinstance(value, str):
        return markup.text(value)
    if isinstance(value, Promise):
        return markup.text(str(value))
    return render_value_in_context(value, context)


def _formatted(value: Any) -> str:
    # What ``{{ value|stringformat:'s' }}`` prints: ``stringformat`` is marked is_safe, so safe input stays
    # unescaped and anything else is escaped.
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return text if isinstance(value, SafeData) else markup.text(text)


def _attrs(attrs: dict[str, Any], context: Context) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(
            f" {_text(name, context)}" if value is True else f' {_text(name, context)}="{_formatted(value)}"'
        )
    return "".join(parts)


def select_html(widget: dict[str, Any]) -> str | None:
    """``select.html`` with its options, as Django's templates write it; None when an option has its own
    template (the caller then renders the templates)."""
    context = Context(autoescape=True)
    parts = [f'<select name="{_text(widget["name"], context)}"{_attrs(widget["attrs"], context)}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name, context)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"], context)}>'
                f"{_text(option['label'], context)}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # the renderer strips what the template ends with
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped as the templates escape it


def input_html(widget: dict[str, Any]) -> str:
    """``input.html`` as Django's template writes it (a text, search, number… box)."""
    context = Context(autoescape=True)
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return mark_safe(  # noqa: S308 - every value is escaped as the templates escape it
        f'<input type="{_text(widget["type"], context)}" name="{_text(widget["name"], context)}"{value}'
        f"{_attrs(widget['attrs'], context)}>"
    )
