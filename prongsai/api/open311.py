"""Open311 GeoReport v2 at ``/open311/v2/``, in JSON and XML, on top of the E-Service layer.

* ``services.{json,xml}``               the published services that accept online requests
* ``services/<code>.{json,xml}``        a service definition: its request form as Open311 attributes
* ``requests.{json,xml}`` GET           requests, filtered (service_request_id, service_code, start_date,
                                        end_date, status); no personal data
* ``requests.{json,xml}`` POST          a new request through ``eservice.services.request_submit``, validated
                                        by the same form as the web page (Thai messages)
* ``requests/<id>.{json,xml}``          one request

Identifiers: a POST answers with the request's tracking code (the citizen's secret). A list that is not
filtered by ``service_request_id`` identifies requests by their public reference (a UUID) instead, so it
never hands out tracking codes; ``requests/<id>`` accepts either. See docs/decisions/0022-open311.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from prongsai.api.throttling import Open311ReadThrottle, Open311SubmitThrottle
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK
from prongsai.core.tracking import normalise_tracking_code
from prongsai.eservice import access as eservice_access
from prongsai.eservice import clock, selectors
from prongsai.eservice import services as eservice_services
from prongsai.eservice.forms import ANSWER_PREFIX, RequestForm
from prongsai.eservice.models import OPEN_STATUSES, Channel, Service, ServiceRequest
from prongsai.eservice.models.form_spec import OPEN311_DATATYPE

from .errors import ERRORS, Open311Error
from .renderers import Open311JSONRenderer, Open311XMLRenderer

# Keys generated from a client's Idempotency-Key live in their own UUID namespace.
IDEMPOTENCY_NAMESPACE = uuid.UUID("6f1d2c1e-5b0a-4c61-9d3e-2f8f6f0f3a11")
DEFAULT_LIST_DAYS = 90
MAX_LIST = 1000
# Ids one GET may name: each is looked up on its own, so 2,000 of them cost seconds of CPU and let a client
# test that many tracking codes at once. A citizen's app asks for a few.
MAX_IDS = 50

FORMAT = OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=["json", "xml"], description="json or xml")
# The path patterns of urls.py, so that the document says which values reach a view at all.
SERVICE_CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, pattern="^[-a-z0-9_]+$")
REFERENCE = OpenApiParameter(
    "reference",
    str,
    OpenApiParameter.PATH,
    pattern="^[-A-Za-z0-9]+$",
    description="tracking code or reference",
)


def _agency(request: Request) -> Agency:
    agency: Agency = request._request.agency
    return agency


class Open311View(APIView):
    renderer_classes = [Open311JSONRenderer, Open311XMLRenderer]
    xml_root = "response"
    # Reads are limited per client like the open-data API; creation has its own, lower allowance.
    throttle_classes = [Open311ReadThrottle]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Refuse an oversized body before anything reads it, in Open311's format (Django would answer an
        # HTML page once the body is read).
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not declared.isdigit() or int(declared) > settings.OPEN311_MAX_BODY_BYTES:
            raise Open311Error(
                _("ข้อมูลที่ส่งมามีขนาดเกิน %(mb)s MB กรุณาลดขนาดไฟล์แล้วส่งใหม่")
                % {"mb": settings.OPEN311_MAX_BODY_BYTES // (1024 * 1024)},
                status_code=413,
            )
        # The URL's suffix is the format; a ?format= that names another one (or none we know) is refused as
        # DRF refuses it on the other endpoints, instead of being silently ignored.
        asked = request.query_params.get("format")
        if asked is not None and asked != kwargs.get("fmt"):
            raise Open311Error(
                _("ไม่มีข้อมูลในรูปแบบ “%(format)s” ที่ที่อยู่นี้ รูปแบบกำหนดด้วยนามสกุลของที่อยู่ (.json หรือ .xml)")
                % {"format": asked[:20]},
                status_code=404,
            )
        super().initial(request, *args, **kwargs)

    def get_format_suffix(self, **kwargs: Any) -> str | None:
        # The URL's ".json"/".xml" picks the renderer (see urls.py for why the group is called "fmt").
        fmt: str | None = kwargs.get("fmt")
        return fmt


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(BANGKOK).isoformat(timespec="seconds") if moment else None


# --- services --------------------------------------------------------------------------------------------


class ServiceOut(serializers.Serializer[Service]):
    service_code = serializers.CharField(source="code")
    service_name = serializers.CharField(source="name_th")
    description = serializers.CharField()
    metadata = serializers.SerializerMethodField()
    type = serializers.SerializerMethodField()
    keywords = serializers.SerializerMethodField()
    group = serializers.CharField(source="get_category_display")

    def get_metadata(self, service: Service) -> bool:
        return bool(service.form_fields)

    def get_type(self, service: Service) -> str:
        return "batch"

    def get_keywords(self, service: Service) -> str:
        return service.category


def _online_services(agency: Agency) -> list[Service]:
    return list(selectors.published_services(agency).filter(channel_eservice=True, is_accepting=True))


class ServiceListView(Open311View):
    xml_root = "services"

    @extend_schema(
        operation_id="open311_services",
        summary="Services that accept online requests (GeoReport v2 services)",
        parameters=[FORMAT],
        responses={200: ServiceOut(many=True), 404: ERRORS, 413: ERRORS, 429: ERRORS},
        tags=["Open311"],
    )
    def get(self, request: Request, fmt: str | None = None) -> Response:
        return Response(ServiceOut(_online_services(_agency(request)), many=True).data)


class AttributeOut(serializers.Serializer[dict[str, Any]]):
    variable = serializers.BooleanField()
    code = serializers.CharField()
    datatype = serializers.CharField()
    required = serializers.BooleanField()
    datatype_description = serializers.CharField()
    order = serializers.IntegerField()
    description = serializers.CharField()
    values = serializers.ListField(child=serializers.DictField())


class ServiceDefinitionOut(serializers.Serializer[dict[str, Any]]):
    service_code = serializers.CharField()
    attributes = AttributeOut(many=True)


def _definition(service: Service) -> dict[str, Any]:
    attributes = []
    for order, spec in enumerate(service.form_fields, start=1):
        kind = spec["kind"]
        described = {
            "thai_id": _("เลขประจำตัวประชาชน 13 หลัก"),
            "phone": _("หมายเลขโทรศัพท์ในประเทศไทย"),
            "address": _("ที่อยู่พร้อมรหัสไปรษณีย์ 5 หลัก"),
            "date": _("วันที่ เช่น 30/09/2567 หรือ 2024-09-30"),
            "file": _("ไฟล์แนบ ส่งแบบ multipart/form-data"),
        }.get(kind, "")
        attributes.append(
            {
                "variable": True,
                "code": spec["name"],
                "datatype": OPEN311_DATATYPE[kind],
                "required": bool(spec.get("required", False)),
                "datatype_description": described,
                "order": order,
                "description": spec["label"],
                "values": [{"key": str(k), "name": str(v)} for k, v in spec.get("choices", [])]
                if kind == "choice"
                else [],
            }
        )
    return {"service_code": service.code, "attributes": attributes}


class ServiceDefinitionView(Open311View):
    xml_root = "service_definition"

    @extend_schema(
        operation_id="open311_service_definition",
        summary="A service's request form as Open311 attributes",
        parameters=[SERVICE_CODE, FORMAT],
        responses={200: ServiceDefinitionOut, 404: ERRORS, 413: ERRORS, 429: ERRORS},
        tags=["Open311"],
    )
    def get(self, request: Request, code: str, fmt: str | None = None) -> Response:
        service = next((s for s in _online_services(_agency(request)) if s.code == code), None)
        if service is None:
            raise Open311Error(
                _("ไม่พบบริการรหัส “%(code)s” กรุณาดูรายการบริการที่ services.json") % {"code": code}, 404
            )
        return Response(_definition(service))


# --- requests --------------------------------------------------------------------------------------------


class RequestOut(serializers.Serializer[dict[str, Any]]):
    service_request_id = serializers.CharField()
    status = serializers.ChoiceField(choices=["open", "closed"])
    status_notes = serializers.CharField()
    service_name = serializers.CharField()
    service_code = serializers.CharField()
    agency_responsible = serializers.CharField()
    service_notice = serializers.CharField()
    requested_datetime = serializers.DateTimeField()
    updated_datetime = serializers.DateTimeField()
    expected_datetime = serializers.DateTimeField(allow_null=True)


def _request_out(req: ServiceRequest, *, reveal_code: bool) -> dict[str, Any]:
    step = req.current_step if req.is_open else None
    notes = req.get_status_display()
    if step is not None:
        notes = f"{notes}: {step.name}"
    return {
        "service_request_id": req.display_code if reveal_code else str(req.public_id),
        "status": "open" if req.status in OPEN_STATUSES else "closed",
        "status_notes": notes,
        "service_name": req.service.name_th,
        "service_code": req.service.code,
        "agency_responsible": req.service.owner_unit.name_th,
        "service_notice": _("กำหนดแล้วเสร็จตามคู่มือ %(due)s") % {"due": _iso(req.due_at)} if req.due_at else "",
        "requested_datetime": _iso(req.received_at),
        "updated_datetime": _iso(req.updated_at),
        "expected_datetime": _iso(req.due_at),
    }


class CreatedOut(serializers.Serializer[dict[str, Any]]):
    service_request_id = serializers.CharField()
    service_notice = serializers.CharField()
    account_id = serializers.CharField(allow_null=True)


class RequestCreateIn(serializers.Serializer[dict[str, Any]]):
    """Documented input of POST requests (form fields). ``attribute[<code>]`` carries each attribute."""

    service_code = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField(required=False)
    email = serializers.EmailField(required=False)
    phone = serializers.CharField(required=False)
    description = serializers.CharField(required=False)
    idempotency_key = serializers.CharField(
        required=False,
        help_text="Any string up to 200 characters; the same key never creates a second request",
    )


def _parse_moment(value: str | None, name: str) -> datetime | None:
    if value is None:
        return None
    invalid = Open311Error(
        _("%(name)s ต้องเป็นวันเวลาแบบ ISO 8601 พร้อมเขตเวลา เช่น 2026-03-15T09:30:00+07:00") % {"name": name}
    )
    try:
        moment = parse_datetime(value)
        if moment is None or moment.tzinfo is None:
            raise invalid
        # In UTC: Python accepts offsets up to 24 hours, PostgreSQL only up to 16, and a moment so near the
        # ends of the calendar that it leaves it in UTC is no date at all.
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise invalid from None


def _list(request: Request) -> Response:
    agency = _agency(request)
    params = request.query_params
    codes = [c.strip() for c in (params.get("service_request_id") or "").split(",") if c.strip()]
    if len(codes) > MAX_IDS:
        raise Open311Error(
            _("ระบุ service_request_id ได้ไม่เกิน %(max)s รหัสต่อครั้ง กรุณาแบ่งถามหลายครั้ง") % {"max": MAX_IDS}
        )
    status = params.get("status") or None
    if status not in (None, "open", "closed"):
        raise Open311Error(_("status ต้องเป็น open หรือ closed"))
    start = _parse_moment(params.get("start_date"), "start_date")
    end = _parse_moment(params.get("end_date"), "end_date")
    if codes:
        found = []
        for code in codes:
            try:
                found.append(eservice_access.get_request_by_public_reference(agency, code))
            except Http404:
                continue
        named = {normalise_tracking_code(c) for c in codes}
        data = [_request_out(r, reveal_code=r.tracking_code in named) for r in found]
        return Response(data)
    if start is None and end is None:
        start = clock.now() - timedelta(days=DEFAULT_LIST_DAYS)
    rows = selectors.requests_for_open311(
        agency,
        service_code=params.get("service_code") or None,
        start=start,
        end=end,
        status=status,
        limit=MAX_LIST,
    )
    return Response([_request_out(r, reveal_code=False) for r in rows])


def _idempotency_key(request: Request) -> uuid.UUID:
    raw = request.headers.get("Idempotency-Key") or request.data.get("idempotency_key") or ""
    raw = str(raw).strip()
    if len(raw) > 200:
        raise Open311Error(_("Idempotency-Key ยาวเกิน 200 ตัวอักษร"))
    # Without a key each POST is a new request, as GeoReport v2 defines; with one, re-sending is harmless.
    return uuid.uuid5(IDEMPOTENCY_NAMESPACE, raw) if raw else uuid.uuid4()


def _create(request: Request) -> Response:
    agency = _agency(request)
    data = request.data
    if not isinstance(data, Mapping):
        # A JSON body that is a list, a string, a number or null: there are no fields to read.
        raise Open311Error(_("ข้อมูลที่ส่งมาต้องเป็นแบบฟอร์ม (ชื่อ=ค่า) หรือออบเจกต์ JSON ที่มีชื่อช่องตามเอกสาร"))
    code = str(data.get("service_code") or "").strip()
    if not code:
        raise Open311Error(_("กรุณาระบุ service_code ของบริการที่ต้องการยื่นคำขอ"))
    service = next((s for s in _online_services(agency) if s.code == code), None)
    if service is None:
        raise Open311Error(
            _("ไม่พบบริการรหัส “%(code)s” ที่รับคำขอออนไลน์ กรุณาดูรายการที่ services.json") % {"code": code}
        )
    key = _idempotency_key(request)
    name = " ".join(str(data.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    form_data: dict[str, Any] = {
        "idempotency_key": str(key),
        "applicant_name": name,
        "applicant_phone": data.get("phone") or "",
        "applicant_email": data.get("email") or "",
        "consent": "on",  # the client shows the service's privacy notice (see the OpenAPI description)
    }
    files: dict[str, Any] = {}
    for spec in service.form_fields:
        value = data.get(f"attribute[{spec['name']}]")
        upload = request.FILES.get(f"attribute[{spec['name']}]")
        if upload is not None:
            files[ANSWER_PREFIX + spec["name"]] = upload
        elif value is not None:
            form_data[ANSWER_PREFIX + spec["name"]] = value
    form = RequestForm(form_data, files, service=service)
    if not form.is_valid():
        problems = []
        for field_name, errors in form.errors.items():
            label = "" if field_name == "__all__" else _open311_name(field_name)
            for message in errors:
                problems.append(f"{label}: {message}" if label else str(message))
        return Response([{"code": 400, "description": p} for p in problems], status=400)
    try:
        submission = eservice_services.request_submit(
            agency=agency,
            service=service,
            channel=Channel.API,
            applicant=form.applicant(),
            answers=form.answers(),
            files=form.checked_files(),
            idempotency_key=key,
            acting_user=None,
        )
    except ValidationError as exc:
        raise Open311Error(" ".join(exc.messages)) from None
    req = submission.request
    notice = _("ได้รับคำขอแล้ว กำหนดแล้วเสร็จตามคู่มือ %(due)s") % {"due": _iso(req.due_at)}
    body = [{"service_request_id": req.display_code, "service_notice": notice, "account_id": None}]
    return Response(body, status=201 if submission.created else 200)


def _open311_name(field_name: str) -> str:
    mapping = {
        "applicant_name": "first_name/last_name",
        "applicant_phone": "phone",
        "applicant_email": "email",
        "idempotency_key": "idempotency_key",
    }
    if field_name.startswith(ANSWER_PREFIX):
        return f"attribute[{field_name[len(ANSWER_PREFIX) :]}]"
    return mapping.get(field_name, field_name)


class RequestsView(Open311View):
    """GET lists requests, POST creates one; each method has its own input and output shapes."""

    xml_root = "service_requests"
    throttle_classes = [Open311ReadThrottle, Open311SubmitThrottle]

    @extend_schema(
        operation_id="open311_requests_list",
        summary="Requests, filtered; no personal data",
        parameters=[
            FORMAT,
            OpenApiParameter(
                "service_request_id", str, description="comma-separated tracking codes or references"
            ),
            OpenApiParameter("service_code", str),
            OpenApiParameter("start_date", OpenApiTypes.DATETIME),
            OpenApiParameter("end_date", OpenApiTypes.DATETIME),
            OpenApiParameter("status", str, enum=["open", "closed"]),
        ],
        responses={200: RequestOut(many=True), 400: ERRORS, 404: ERRORS, 413: ERRORS, 429: ERRORS},
        tags=["Open311"],
    )
    def get(self, request: Request, fmt: str | None = None) -> Response:
        return _list(request)

    @extend_schema(
        operation_id="open311_requests_create",
        summary="Submit a request (the client must show the service's privacy notice first)",
        description=(
            "Form-encoded or multipart. Attributes as attribute[<code>]; files as multipart parts of the "
            "same "
            "name, checked by content and size. Send an Idempotency-Key header (or idempotency_key field): "
            "re-sending with the same key returns the request already made (200) instead of a new one (201)."
        ),
        parameters=[FORMAT, OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER)],
        request={
            "application/x-www-form-urlencoded": RequestCreateIn,
            "multipart/form-data": RequestCreateIn,
        },
        responses={
            201: CreatedOut(many=True),
            200: CreatedOut(many=True),
            400: ERRORS,
            404: ERRORS,
            413: ERRORS,
            429: ERRORS,
        },
        tags=["Open311"],
    )
    def post(self, request: Request, fmt: str | None = None) -> Response:
        return _create(request)


class RequestDetailView(Open311View):
    xml_root = "service_requests"

    @extend_schema(
        operation_id="open311_request",
        summary="One request by tracking code or public reference",
        parameters=[REFERENCE, FORMAT],
        responses={200: RequestOut(many=True), 404: ERRORS, 413: ERRORS, 429: ERRORS},
        tags=["Open311"],
    )
    def get(self, request: Request, reference: str, fmt: str | None = None) -> Response:
        req = eservice_access.get_request_by_public_reference(_agency(request), reference)
        return Response(
            [_request_out(req, reveal_code=req.tracking_code == normalise_tracking_code(reference))]
        )
