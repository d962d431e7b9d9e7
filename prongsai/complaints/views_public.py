"""Public pages of the complaint channel: file a complaint, track it, answer its outcome, statistics."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.complaints import access, selectors, services
from prongsai.complaints.forms import CitizenResponseForm, ComplaintForm
from prongsai.complaints.models import Complaint, ComplaintFile
from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.safeguards import (
    RATE_LIMITED,
    TRACK_LOOKUPS_PER_DAY,
    TRACK_LOOKUPS_PER_HOUR,
    limits_for,
)
from prongsai.core.thai import fiscal_year
from prongsai.core.views_forms import apply_errors, form_action, form_status
from prongsai.engagement.forms import TrackForm


def _private(response: HttpResponse) -> HttpResponse:
    # A complaint's page is for whoever holds its code: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


@public
def landing(request: AgencyRequest) -> HttpResponse:
    return render(request, "complaints/landing.html")


@public
def new(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    limits = limits_for(request, "complaint")
    context = {"has_categories": selectors.active_categories(agency).exists()}
    if request.method != "POST":
        form = ComplaintForm(limits=limits, agency=agency)
        return render(request, "complaints/new.html", {**context, "form": form})
    form = ComplaintForm(request.POST, request.FILES, limits=limits, agency=agency)
    if form.sent_token is not None:
        # The same form sent again (a double click, a reload after a lost answer): show what was received.
        existing = selectors.complaint_by_idempotency_key(agency, form.idempotency_key)
        if existing is not None:
            return redirect("complaints:track_code", code=existing.display_code)
    if form.is_valid():
        if limits.exceeded():
            form.add_error(None, RATE_LIMITED)
            return render(request, "complaints/new.html", {**context, "form": form}, status=429)
        data = form.cleaned_data
        try:
            complaint, _created = services.complaint_submit(
                agency=agency,
                idempotency_key=form.idempotency_key,
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                location_address=data["location_address"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                photos=data["photos"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            limits.record()
            messages.success(
                request,
                _("ได้รับเรื่องร้องเรียนของท่านแล้ว รหัสติดตามคือ %(code)s กรุณาจดรหัสนี้ไว้เพื่อติดตามความคืบหน้า")
                % {"code": complaint.display_code},
            )
            return redirect("complaints:track_code", code=complaint.display_code)
    elif form.looked_automated:
        limits.record()
    return render(request, "complaints/new.html", {**context, "form": form}, status=form_status(form))


@public
def track(request: AgencyRequest) -> HttpResponse:
    """Find a complaint by its tracking code; unknown codes count against the client's lookups."""
    if "code" not in request.GET:
        return render(request, "complaints/track.html", {"form": TrackForm()})
    form = TrackForm(request.GET)
    limits = limits_for(
        request, "track-complaint", per_hour=TRACK_LOOKUPS_PER_HOUR, per_day=TRACK_LOOKUPS_PER_DAY
    )
    if limits.exceeded():
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return render(request, "complaints/track.html", {"form": form}, status=429)
    if form.is_valid():
        complaint = access.find_complaint_by_code(request.agency, form.cleaned_data["code"])
        if complaint is not None:
            return redirect("complaints:track_code", code=complaint.display_code)
        limits.record()
        form.add_error("code", _("ไม่พบเรื่องร้องเรียนที่มีรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง (ตัวอักษรภาษาอังกฤษ 12 ตัว)"))
    return render(request, "complaints/track.html", {"form": form}, status=form_status(form))


def _status_page(
    request: AgencyRequest, complaint: Complaint, form: CitizenResponseForm | None = None, status: int = 200
) -> HttpResponse:
    return _private(
        render(
            request,
            "complaints/status.html",
            {
                "complaint": complaint,
                "events": selectors.events_of(complaint, public_only=True),
                "photos": selectors.files_of(complaint, ComplaintFile.Purpose.CITIZEN_PHOTO),
                "evidence": selectors.files_of(complaint, ComplaintFile.Purpose.EVIDENCE),
                "response_form": form or CitizenResponseForm(),
            },
            status=status,
        )
    )


@public
def track_code(request: AgencyRequest, code: str) -> HttpResponse:
    return _status_page(request, access.get_complaint_by_code(request.agency, code))


@public
@require_POST
def respond(request: AgencyRequest, code: str) -> HttpResponseBase:
    """The citizen confirms that the problem is solved, or says it is not."""
    complaint = access.get_complaint_by_code(request.agency, code)
    form = CitizenResponseForm(request.POST)
    # Refused because already answered or no longer resolved: said above whatever the page now shows.
    return form_action(
        request,
        form,
        lambda data: services.complaint_citizen_respond(
            complaint=complaint, confirmed=request.POST.get("answer") == "confirm", comment=data["comment"]
        ),
        success=_("ขอบคุณที่แจ้งผล เจ้าหน้าที่ได้รับความเห็นของท่านแล้ว"),
        done=reverse("complaints:track_code", args=[complaint.display_code]),
        page=lambda: _status_page(request, complaint, form),
    )


@public
def public_file(request: AgencyRequest, code: str, file_id: str) -> HttpResponseBase:
    item = access.get_public_complaint_file(request.agency, code, file_id)
    return file_download(
        item.file, content_type=item.content_type, filename=f"{item.public_id}.{item.kind}", inline=True
    )


@public
def statistics(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    years = selectors.statistics_years(agency)
    try:
        year = int(request.GET.get("year") or fiscal_year(timezone.localdate()))
    except ValueError:
        year = fiscal_year(timezone.localdate())
    if year not in years:
        year = years[0]
    return render(
        request,
        "complaints/statistics.html",
        {"stats": selectors.complaint_statistics(agency, year), "years": years, "year": year},
    )
