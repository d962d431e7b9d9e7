"""Errors of the public API in Open311's shape: a list of ``{"code": <HTTP status>, "description": ...}``.

Every failure the framework raises (bad media type, unparsable body, unknown format, 404) goes through here,
so a client never sees an HTML error page or a 500 for bad input.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response


class Open311Error(exceptions.APIException):
    """An error with a Thai description that says what to do."""

    def __init__(self, description: str, status_code: int = status.HTTP_400_BAD_REQUEST) -> None:
        super().__init__(detail=description)
        self.status_code = status_code
        self.description = description


# Every error answer of the API as the OpenAPI document declares it: a list of {code, description}. A raw
# schema, because drf-spectacular documents a list serializer of an error status as a single object.
ERRORS: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "code": {"type": "integer", "description": "the HTTP status"},
            "description": {"type": "string", "description": "what went wrong and what to do, in Thai"},
        },
        "required": ["code", "description"],
    },
}


def error_list(status_code: int, descriptions: list[str]) -> list[dict[str, Any]]:
    return [{"code": status_code, "description": d} for d in descriptions]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Open311Error):
        return Response(error_list(exc.status_code, [exc.description]), status=exc.status_code)
    if isinstance(exc, Http404 | exceptions.NotFound):
        return Response(error_list(404, [_("ไม่พบข้อมูลที่ขอ กรุณาตรวจสอบรหัสอีกครั้ง")]), status=404)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        message = _(
            "รูปแบบข้อมูลที่ส่งมาไม่รองรับ กรุณาส่งเป็น application/x-www-form-urlencoded หรือ multipart/form-data"
        )
        return Response(error_list(415, [message]), status=415)
    if isinstance(exc, RequestDataTooBig):
        message = _("ข้อมูลที่ส่งมามีขนาดใหญ่เกินกว่าที่ระบบรับได้ กรุณาลดขนาดแล้วส่งใหม่")
        return Response(error_list(413, [message]), status=413)
    if isinstance(exc, SuspiciousOperation):
        # Too many fields, a malformed multipart body: bad input, answered in the format like the rest.
        return Response(error_list(400, [_("อ่านข้อมูลที่ส่งมาไม่ได้ กรุณาตรวจสอบรูปแบบข้อมูลแล้วส่งใหม่")]), status=400)
    if isinstance(exc, exceptions.ParseError):
        return Response(error_list(400, [_("อ่านข้อมูลที่ส่งมาไม่ได้ กรุณาตรวจสอบรูปแบบข้อมูลแล้วส่งใหม่")]), status=400)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return Response(error_list(405, [_("ที่อยู่นี้ไม่รองรับวิธีการเรียกนี้")]), status=405)
    if isinstance(exc, exceptions.NotAcceptable):
        return Response(error_list(406, [_("รองรับเฉพาะรูปแบบ json และ xml")]), status=406)
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 60)
        message = _("ส่งคำขอถี่เกินกว่าที่ระบบรับได้ กรุณารอประมาณ %(seconds)s วินาทีแล้วส่งใหม่") % {"seconds": wait}
        response = Response(error_list(429, [message]), status=429)
        response["Retry-After"] = str(wait)
        return response
    if isinstance(exc, exceptions.APIException):
        return Response(error_list(exc.status_code, [str(exc.detail)]), status=exc.status_code)
    return None
