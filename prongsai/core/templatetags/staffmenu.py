"""The back-office sidebar and the "who must act" names, for templates."""

from __future__ import annotations

from typing import Any

from django import template

from prongsai.core import staff_menu
from prongsai.core.permissions import capabilities_for
from prongsai.core.roles import Cap, who_can

register = template.Library()


@register.inclusion_tag("core/staff/_menu.html", takes_context=True)
def staff_menu_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The sidebar entries the signed-in member can open, the current one marked."""
    request = context["request"]
    match = request.resolver_match
    app_name = match.app_name if match else ""
    url_name = match.url_name if match else ""
    entries = staff_menu.entries_for(capabilities_for(request))
    return {"entries": [(entry, staff_menu.is_current(entry, app_name, url_name or "")) for entry in entries]}


@register.simple_tag
def roles_who_can(capability: str) -> str:
    """The Thai names of the roles that can do what the page offers to others ("A, B หรือ C")."""
    return who_can(Cap(capability))
