"""Serving stored files to the public safely (used by the participation records and the complaints)."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse


def file_response(
    file_field: FieldFile, content_type: str, filename: str, *, inline: bool, cache_seconds: int = 3600
) -> FileResponse:
    """A response that never lets uploaded bytes run as a page of ours, whatever their content claims."""
    response = FileResponse(
        file_field.open("rb"), content_type=content_type, as_attachment=not inline, filename=filename
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={cache_seconds}" if cache_seconds else "private, no-store"
    return response
