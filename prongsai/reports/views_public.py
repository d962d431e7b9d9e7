"""Official documents that citizens download from the agency's public pages.

The engine lives here, so the pages of the domain apps only link to these views (no domain app imports
``reports``: DESIGN.md). Two kinds:

* documents built from published data only (exporters marked ``public``, e.g. the procurement reports),
  for a fiscal year and, where the exporter takes one, a date;
* the citizen manual of one service, found first through the eservice app's guarded accessor.

Anything else (a draft, an unknown record or identifier, another agency's record) is "not found".
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from prongsai.core.downloads import file_download
from prongsai.core.fields import ThaiDateField
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.thai import fiscal_year
from prongsai.eservice import access as eservice_access
from prongsai.eservice import clock as eservice_clock
from prongsai.reports.registry import Export, ExportError, Params, export, get_exporter

MANUAL_FORMATS = ("pdf", "docx")


def _download(result: Export) -> HttpResponseBase:
    return file_download(result.content, content_type=result.content_type, filename=result.filename)


class PublicExportForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700)
    as_of = ThaiDateField(label=_("ข้อมูล ณ วันที่"), required=False)


@public
def public_download(request: AgencyRequest, identifier: str, fmt: str) -> HttpResponseBase:
    try:
        exporter = get_exporter(identifier)
    except ExportError:
        raise Http404 from None
    if not exporter.public or fmt not in exporter.formats:
        raise Http404
    form = PublicExportForm(request.GET)
    if not form.is_valid():
        message = (
            form.errors["as_of"][0] if "as_of" in form.errors else _("กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2567")
        )
        return render(request, "reports/public_error.html", {"message": message}, status=400)
    as_of = form.cleaned_data["as_of"] if exporter.uses_as_of else None
    params = Params(fiscal_year=form.cleaned_data["fiscal_year"], as_of=as_of, published_only=True)
    try:
        return _download(export(agency=request.agency, identifier=identifier, params=params, fmt=fmt))
    except ExportError as exc:
        return render(request, "reports/public_error.html", {"message": str(exc)}, status=400)


@public
def service_manual(request: AgencyRequest, code: str, fmt: str) -> HttpResponseBase:
    """A published citizen manual as an official document (PDF to read, DOCX to adapt)."""
    service = eservice_access.get_public_service(request.agency, code)
    if fmt not in MANUAL_FORMATS:
        raise Http404
    params = Params(fiscal_year=fiscal_year(eservice_clock.now()), subject=service.code)
    try:
        return _download(export(agency=request.agency, identifier="service-manual", params=params, fmt=fmt))
    except ExportError:
        raise Http404 from None
