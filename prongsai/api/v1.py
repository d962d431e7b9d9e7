"""Version 1 of the REST API: read-only open data of the E-Service (the catalogue and the statistics).

One small view per operation with its own output serializer (STYLE.md B3). Anonymous and read-only.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from prongsai.api.errors import ERRORS, Open311Error
from prongsai.api.throttling import ReadThrottle
from prongsai.core.models import Agency
from prongsai.eservice import selectors, statistics
from prongsai.eservice.models import Service


def _agency(request: Request) -> Agency:
    agency: Agency = request._request.agency
    return agency


class StepOut(serializers.Serializer[Any]):
    order = serializers.IntegerField()
    name = serializers.CharField()
    duration_value = serializers.IntegerField()
    duration_unit = serializers.CharField()
    responsible_unit = serializers.CharField(allow_null=True)


class ServiceManualOut(serializers.Serializer[Service]):
    code = serializers.CharField()
    name = serializers.CharField(source="name_th")
    category = serializers.CharField()
    owner_unit = serializers.CharField(source="owner_unit.name_th")
    fee = serializers.CharField(source="fee_text")
    channels = serializers.ListField(child=serializers.CharField())
    steps = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField()

    def get_steps(self, service: Service) -> list[dict[str, Any]]:
        return [
            {
                "order": s.order,
                "name": s.name,
                "duration_value": s.duration_value,
                "duration_unit": s.duration_unit,
                "responsible_unit": s.responsible_unit.name_th if s.responsible_unit else None,
            }
            for s in service.steps.all()
        ]


class ServiceCatalogueView(APIView):
    throttle_classes = [ReadThrottle]

    @extend_schema(
        operation_id="v1_eservice_services",
        summary="The published service catalogue (citizen manuals with steps and time limits)",
        responses={200: ServiceManualOut(many=True), 429: ERRORS},
        tags=["E-Service"],
    )
    def get(self, request: Request) -> Response:
        qs = selectors.published_services(_agency(request)).prefetch_related("steps__responsible_unit")
        return Response(ServiceManualOut(qs, many=True).data)


class MonthOut(serializers.Serializer[Any]):
    month = serializers.CharField()
    walk_in = serializers.IntegerField()
    eservice = serializers.IntegerField()
    completed = serializers.IntegerField()
    on_time = serializers.IntegerField()
    median_working_days = serializers.FloatField(allow_null=True)


class ServiceStatisticsOut(serializers.Serializer[Any]):
    service_code = serializers.CharField()
    service_name = serializers.CharField()
    months = MonthOut(many=True)


class StatisticsView(APIView):
    throttle_classes = [ReadThrottle]

    @extend_schema(
        operation_id="v1_eservice_statistics",
        summary="Service statistics per service and month of a fiscal year (Buddhist era)",
        parameters=[
            OpenApiParameter(
                "fiscal_year", int, description="e.g. 2569 (2500 to next year); the current one by default"
            )
        ],
        responses={200: ServiceStatisticsOut(many=True), 400: ERRORS, 429: ERRORS},
        tags=["E-Service"],
    )
    def get(self, request: Request) -> Response:
        current = statistics.current_fiscal_year()
        raw = request.query_params.get("fiscal_year")
        fy: int | None = current
        if raw is not None:
            fy = int(raw) if raw.isascii() and raw.isdigit() else None
        if fy is None or not 2500 <= fy <= current + 1:
            # "null", "", "abc" or a year out of range: say so instead of answering for another year.
            raise Open311Error(
                _("fiscal_year ต้องเป็นปีงบประมาณ พ.ศ. ระหว่าง 2500 ถึง %(last)s เช่น 2569") % {"last": current + 1}
            )
        report = statistics.service_statistics(_agency(request), fy)
        data = [
            {
                "service_code": row.service.code,
                "service_name": row.service.name_th,
                "months": [
                    {
                        "month": f"{m.year:04d}-{m.month:02d}",
                        "walk_in": c.walk_in,
                        "eservice": c.eservice,
                        "completed": c.completed,
                        "on_time": c.on_time,
                        "median_working_days": c.median_days,
                    }
                    for m, c in zip(report.months, row.months, strict=True)
                ],
            }
            for row in report.rows
        ]
        return Response(data)
