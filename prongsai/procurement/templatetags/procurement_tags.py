"""Template filters and tags of the procurement pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from prongsai.core.markup import text as _cell
from prongsai.core.thai import format_month
from prongsai.procurement.models import public_tax_id as _public_tax_id
from prongsai.procurement.selectors import RegisterLine

register = template.Library()


@register.simple_tag
def register_rows(lines: list[RegisterLine]) -> SafeString:
    """The public register's table rows, every value escaped as ``{{ }}`` would.

    Written in one step per page: 50 rows × 9 values through template variables were a third of the
    register's rendering when its page is not cached (the lines already hold text, so nothing else is
    left for the template to do per cell)."""
    return mark_safe(  # noqa: S308 - every value is escaped by _cell (core.markup.text)
        "\n  ".join(
            f'<tr><td><a href="{_cell(line.url)}">{_cell(line.title)}</a></td><td>{_cell(line.method)}</td>'
            f"<td>{_cell(line.status)}</td><td>{_cell(line.vendor)}</td>"
            f'<td class="num">{_cell(line.budget)}</td><td class="num">{_cell(line.agreed)}</td>'
            f"<td>{_cell(line.signed)}</td><td>{_cell(line.project_no)}</td></tr>"
            for line in lines
        )
    )


@register.filter
def month_be(value: Any) -> str:
    """``มีนาคม 2567`` for a date (the month it falls in)."""
    if not isinstance(value, date):
        return ""
    return format_month(value.year, value.month)


@register.filter
def ym_be(value: Any) -> str:
    """``มีนาคม 2567`` for a (CE year, month) pair."""
    try:
        year, month = value
    except (TypeError, ValueError):
        return ""
    return format_month(int(year), int(month))


@register.filter
def public_tax_id(value: Any) -> str:
    """A company's tax ID in full, a natural person's ID masked."""
    return _public_tax_id(str(value or ""))


@register.filter
def be_year(value: Any) -> Any:
    """The Buddhist-era year of a CE year number."""
    try:
        return int(value) + 543
    except (TypeError, ValueError):
        return value


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag(takes_context=True)
def procurement_caps(context: Any) -> frozenset[str]:
    """The request user's capabilities (strings), to show only the menu entries they may open."""
    from prongsai.core.permissions import capabilities_for

    request = context.get("request")
    return frozenset(str(c) for c in capabilities_for(request)) if request is not None else frozenset()
