"""Public downloads of the documents built from published data only (exporters marked ``public``).

The public pages of an app link here for the PDF and DOCX of what they show, so the app itself never
imports the engine (no domain app imports reports). Anything else is "not found", the same answer as for an
unknown identifier.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.reports.registry import ExportError, Params, export, get_exporter


class PublicExportForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700)
    as_of = ThaiDateField(label=_("ข้อมูล ณ วันที่"), required=False)


@public
def public_download(request: AgencyRequest, identifier: str, fmt: str) -> HttpResponse:
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
    try:
        result = export(
            agency=request.agency,
            identifier=identifier,
            params=Params(fiscal_year=form.cleaned_data["fiscal_year"], as_of=as_of),
            fmt=fmt,
        )
    except ExportError as exc:
        return render(request, "reports/public_error.html", {"message": str(exc)}, status=400)
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response
