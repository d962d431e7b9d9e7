"""The reporter's pages: report, receipt shown once, follow-up with the receipt; guideline and statistics.

No URL here carries a report id: after a receipt is checked, the reporter's browser holds the report's key
in a cookie, encrypted under a key kept in a separate cookie (vault.REPORTER), and every page reads it from
there. Nothing of the channel is written into a Django session, even a signed-in one.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.thai import BANGKOK, fiscal_year, format_month
from prongsai.core.views_forms import apply_errors
from prongsai.whistleblower import access, crypto, ratelimit, selectors, services, vault
from prongsai.whistleblower.forms import FollowUpForm, ReceiptForm, ReportForm


def _client(request: AgencyRequest) -> str:
    return str(getattr(request, "whistleblower_client", "") or "unknown")


@public
def landing(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "whistleblower/landing.html",
        {"guideline": selectors.published_guideline(agency), "ready": selectors.channel_ready(agency)},
    )


def _too_large(request: AgencyRequest) -> bool:
    return bool(getattr(request, "whistleblower_upload_too_large", False))


TOO_LARGE = gettext_lazy("ไฟล์ที่แนบรวมกันมีขนาดใหญ่เกินกว่าที่รับได้ในครั้งเดียว กรุณาลดขนาดหรือส่งไฟล์ที่เหลือภายหลังด้วยเลขรับแจ้ง")


def _evidence(files: list[Any], strip: bool) -> list[services.Evidence]:
    return [services.evidence_from_upload(f, strip_metadata=strip) for f in files]


@public
def report_form(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    recipients = selectors.recipient_holders(agency)
    if not recipients:
        # Not an outage: the channel is simply not open yet. A normal page (200) says so and where to report
        # meanwhile, so a monitoring probe does not raise an alarm for an agency still setting up its keys.
        return render(request, "whistleblower/not_ready.html")
    identity_enabled = bool(selectors.custodian_holders(agency))
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        recipients=recipients,
        identity_enabled=identity_enabled,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if not ratelimit.allow("submit", client=_client(request), agency_id=agency.pk):
            form.add_error(None, _("มีการแจ้งเรื่องจากเครือข่ายนี้จำนวนมากในชั่วโมงนี้ กรุณาลองใหม่ภายหลัง"))
            status = 429
        elif _too_large(request):
            form.is_valid()
            form.add_error(None, TOO_LARGE)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                files = _evidence(data["evidence"], data["strip_metadata"])
                identity = (
                    services.Identity(
                        name=data.get("identity_name", ""),
                        contact=data.get("identity_contact", ""),
                        other=data.get("identity_other", ""),
                    )
                    if identity_enabled
                    else None
                )
                result = services.report_submit(
                    agency=agency,
                    acting_user=None,
                    content=services.ReportContent(
                        what=data["what"],
                        who=data["who"],
                        when=data["when"],
                        where=data["where"],
                        how_known=data["how_known"],
                        excluded_holders=[h.pk for h in data["excluded"]],
                    ),
                    files=files,
                    identity=identity,
                    submission_token=data["token"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                response = redirect("whistleblower:report_done")
                if result.receipt is not None:
                    vault.put(request, response, vault.RECEIPT, {"receipt": result.receipt})
                return response
    return render(request, "whistleblower/report_form.html", {"form": form}, status=status)


@public
def report_done(request: AgencyRequest) -> HttpResponse:
    """The receipt, shown once: it is removed from the session as this page is rendered."""
    payload = vault.get(request, vault.RECEIPT)
    receipt = payload.get("receipt") if payload else None
    response = render(
        request,
        "whistleblower/report_done.html",
        {"receipt": crypto.format_receipt(receipt) if receipt else None},
    )
    vault.clear(request, response, vault.RECEIPT)
    return response


def _reporter_session(request: AgencyRequest) -> tuple[int, bytes] | None:
    payload = vault.get(request, vault.REPORTER)
    if not payload:
        return None
    try:
        return int(payload["report"]), vault.unb64(payload["key"])
    except (KeyError, ValueError):
        return None


def _follow_up_page(
    request: AgencyRequest, session: tuple[int, bytes], form: FollowUpForm, status: int
) -> HttpResponse:
    report_id, key = session
    report = access.get_reporter_report(request.agency, report_id)
    opened = services.decrypt_report(report, key, for_reporter=True)
    return render(request, "whistleblower/follow_up.html", {"opened": opened, "form": form}, status=status)


@public
def follow_up(request: AgencyRequest) -> HttpResponseBase:
    session = _reporter_session(request)
    if session is not None and request.method == "GET":
        try:
            return _follow_up_page(request, session, FollowUpForm(), 200)
        except (Http404, crypto.DecryptionError):
            # A purged report or a stale key: start again with the receipt.
            vault.clear(request, None, vault.REPORTER)
    form = ReceiptForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            check = services.receipt_open(
                agency=request.agency, receipt_text=form.cleaned_data["receipt"], client=_client(request)
            )
            if check.outcome == "ok" and check.report_id is not None and check.report_key is not None:
                response = redirect("whistleblower:follow_up")
                vault.put(
                    request,
                    response,
                    vault.REPORTER,
                    {"report": str(check.report_id), "key": vault.b64(check.report_key)},
                )
                return response
            if check.outcome == "limited":
                status = 429
                form.add_error(None, _("กรอกเลขรับแจ้งผิดหลายครั้งเกินไป กรุณารอหนึ่งชั่วโมงแล้วลองใหม่"))
            else:
                form.add_error("receipt", _("ไม่พบรายงานที่ตรงกับเลขรับแจ้งนี้ กรุณาตรวจสอบตัวเลขอีกครั้ง"))
    return render(request, "whistleblower/follow_up_sign_in.html", {"form": form}, status=status)


@public
@require_POST
def follow_up_add(request: AgencyRequest) -> HttpResponseBase:
    session = _reporter_session(request)
    if session is None:
        return redirect("whistleblower:follow_up")
    form = FollowUpForm(request.POST, request.FILES)
    if _too_large(request):
        form.is_valid()
        form.add_error(None, TOO_LARGE)
    elif form.is_valid():
        data = form.cleaned_data
        try:
            files = _evidence(data["evidence"], data["strip_metadata"])
            services.reporter_add(
                agency=request.agency,
                report_id=session[0],
                report_key=session[1],
                text=data["text"],
                files=files,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("whistleblower:follow_up")
    return _follow_up_page(request, session, form, 400)


@public
@require_POST
def follow_up_leave(request: AgencyRequest) -> HttpResponse:
    response = redirect("whistleblower:landing")
    vault.clear(request, response, vault.REPORTER)
    if not request.user.is_authenticated:
        # Nothing of the channel is in a session (vault.py); a staff member's own session is left alone.
        request.session.flush()
    # Ask the browser to drop everything this site stored (cookies, cache) for this origin.
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@public
def guideline(request: AgencyRequest) -> HttpResponse:
    found = selectors.published_guideline(request.agency)
    return render(
        request,
        "whistleblower/guideline.html",
        {"guideline": found, "revisions": revisions_of(found) if found else []},
    )


def _year(request: AgencyRequest, years: list[int]) -> int:
    try:
        wanted = int(request.GET.get("year", ""))
    except ValueError:
        return years[0]
    return wanted if wanted in years else years[0]


@public
def statistics(request: AgencyRequest) -> HttpResponse:
    today = timezone.now().astimezone(BANGKOK).date()
    years = selectors.statistics_years(request.agency, today=today)
    year = _year(request, years)
    stats = selectors.statistics(request.agency, year, as_of=today)
    rows = [(format_month(m.year, m.month), m) for m in stats.months]
    return render(
        request,
        "whistleblower/statistics.html",
        {"stats": stats, "rows": rows, "years": years, "year": year, "current": fiscal_year(today)},
    )


@public
def statistics_csv(request: AgencyRequest) -> HttpResponseBase:
    today = timezone.now().astimezone(BANGKOK).date()
    years = selectors.statistics_years(request.agency, today=today)
    year = _year(request, years)
    stats = selectors.statistics(request.agency, year, as_of=today)
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel opens Thai text correctly
    writer = csv.writer(out)
    writer.writerow(["ปีงบประมาณ", "เดือน", "จำนวนเรื่องทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"])
    for m in stats.months:
        writer.writerow([year, format_month(m.year, m.month), m.total, m.completed, m.in_progress])
    writer.writerow([year, "รวม", stats.total, stats.completed, stats.in_progress])
    return file_download(
        out.getvalue(), content_type="text/csv; charset=utf-8", filename=f"corruption-reports-fy{year}.csv"
    )
