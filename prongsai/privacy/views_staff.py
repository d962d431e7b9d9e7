"""The staff queue of data subjects' requests, one request's page with its actions, and the export."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.views_forms import form_action, form_status

from . import access, exports, selectors, services
from .forms import OutcomeForm
from .models import LEGAL_LIMIT_DAYS, SubjectRequest


@staff(Cap.PRIVACY_HANDLE)
def queue(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    today = timezone.localdate()
    return render(
        request,
        "privacy/staff/queue.html",
        {
            "rows": selectors.queue(agency, today=today),
            "closed": selectors.closed_recently(agency),
            "limit_days": LEGAL_LIMIT_DAYS,
        },
    )


def _detail_page(request: StaffRequest, item: SubjectRequest, form: OutcomeForm) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "privacy/staff/detail.html",
        {"item": item, "days_left": (item.due_on - today).days, "form": form},
        status=form_status(form),
    )


@staff(Cap.PRIVACY_HANDLE)
def detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _detail_page(request, access.get_request_for_staff(request.agency, pk), OutcomeForm())


@require_POST
@staff(Cap.PRIVACY_HANDLE)
def start(request: StaffRequest, pk: int) -> HttpResponseBase:
    item = access.get_request_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.subject_request_start(item=item, acting_user=request.user),
        success=_("รับดำเนินการคำขอแล้ว"),
        done=reverse("privacy:staff_detail", args=[pk]),
    )


@require_POST
@staff(Cap.PRIVACY_HANDLE)
def close(request: StaffRequest, pk: int) -> HttpResponseBase:
    item = access.get_request_for_staff(request.agency, pk)
    refuse = request.POST.get("decision") == "refuse"
    service = services.subject_request_refuse if refuse else services.subject_request_complete
    form = OutcomeForm(request.POST)
    return form_action(
        request,
        form,
        lambda data: service(item=item, acting_user=request.user, outcome=data["outcome"]),
        success=_("บันทึกการปฏิเสธคำขอแล้ว") if refuse else _("บันทึกผลการดำเนินการเรียบร้อยแล้ว"),
        done=reverse("privacy:staff_detail", args=[pk]),
        page=lambda: _detail_page(request, item, form),
    )


@staff(Cap.PRIVACY_HANDLE)
def export(request: StaffRequest, pk: int) -> HttpResponseBase:
    item = access.get_request_for_staff(request.agency, pk)
    holdings = services.subject_request_export(item=item, acting_user=request.user)
    return file_download(
        exports.holdings_xlsx(item, holdings),
        content_type=exports.XLSX_TYPE,
        filename=_("ข้อมูลส่วนบุคคล-%(code)s.xlsx") % {"code": item.display_code},
    )
