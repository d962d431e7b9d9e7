"""Open311 GeoReport v2 XML: the element names the specification gives, generated with ElementTree
(nothing is parsed, so no XML parser attack surface)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from rest_framework.renderers import BaseRenderer, JSONRenderer

# The element of each item inside a list element (GeoReport v2).
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
}


class Open311JSONRenderer(JSONRenderer):
    format = "json"
    charset = "utf-8"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _fill(parent: Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(SubElement(parent, key), child)
    elif isinstance(value, list):
        item_tag = ITEM_TAGS.get(parent.tag, "item")
        for child in value:
            _fill(SubElement(parent, item_tag), child)
    else:
        parent.text = _text(value)


class Open311XMLRenderer(BaseRenderer):
    media_type = "text/xml"
    format = "xml"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        context = renderer_context or {}
        response = context.get("response")
        view = context.get("view")
        if response is not None and response.status_code >= 400:
            root_tag = "errors"
        else:
            root_tag = getattr(view, "xml_root", "response")
        root = Element(root_tag)
        _fill(root, data)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(
            root, encoding="utf-8", xml_declaration=False
        )
