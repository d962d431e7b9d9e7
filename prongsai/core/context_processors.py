from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def agency(request: HttpRequest) -> dict[str, Any]:
    """The current agency for every template (header, footer, titles)."""
    return {"agency": getattr(request, "agency", None)}
