"""Version 1 of the REST API: every public data set of the open-data catalogue, filtered and paged.

The data sets are those of the catalogue (``core.datasets``, published at /data/); each answer carries an
ETag and Last-Modified so harvesters poll cheaply (a 304 costs one small query), and reading is rate limited
per client (``API_READ_RATE``), counted under a keyed hash of the address like every other limit.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from prongsai.api.errors import ERRORS, Open311Error
from prongsai.api.throttling import ReadThrottle
from prongsai.core import datasets as registry
from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.opendata import catalog, formats

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100


def _agency(request: Request) -> Agency:
    agency: Agency = request._request.agency
    return agency


def _etag(*parts: object) -> str:
    text = "|".join(str(p) for p in ("api-v1", get_language(), *parts))
    return quote_etag(hashlib.sha256(text.encode()).hexdigest()[:32])


def _conditional(request: Request, etag: str, modified: datetime | None) -> Response | None:
    stamp = int(modified.timestamp()) if modified else None
    answer = get_conditional_response(request._request, etag=etag, last_modified=stamp)
    if answer is not None and answer.status_code == 304:
        return _stamp(Response(status=304), etag, modified)
    return None


def _stamp(response: Response, etag: str, modified: datetime | None) -> Response:
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response


class DatasetOut(serializers.Serializer[Any]):
    key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    modified = serializers.DateTimeField()
    columns = serializers.ListField(child=serializers.CharField())
    url = serializers.URLField(help_text="The rows of the data set in this API")
    catalogue_url = serializers.URLField(help_text="The data set's page in the open-data catalogue")


class DatasetListView(APIView):
    throttle_classes = [ReadThrottle]

    @extend_schema(
        operation_id="v1_datasets",
        summary="The public data sets of the agency (the open-data catalogue)",
        responses={200: DatasetOut(many=True), 304: None, 429: ERRORS},
        tags=["Open data"],
    )
    def get(self, request: Request) -> Response:
        agency = _agency(request)
        items = catalog.entries(agency)
        modified = catalog.catalogue_modified(items)
        etag = _etag(agency.pk, "list", *(f"{i.key}:{i.last_updated.isoformat()}" for i in items))
        unchanged = _conditional(request, etag, modified)
        if unchanged is not None:
            return unchanged
        data = [
            {
                "key": i.key,
                "title": str(i.dataset.title),
                "description": str(i.dataset.description),
                "modified": i.last_updated,
                "columns": [c.name for c in i.dataset.columns],
                "url": agency_url(agency, reverse("api:v1_dataset", args=[i.key]), request=request._request),
                "catalogue_url": i.url,
            }
            for i in items
        ]
        return _stamp(Response(DatasetOut(data, many=True).data), etag, modified)


class DatasetRowsOut(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    columns = serializers.ListField(child=serializers.CharField())
    results = serializers.ListField(child=serializers.DictField())


class DatasetRowsView(APIView):
    throttle_classes = [ReadThrottle]

    @extend_schema(
        operation_id="v1_dataset_rows",
        summary="The rows of one data set, filtered by any column (exact match) and paged",
        parameters=[
            OpenApiParameter(
                "key",
                str,
                OpenApiParameter.PATH,
                description="e.g. procurement-register",
                pattern="^[a-z0-9-]+$",
            ),
            OpenApiParameter("page", int, description="1 by default"),
            OpenApiParameter(
                "page_size", int, description=f"{DEFAULT_PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}"
            ),
            OpenApiParameter(
                "<column>", str, description="any column name of the data set: rows whose value equals it"
            ),
        ],
        responses={200: DatasetRowsOut, 304: None, 400: ERRORS, 404: ERRORS, 429: ERRORS},
        tags=["Open data"],
    )
    def get(self, request: Request, key: str) -> Response:
        agency = _agency(request)
        found = registry.dataset(key)
        if found is None:
            raise Http404
        modified = catalog.last_updated(found, agency)
        params = request.query_params
        try:
            page = int(params.get("page") or 1)
            size = int(params.get("page_size") or DEFAULT_PAGE_SIZE)
        except ValueError:
            raise Open311Error(_("page และ page_size ต้องเป็นจำนวนเต็ม")) from None
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise Open311Error(
                _("page ต้องไม่น้อยกว่า 1 และ page_size ต้องอยู่ระหว่าง 1 ถึง %(max)s") % {"max": MAX_PAGE_SIZE}
            )
        names = [c.name for c in found.columns]
        filters = {name: params[name] for name in names if name in params}
        etag = _etag(agency.pk, key, modified.isoformat(), page, size, sorted(filters.items()))
        unchanged = _conditional(request, etag, modified)
        if unchanged is not None:
            return unchanged
        rows = []
        for row in found.rows(agency):
            record = dict(zip(names, (formats.plain(v) for v in row), strict=True))
            if all(str(record[name]) == wanted for name, wanted in filters.items()):
                rows.append(record)
        start = (page - 1) * size
        url = agency_url(agency, reverse("api:v1_dataset", args=[key]), request=request._request)

        def link(number: int) -> str:
            query = params.copy()
            query["page"] = str(number)
            query["page_size"] = str(size)
            return f"{url}?{query.urlencode()}"

        data = {
            "count": len(rows),
            "next": link(page + 1) if start + size < len(rows) else None,
            "previous": link(page - 1) if page > 1 else None,
            "columns": names,
            "results": rows[start : start + size],
        }
        return _stamp(Response(data), etag, modified)
