"""Compressing text responses (HTML, JSON, CSV, XML, SVG) on the way out.

Pages are 3.6–6.5× smaller gzipped. Django's GZipMiddleware pads each compressed body with a random length
(its "Heal the Breach" mitigation), which is why it may compress pages that carry a CSRF token. Two kinds of
response are left alone: files that are already compressed (images, PDF, XLSX/DOCX are ZIP archives), where
gzip costs CPU for nothing, and every page of the corruption channel, whose pages show a reporter's own
decrypted messages: their length is not made to depend on their content (ADR 0090). Cached public pages
arrive here already compressed (prongsai/core/pagecache.py) and pass through untouched.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

_TEXT_TYPES = ("text/", "application/json", "application/ld+json", "application/xml", "image/svg+xml")
_CHANNEL_PREFIX = "/integrity/"


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if request.path.startswith(_CHANNEL_PREFIX):
            return response
        if not response.get("Content-Type", "").lower().startswith(_TEXT_TYPES):
            return response
        return super().process_response(request, response)
