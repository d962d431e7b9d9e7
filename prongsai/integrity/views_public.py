"""Public pages: the No Gift declaration, culture activities, gift reports, risk assessments and reports."""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from prongsai.core.downloads import file_download, picture_preview
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.integrity import access, rules, selectors


@public
def index(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "integrity/index.html",
        {
            "declarations": selectors.published_declarations(agency),
            "activities": selectors.published_activities(agency),
            "gift_reports": selectors.published_gift_reports(agency),
            "assessments": selectors.published_assessments(agency),
            "gift_rule": rules.gift_rule(timezone.localdate()),
        },
    )


@public
def declaration_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    declaration = access.get_public_declaration(request.agency, public_id)
    return render(
        request,
        "integrity/declaration.html",
        {"declaration": declaration, "revisions": revisions_of(declaration)},
    )


@public
def activity_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    activity = access.get_public_activity(request.agency, public_id)
    return render(
        request,
        "integrity/activity.html",
        {"activity": activity, "photos": list(activity.photos.all()), "revisions": revisions_of(activity)},
    )


@public
def activity_photo(request: AgencyRequest, public_id: str, photo_id: str) -> HttpResponseBase:
    activity = access.get_public_activity(request.agency, public_id)
    photo = access.get_public_photo(activity, photo_id)
    return file_download(
        photo.file, content_type=photo.content_type, filename=f"{photo.public_id}.{photo.kind}", inline=True
    )


@public
def activity_photo_preview(request: AgencyRequest, public_id: str, photo_id: str) -> HttpResponseBase:
    """The photo as the activity's gallery shows it (ADR 0133); the gallery links the photo itself."""
    activity = access.get_public_activity(request.agency, public_id)
    photo = access.get_public_photo(activity, photo_id)
    return picture_preview(photo, filename=f"{photo.public_id}.{photo.kind}")


@public
def gift_report_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    report = access.get_public_gift_report(request.agency, public_id)
    return render(
        request,
        "integrity/gift_report.html",
        {
            "report": report,
            "handling": selectors.handling_rows(report),
            "directions": selectors.direction_rows(report),
            "revisions": revisions_of(report),
        },
    )


@public
def assessment_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    assessment = access.get_public_assessment(request.agency, public_id)
    return render(
        request,
        "integrity/assessment.html",
        {
            "assessment": assessment,
            "sections": selectors.sections(assessment),
            "matrix": selectors.matrix(assessment),
            "revisions": revisions_of(assessment),
            "with_results": False,
        },
    )


@public
def treatment_report_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    assessment = access.get_public_assessment(request.agency, public_id)
    if not assessment.report_is_published:
        raise Http404
    return render(
        request,
        "integrity/assessment.html",
        {
            "assessment": assessment,
            "sections": selectors.sections(assessment),
            "matrix": selectors.matrix(assessment),
            "revisions": revisions_of(assessment),
            "with_results": True,
        },
    )
