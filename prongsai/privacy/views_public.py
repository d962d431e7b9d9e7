"""Public pages of the PDPA: the privacy notice, the data subject's request form and its tracking page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.roles import PRIVACY_HANDLERS, Role
from prongsai.core.safeguards import RATE_LIMITED, limits_for
from prongsai.core.views_forms import apply_errors, form_status

from . import access, notice, selectors, services
from .forms import SubjectRequestForm, TrackForm
from .models import LEGAL_LIMIT_DAYS


def _handlers() -> str:
    return _(" หรือ ").join(str(Role(role).label) for role in PRIVACY_HANDLERS)


@public
def privacy_notice(request: AgencyRequest) -> HttpResponse:
    return render(
        request,
        "privacy/notice.html",
        {"rows": notice.notice_rows(), "cookies": notice.cookies(), "limit_days": LEGAL_LIMIT_DAYS},
    )


@public
def new_request(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    limits = limits_for(request, "privacy_request")
    if request.method != "POST":
        form = SubjectRequestForm(limits=limits)
        return render(request, "privacy/new.html", {"form": form, "limit_days": LEGAL_LIMIT_DAYS})
    form = SubjectRequestForm(request.POST, limits=limits)
    if form.sent_token is not None:
        existing = selectors.request_by_idempotency_key(agency, form.idempotency_key)
        if existing is not None:
            return redirect("privacy:track_code", code=existing.display_code)
    if form.is_valid():
        if limits.exceeded():
            form.add_error(None, RATE_LIMITED)
            return render(
                request, "privacy/new.html", {"form": form, "limit_days": LEGAL_LIMIT_DAYS}, status=429
            )
        data = form.cleaned_data
        try:
            item, _created = services.subject_request_submit(
                agency=agency,
                idempotency_key=form.idempotency_key,
                kind=data["kind"],
                requester_name=data["requester_name"],
                requester_email=data["requester_email"],
                requester_phone=data["requester_phone"],
                record_codes=data["record_codes"],
                details=data["details"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            limits.record()
            messages.success(
                request,
                _("ได้รับคำขอของท่านแล้ว รหัสติดตามคือ %(code)s กรุณาจดรหัสนี้ไว้เพื่อติดตามผล")
                % {"code": item.display_code},
            )
            return redirect("privacy:track_code", code=item.display_code)
    elif form.looked_automated:
        limits.record()
    return render(
        request, "privacy/new.html", {"form": form, "limit_days": LEGAL_LIMIT_DAYS}, status=form_status(form)
    )


@public
def track(request: AgencyRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("privacy:track_code", code=form.cleaned_data["code"].strip())
    return render(request, "privacy/track.html", {"form": form}, status=form_status(form))


@public
def track_code(request: AgencyRequest, code: str) -> HttpResponse:
    item = access.get_request_by_code(request.agency, code)
    response = render(request, "privacy/status.html", {"item": item, "handlers": _handlers()})
    response["Cache-Control"] = "private, no-store"
    return response
