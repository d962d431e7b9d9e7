"""Citizen pages of the E-Service: the catalogue and manuals, the online request, tracking, the survey and
the public statistics. Thin: parse, call a service or selector, render."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.links import agency_url
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.safeguards import RATE_LIMITED, limits_for
from prongsai.core.thai import format_month
from prongsai.core.views_forms import apply_errors, form_status, posted

from . import access, charts, clock, exports, selectors, services, statistics
from .forms import OnlineRequestForm, SurveyForm, TrackingLookupForm
from .models import Channel, RequestStep, Service


@public
@cache_public_page
def catalogue(request: AgencyRequest) -> HttpResponse:
    category = request.GET.get("category") or ""
    if category not in Service.Category.values:
        category = ""
    query = (request.GET.get("q") or "").strip()[:100]
    return render(
        request,
        "eservice/catalogue.html",
        {
            "services": selectors.catalogue_cards(request.agency, category=category, query=query),
            "categories": Service.Category.choices,
            "current_category": category,
            "service_query": query,
            "lookup_form": TrackingLookupForm(),
        },
    )


@public
def service_detail(request: AgencyRequest, code: str) -> HttpResponse:
    service = access.get_public_service(request.agency, code)
    return render(
        request,
        "eservice/service_detail.html",
        {
            "service": service,
            "steps": service.steps.all(),
            "documents": service.documents.all(),
            "total_time": service.total_time,
            "revisions": revisions_of(service),
            "printed_at": clock.now(),
        },
    )


@public
def request_new(request: AgencyRequest, code: str) -> HttpResponse:
    service = access.get_public_service(request.agency, code)
    if not (service.channel_eservice and service.is_accepting):
        raise Http404
    limits = limits_for(request, "eservice-request")
    if request.method == "POST":
        form = OnlineRequestForm(request.POST, request.FILES, service=service, limits=limits)
        if form.sent_token is not None:
            # The same form sent again (a double click, a reload after a lost answer): show what was received.
            existing = selectors.request_by_idempotency_key(request.agency, form.idempotency_key)
            if existing is not None:
                messages.info(request, _("คำขอนี้ส่งถึงหน่วยงานแล้วก่อนหน้านี้ ระบบไม่ได้สร้างคำขอซ้ำ"))
                return redirect("eservice:track", code=existing.display_code)
        if form.is_valid():
            if limits.exceeded():
                form.add_error(None, RATE_LIMITED)
                return render(
                    request, "eservice/request_form.html", {"service": service, "form": form}, status=429
                )
            try:
                submission = services.request_submit(
                    agency=request.agency,
                    service=service,
                    channel=Channel.ESERVICE,
                    applicant=form.applicant(),
                    answers=form.answers(),
                    files=form.checked_files(),
                    idempotency_key=form.key(),
                    acting_user=None,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                limits.record()
                # Acknowledged only now: the service's transaction has committed.
                if submission.created:
                    messages.success(request, _("ได้รับคำขอของท่านแล้ว กรุณาจดรหัสติดตามไว้เพื่อติดตามสถานะ"))
                else:
                    messages.info(request, _("คำขอนี้ส่งถึงหน่วยงานแล้วก่อนหน้านี้ ระบบไม่ได้สร้างคำขอซ้ำ"))
                return redirect("eservice:track", code=submission.request.display_code)
        elif form.looked_automated:
            limits.record()
    else:
        form = OnlineRequestForm(service=service, limits=limits)
    return render(
        request, "eservice/request_form.html", {"service": service, "form": form}, status=form_status(form)
    )


@public
def track_lookup(request: AgencyRequest) -> HttpResponse:
    form = TrackingLookupForm(request.GET or None)
    if request.GET and form.is_valid():
        try:
            found = access.get_request_by_tracking_code(request.agency, form.cleaned_data["code"])
        except Http404:
            form.add_error("code", _("ไม่พบคำขอที่มีรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง (12 ตัวอักษร)"))
        else:
            return redirect("eservice:track", code=found.display_code)
    return render(request, "eservice/track_lookup.html", {"form": form}, status=form_status(form))


def _qr_data_uri(url: str) -> str:
    return str(segno.make(url, error="m").png_data_uri(scale=5, border=2))


@public
def track(request: AgencyRequest, code: str) -> HttpResponse:
    found = access.get_request_by_tracking_code(request.agency, code)
    if found.display_code != code:
        return redirect("eservice:track", code=found.display_code)
    steps = selectors.request_steps(found)
    url = agency_url(request.agency, reverse("eservice:track", args=[found.display_code]), request=request)
    response = render(
        request,
        "eservice/track.html",
        {
            "req": found,
            "steps": steps,
            "paused_state": RequestStep.State.PAUSED,
            "overdue": selectors.is_overdue(found),
            "qr": _qr_data_uri(url),
            "track_url": url,
            "can_survey": not found.is_open and not hasattr(found, "satisfaction"),
        },
    )
    # The code in the URL is the citizen's key to this page: keep it out of shared caches and referrers.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@public
def survey(request: AgencyRequest, code: str) -> HttpResponse:
    found = access.get_request_by_tracking_code(request.agency, code)
    if found.is_open:
        messages.info(request, _("ตอบแบบสำรวจได้เมื่อคำขอดำเนินการเสร็จแล้ว"))
        return redirect("eservice:track", code=found.display_code)
    form = SurveyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.satisfaction_submit(request=found, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("ขอบคุณที่ตอบแบบสำรวจ ความคิดเห็นของท่านช่วยให้หน่วยงานปรับปรุงบริการ"))
            return redirect("eservice:track", code=found.display_code)
    response = render(
        request,
        "eservice/survey.html",
        {"req": found, "form": form},
        status=form_status(form),
    )
    response["Referrer-Policy"] = "no-referrer"
    return response


def _fiscal_year(request: AgencyRequest) -> int:
    current = statistics.current_fiscal_year()
    try:
        fy = int(request.GET.get("fy") or current)
    except ValueError:
        return current
    return fy if 2500 <= fy <= current + 1 else current


@public
def statistics_page(request: AgencyRequest) -> HttpResponse:
    fy = _fiscal_year(request)
    report = statistics.service_statistics(request.agency, fy)
    labels = [format_month(m.year, m.month, abbr=True) for m in report.months]
    bars = [
        charts.Bar(label=label, walk_in=cell.walk_in, eservice=cell.eservice)
        for label, cell in zip(labels, report.month_totals, strict=True)
    ]
    current = statistics.current_fiscal_year()
    return render(
        request,
        "eservice/statistics.html",
        {
            "report": report,
            "monthly": list(zip(labels, report.month_totals, strict=True)),
            "bars_chart": charts.stacked_bars(
                bars,
                title=_("จำนวนคำขอรับบริการรายเดือน ปีงบประมาณ %(fy)s") % {"fy": fy},
                description=_(
                    "แท่งซ้อนของผู้รับบริการแบบติดต่อด้วยตนเองและผ่าน E-Service ในแต่ละเดือน ตัวเลขอยู่ในตารางด้านล่าง"
                ),
                legend=(_("ติดต่อด้วยตนเอง (Walk-in)"), _("E-Service")),
            ),
            "on_time_chart": charts.percent_line(
                [
                    (label, cell.on_time_percent)
                    for label, cell in zip(labels, report.month_totals, strict=True)
                ],
                title=_("ร้อยละของคำขอที่แล้วเสร็จภายในกำหนด รายเดือน"),
                description=_("เส้นแสดงร้อยละของคำขอที่แล้วเสร็จภายในระยะเวลาตามคู่มือ นับตามเดือนที่รับคำขอ"),
            ),
            "satisfaction": statistics.satisfaction_summary(request.agency, report.start, report.end),
            "years": list(range(current, current - 4, -1)),
        },
    )


@public
def statistics_xlsx(request: AgencyRequest) -> HttpResponseBase:
    fy = _fiscal_year(request)
    report = statistics.service_statistics(request.agency, fy)
    return file_download(
        exports.statistics_xlsx(request.agency, report),
        content_type=exports.XLSX_MIME,
        filename=f"eservice-statistics-{fy}.xlsx",
    )
