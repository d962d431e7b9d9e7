"""The staff report page: every registered exporter, rendered on request as a download."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.downloads import file_download
from prongsai.core.fields import ThaiDateField
from prongsai.core.http import StaffRequest
from prongsai.core.models import Agency
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.thai import BANGKOK, fiscal_year
from prongsai.core.views_forms import form_status
from prongsai.reports import selectors
from prongsai.reports.registry import Exporter, ExportError, Params, export, exporters, get_exporter


class ExportForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700)
    as_of = ThaiDateField(label=_("ข้อมูล ณ วันที่"), required=False)
    # Only for exporters about one record (a service's manual); the exporter says what is missing.
    subject = forms.ChoiceField(required=False)
    fmt = forms.ChoiceField(label=_("รูปแบบ"))

    def __init__(self, *args: Any, exporter: Exporter, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fmt"].choices = [(f, f.upper()) for f in exporter.formats]  # type: ignore[attr-defined]
        if exporter.subject_label and exporter.subject_choices is not None:
            subject = self.fields["subject"]
            subject.label = exporter.subject_label
            subject.choices = [("", "—"), *exporter.subject_choices(agency)]  # type: ignore[attr-defined]
        else:
            del self.fields["subject"]


class ReportYearForm(forms.Form):
    """The year (and "as of" date) the list's download links use, chosen on the list itself."""

    fiscal_year = forms.TypedChoiceField(label=_("ปีงบประมาณ (พ.ศ.)"), coerce=int)
    as_of = ThaiDateField(
        label=_("ข้อมูล ณ วันที่"),
        required=False,
        help_text=_("สำหรับรายงานที่แสดงข้อมูล ณ วันที่ใดวันหนึ่ง เว้นว่างไว้เพื่อใช้ข้อมูลถึงวันนี้"),
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]


@staff(Cap.REPORTS_EXPORT)
def report_index(request: StaffRequest) -> HttpResponse:
    years, default = selectors.report_years(request.agency, timezone.now().astimezone(BANGKOK).date())
    form = ReportYearForm(request.GET or None, years=years, initial={"fiscal_year": default})
    chosen, as_of = default, None
    if request.GET and form.is_valid():
        chosen, as_of = form.cleaned_data["fiscal_year"], form.cleaned_data["as_of"]
    return render(
        request,
        "reports/index.html",
        {
            "exporters": exporters(),
            "form": form,
            "chosen": chosen,
            "as_of": as_of,
            "as_of_iso": as_of.isoformat() if as_of else "",
        },
        status=form_status(form),
    )


@staff(Cap.REPORTS_EXPORT)
def report_download(request: StaffRequest, identifier: str) -> HttpResponseBase:
    try:
        exporter = get_exporter(identifier)
    except ExportError:
        return render(
            request, "reports/error.html", {"message": _("ไม่มีรายงานนี้ กรุณาเลือกจากรายการรายงาน")}, status=404
        )
    form = ExportForm(
        request.GET or None,
        exporter=exporter,
        agency=request.agency,
        initial={"fiscal_year": fiscal_year(timezone.now().astimezone(BANGKOK))},
    )
    if request.GET and form.is_valid():
        try:
            result = export(
                agency=request.agency,
                identifier=identifier,
                params=Params(
                    fiscal_year=form.cleaned_data["fiscal_year"],
                    as_of=form.cleaned_data["as_of"],
                    subject=form.cleaned_data.get("subject") or "",
                ),
                fmt=form.cleaned_data["fmt"],
            )
        except ExportError as exc:
            form.add_error(None, str(exc))
        else:
            return file_download(result.content, content_type=result.content_type, filename=result.filename)
    return render(
        request,
        "reports/download.html",
        {"exporter": exporter, "form": form},
        status=form_status(form),
    )
