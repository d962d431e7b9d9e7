"""Public procurement pages: plan, announcements, the register with its downloads, the reports, OCDS.

Thin: parse the request, call selectors/builders, render. Only published rows are ever shown, and a
natural person's ID is masked everywhere (templates use ``public_tax_id``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.links import agency_url
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.thai import ThaiDateError, ce_year, format_date, parse_date
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.core.views_forms import form_status

from . import access, exporters, ocds, reports, selectors
from .forms import ANNOUNCEMENT_KIND_CHOICES, RegisterFilterForm
from .models import AnnouncementKind, Procurement

PER_PAGE = 50


def _publisher(request: AgencyRequest, prefix: selectors.OcidPrefix) -> ocds.Publisher:
    return ocds.Publisher(
        agency=request.agency,
        prefix=prefix.value,
        base_url=agency_url(request.agency, request=request).rstrip("/"),
    )


def _xlsx(content: bytes, filename: str) -> HttpResponseBase:
    return file_download(content, content_type=exporters.XLSX_TYPE, filename=filename)


def _bad_request(request: AgencyRequest, message: str) -> HttpResponse:
    return render(request, "procurement/bad_request.html", {"message": message}, status=400)


@public
@cache_public_page
def index(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    years = selectors.fiscal_years(agency)
    fy = years[0] if years else selectors.current_fiscal_year()
    return render(
        request,
        "procurement/index.html",
        {
            "years": years,
            "fiscal_year": fy,
            "totals": selectors.totals(selectors.register(agency, selectors.RegisterFilter(fiscal_year=fy))),
            "plans": selectors.published_plans(agency)[:3],
            "announcements": selectors.published_announcements(agency)[:5],
            "months": selectors.months_of_year(fy),
            "ocds_published": selectors.ocds_registered(agency),
        },
    )


# --- plan -------------------------------------------------------------------------------------------------


@public
@cache_public_page
def plan_list(request: AgencyRequest) -> HttpResponse:
    return render(request, "procurement/plan_list.html", {"plans": selectors.published_plans(request.agency)})


@public
@cache_public_page
def plan_detail(request: AgencyRequest, fiscal_year: int) -> HttpResponse:
    plan = selectors.published_plan(request.agency, fiscal_year)
    if plan is None:
        raise Http404
    from . import parameters

    return render(
        request,
        "procurement/plan_detail.html",
        {
            "plan": plan,
            "items": plan.items.all(),
            "no_large": selectors.plan_needs_no_large_announcement(plan),
            "threshold": parameters.parameters_for(request.agency)[parameters.PLAN_REQUIRED_ABOVE],
            "in_time": selectors.plan_published_in_time(plan),
            "revisions": revisions_of(plan),
        },
    )


# --- announcements ----------------------------------------------------------------------------------------


@public
@cache_public_page
def announcement_list(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    kind = request.GET.get("kind", "")
    if kind not in AnnouncementKind.values:
        kind = ""
    try:
        fy = int(request.GET.get("fy") or 0) or None
    except ValueError:
        fy = None
    paginator = Paginator(selectors.published_announcements(agency, fiscal_year=fy, kind=kind), PER_PAGE)
    return render(
        request,
        "procurement/announcement_list.html",
        {
            "page_obj": paginator.get_page(request.GET.get("page")),
            "kinds": ANNOUNCEMENT_KIND_CHOICES,
            "kind": kind,
            "fiscal_year": fy,
            "years": selectors.fiscal_years(agency),
        },
    )


@public
@cache_public_page
def announcement_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    item = access.get_public_announcement(request.agency, public_id)
    procurement = item.procurement if item.procurement and item.procurement.is_published else None
    return render(
        request,
        "procurement/announcement_detail.html",
        {"item": item, "procurement": procurement, "revisions": revisions_of(item)},
    )


@public
def public_file(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    attachment = access.get_public_file(request.agency, public_id)
    return file_download(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=attachment.kind in {"pdf", "jpg", "png"},
        max_age=3600,
    )


# --- the register -----------------------------------------------------------------------------------------


def _register_filter(
    request: AgencyRequest,
) -> tuple[RegisterFilterForm, selectors.RegisterFilter, selectors.RegisterChoices]:
    choices = selectors.register_choices(request.agency)
    raw_fy = request.GET.get("fy") or ""
    fy = int(raw_fy) if raw_fy.isdigit() and int(raw_fy) in choices.years else None
    form = RegisterFilterForm(
        request.GET or None, years=choices.years, fiscal_year=fy, vendors=choices.vendors(fy)
    )
    if not form.is_valid():
        return form, selectors.RegisterFilter(), choices
    data = form.cleaned_data
    flt = selectors.RegisterFilter(
        fiscal_year=data.get("fy"),
        month=form.month_value(),
        method=data.get("method") or "",
        status=data.get("status") or "",
        vendor=data.get("vendor") or "",
        query=data.get("q") or "",
    )
    return form, flt, choices


@public
@cache_public_page
def register(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    form, flt, choices = _register_filter(request)
    found, lines = selectors.published_register_page(
        agency, flt, request.GET, PER_PAGE, url_name="procurement:procurement_detail"
    )
    query = request.GET.copy()
    for name in ("page", "after", "before"):
        query.pop(name, None)
    return render(
        request,
        "procurement/register.html",
        {
            "form": form,
            "page": found,
            "lines": lines,
            # A year or the whole register: its totals came with the filter's choices.
            "totals": (
                choices.totals(flt.fiscal_year)
                if flt.year_only
                else selectors.totals(selectors.register(agency, flt))
            ),
            "querystring": query.urlencode(),
            "ocds_published": selectors.ocds_registered(agency),
        },
        status=form_status(form),
    )


def _register_filename(flt: selectors.RegisterFilter, extension: str) -> str:
    """The download's name says what it holds: ``procurement-register-fy2567-2567-03.csv``; any other filter
    (method, status, vendor, words) adds ``-filtered``, so two different downloads never share a name."""
    parts = ["procurement-register"]
    if flt.fiscal_year:
        parts.append(f"fy{flt.fiscal_year}")
    if flt.month:
        year_ce, month = flt.month
        parts.append(f"{year_ce + 543}-{month:02d}")
    if flt.method or flt.status or flt.vendor or flt.query:
        parts.append("filtered")
    return "-".join(parts) + "." + extension


@public
def register_csv(request: AgencyRequest) -> HttpResponseBase:
    _form, flt, _choices = _register_filter(request)
    rows = selectors.register(request.agency, flt).iterator(chunk_size=2000)
    return file_download(
        exporters.register_csv(rows, selectors.ocid_prefix(request.agency).value),
        content_type="text/csv; charset=utf-8",
        filename=_register_filename(flt, "csv"),
    )


@public
def register_xlsx(request: AgencyRequest) -> HttpResponseBase:
    _form, flt, _choices = _register_filter(request)
    rows = selectors.register(request.agency, flt).iterator(chunk_size=2000)
    return _xlsx(
        exporters.register_xlsx(rows, selectors.ocid_prefix(request.agency).value),
        _register_filename(flt, "xlsx"),
    )


@public
@cache_public_page
def procurement_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    row = access.get_public_procurement(request.agency, public_id)
    return render(
        request,
        "procurement/procurement_detail.html",
        {
            "row": row,
            "announcements": [a for a in row.announcements.all() if a.is_published],
            "revisions": revisions_of(row),
            "ocid": selectors.ocid_prefix(request.agency).ocid(row.ocid_local),
        },
    )


# --- reports ----------------------------------------------------------------------------------------------


def _as_of(request: AgencyRequest) -> date | str:
    raw = (request.GET.get("as_of") or "").strip()
    if not raw:
        return timezone.localdate()
    try:
        return parse_date(raw)
    except ThaiDateError as exc:
        return str(exc)


@public
def reports_index(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    years = selectors.fiscal_years(agency)
    fy = years[0] if years else selectors.current_fiscal_year()
    return render(
        request,
        "procurement/reports_index.html",
        {"years": years, "fiscal_year": fy, "months": selectors.months_of_year(fy)},
    )


@public
def report_progress(request: AgencyRequest) -> HttpResponseBase:
    as_of = _as_of(request)
    if isinstance(as_of, str):
        return _bad_request(request, as_of)
    report = reports.progress_report(request.agency, as_of)
    if request.GET.get("format") == "xlsx":
        return _xlsx(exporters.progress_xlsx(report), f"progress-{as_of.isoformat()}.xlsx")
    return render(request, "procurement/report_progress.html", {"report": report, "as_of": as_of})


@public
def report_sorkhor1(request: AgencyRequest, be_year: int, month: int) -> HttpResponseBase:
    if not 1 <= month <= 12 or not 2400 <= be_year <= 2700:
        raise Http404
    report = reports.sorkhor1(request.agency, ce_year(be_year), month)
    if request.GET.get("format") == "xlsx":
        return _xlsx(exporters.sorkhor1_xlsx([report]), f"sorkhor1-{be_year}-{month:02d}.xlsx")
    first_day = date(report.year, month, 1)
    return render(
        request,
        "procurement/report_sorkhor1.html",
        # The engine's สขร.1 of one month is asked for by a date in that month of its fiscal year.
        {"reports": [report], "document_year": fiscal_year_of(first_day), "document_as_of": first_day},
    )


@public
def report_sorkhor1_year(request: AgencyRequest, fiscal_year: int) -> HttpResponseBase:
    if not 2400 <= fiscal_year <= 2700:
        raise Http404
    monthly = reports.sorkhor1_year(request.agency, fiscal_year)
    if request.GET.get("format") == "xlsx":
        return _xlsx(exporters.sorkhor1_xlsx(monthly), f"sorkhor1-fy{fiscal_year}.xlsx")
    return render(
        request,
        "procurement/report_sorkhor1.html",
        {"reports": monthly, "fiscal_year": fiscal_year, "document_year": fiscal_year},
    )


@public
def report_dataset(request: AgencyRequest, fiscal_year: int) -> HttpResponseBase:
    if not 2400 <= fiscal_year <= 2700:
        raise Http404
    as_of: date | None = None
    if request.GET.get("as_of"):
        parsed = _as_of(request)
        if isinstance(parsed, str):
            return _bad_request(request, parsed)
        as_of = parsed
    report = reports.dataset16(request.agency, fiscal_year, as_of)
    if request.GET.get("format") == "xlsx":
        return _xlsx(exporters.dataset16_xlsx(report), f"ita-o12-{fiscal_year}.xlsx")
    return render(request, "procurement/report_dataset.html", {"report": report})


@public
def report_annual(request: AgencyRequest, fiscal_year: int) -> HttpResponseBase:
    if not 2400 <= fiscal_year <= 2700:
        raise Http404
    report = reports.annual_summary(request.agency, fiscal_year)
    if request.GET.get("format") == "xlsx":
        return _xlsx(exporters.annual_xlsx(report), f"annual-{fiscal_year}.xlsx")
    return render(request, "procurement/report_annual.html", {"report": report})


# --- OCDS -------------------------------------------------------------------------------------------------


def _json(data: dict[str, Any], filename: str) -> HttpResponseBase:
    body = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":"))
    response = file_download(
        body, content_type="application/json; charset=utf-8", filename=filename, inline=True
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _empty(message: str) -> JsonResponse:
    # OCDS requires at least one release in a package, so an empty period is "not found", said in Thai.
    return JsonResponse({"error": message}, status=404, json_dumps_params={"ensure_ascii": False})


def not_registered_message(prefix: selectors.OcidPrefix) -> str:
    """Why no OCDS is published and who can change that, for a visitor or a program that asked for it."""
    if prefix.operator_name:
        return _(
            "หน่วยงานนี้ยังไม่เผยแพร่ข้อมูลการจัดซื้อจัดจ้างตามมาตรฐาน OCDS เนื่องจากยังไม่ได้ลงทะเบียนคำนำหน้ารหัส "
            "OCDS (ocid prefix) ผู้ที่ดำเนินการได้คือ%(operator)s ในฐานะผู้ดูแลระบบที่ให้บริการ ซึ่งบันทึกคำนำหน้าที่"
            "ลงทะเบียนกับ OCDS Helpdesk ไว้ในหน้าการตั้งค่าของผู้ให้บริการระบบ หรือผู้ดูแลระบบของหน่วยงาน ซึ่งบันทึก"
            "คำนำหน้าของหน่วยงานเองได้ในหน้าการตั้งค่าการจัดซื้อจัดจ้าง ระหว่างนี้ดูรายการจัดซื้อจัดจ้างได้ที่ทะเบียน"
            "การจัดซื้อจัดจ้าง (CSV และ XLSX)"
        ) % {"operator": prefix.operator_name}
    return _(
        "หน่วยงานนี้ยังไม่เผยแพร่ข้อมูลการจัดซื้อจัดจ้างตามมาตรฐาน OCDS เนื่องจากยังไม่ได้ลงทะเบียนคำนำหน้ารหัส "
        "OCDS (ocid prefix) ผู้ที่ดำเนินการได้คือผู้ดูแลระบบที่ให้บริการเว็บไซต์นี้ ซึ่งกำหนดคำนำหน้าที่ลงทะเบียนกับ "
        "OCDS Helpdesk ไว้ในการตั้งค่าของระบบ หรือผู้ดูแลระบบของหน่วยงาน ซึ่งบันทึกคำนำหน้าของหน่วยงานเองได้ในหน้า"
        "การตั้งค่าการจัดซื้อจัดจ้าง ระหว่างนี้ดูรายการจัดซื้อจัดจ้างได้ที่ทะเบียนการจัดซื้อจัดจ้าง (CSV และ XLSX)"
    )


def _not_registered(request: AgencyRequest, prefix: selectors.OcidPrefix) -> HttpResponse:
    """The answer of every OCDS file while no prefix is registered: a 404 that says why and who must act, as
    a page to a browser and as JSON (like an empty period's) to a program; never a package with a made-up
    ocid."""
    message = not_registered_message(prefix)
    response: HttpResponse
    if request.get_preferred_type(["application/json", "text/html"]) == "text/html":
        response = render(request, "procurement/ocds_not_registered.html", {"message": message}, status=404)
    else:
        response = JsonResponse(
            {"error": message, "reason": "ocid_prefix_not_registered"},
            status=404,
            json_dumps_params={"ensure_ascii": False},
        )
    patch_vary_headers(response, ["Accept"])  # the same URL answers HTML or JSON
    return response


@public
def ocds_index(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    prefix = selectors.ocid_prefix(agency)
    if not prefix.registered:
        return render(
            request,
            "procurement/ocds_index.html",
            {"prefix": prefix, "message": not_registered_message(prefix)},
        )
    years = selectors.fiscal_years(agency)
    return render(
        request,
        "procurement/ocds_index.html",
        {"years": [(fy, selectors.months_with_data(agency, fy)) for fy in years], "prefix": prefix},
    )


def _stream_package(
    publisher: ocds.Publisher, rows: QuerySet[Procurement], uri: str, filename: str
) -> HttpResponseBase:
    """A release package streamed as it is built: a year of a large register is tens of megabytes."""
    response = file_download(
        ocds.release_package_chunks(publisher, rows, uri=uri),
        content_type="application/json; charset=utf-8",
        filename=filename,
        inline=True,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public
def ocds_year(request: AgencyRequest, fiscal_year: int) -> HttpResponseBase:
    prefix = selectors.ocid_prefix(request.agency)
    if not prefix.registered:
        return _not_registered(request, prefix)
    publisher = _publisher(request, prefix)
    rows = ocds.year_rows(request.agency, fiscal_year)
    if not rows.exists():
        return _empty(_("ไม่มีการจัดซื้อจัดจ้างที่เผยแพร่ในปีงบประมาณ %(fy)s") % {"fy": fiscal_year})
    uri = publisher.url(reverse("procurement:ocds_year", args=[fiscal_year]))
    return _stream_package(publisher, rows, uri, f"ocds-{fiscal_year}.json")


@public
def ocds_month(request: AgencyRequest, be_year: int, month: int) -> HttpResponseBase:
    if not 1 <= month <= 12:
        raise Http404
    prefix = selectors.ocid_prefix(request.agency)
    if not prefix.registered:
        return _not_registered(request, prefix)
    publisher = _publisher(request, prefix)
    rows = ocds.month_rows(request.agency, ce_year(be_year), month)
    if not rows.exists():
        return _empty(_("ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"))
    uri = publisher.url(reverse("procurement:ocds_month", args=[be_year, month]))
    return _stream_package(publisher, rows, uri, f"ocds-{be_year}-{month:02d}.json")


@public
def ocds_record(request: AgencyRequest, ocid_local: str) -> HttpResponseBase:
    prefix = selectors.ocid_prefix(request.agency)
    if not prefix.registered:
        return _not_registered(request, prefix)
    row = access.get_public_procurement_by_ocid(request.agency, ocid_local)
    publisher = _publisher(request, prefix)
    uri = publisher.url(reverse("procurement:ocds_record", args=[ocid_local]))
    return _json(ocds.record_package(publisher, row, uri=uri), f"ocds-record-{ocid_local}.json")


def as_of_text(value: date) -> str:
    return format_date(value)
