"""The one way a file leaves Prongsai: uploads, generated documents, data sets and exports alike.

Every download gets the same headers, so none of them can drift (STYLE.md A.19):

* ``Content-Type`` as given (the type found by content at upload, or the type of the generated format);
* ``Content-Disposition`` built by Django for any file name, Thai included (RFC 6266 ``filename*``), as an
  attachment unless the caller allows inline display (PDFs and re-encoded images);
* ``X-Content-Type-Options: nosniff`` and a sandboxing ``Content-Security-Policy``, so bytes from outside
  never run as a page of ours, whatever they claim to be;
* ``Cache-Control``: ``public, max-age=N`` for published files that may be cached, otherwise
  ``private, no-store`` (every staff or personal file, and generated data that changes with the register).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils.http import content_disposition_header

if TYPE_CHECKING:
    from prongsai.core.models import Attachment

Body = bytes | str | FieldFile | Iterable[bytes] | Iterable[str]


def file_download(
    body: Body, *, content_type: str, filename: str, inline: bool = False, max_age: int = 0
) -> HttpResponseBase:
    """A safe response carrying ``body``: bytes or text, a stored file, or an iterator of chunks (streamed).

    ``max_age`` > 0 lets browsers and proxies keep a public file that long; 0 (the default) forbids storing.
    """
    response: HttpResponseBase
    if isinstance(body, FieldFile):
        response = FileResponse(body.open("rb"), content_type=content_type)
    elif isinstance(body, bytes | str):
        response = HttpResponse(body, content_type=content_type)
    else:
        response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename or "file") or (
        "inline" if inline else "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = f"public, max-age={max_age}" if max_age > 0 else "private, no-store"
    return response


def picture_preview(attachment: Attachment, *, filename: str = "", max_age: int = 0) -> HttpResponseBase:
    """A picture as a page shows it in a list or a column: its preview, or itself when it is small (ADR 0133).

    The caller has checked that the picture is public; a document is not a picture (404)."""
    if not attachment.is_image:
        raise Http404
    return file_download(
        attachment.shown_file,
        content_type=attachment.content_type,
        filename=filename or attachment.original_name,
        inline=True,
        max_age=max_age,
    )
