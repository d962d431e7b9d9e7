"""Public pages of the Q&A board and the participation records. Thin: parse, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.downloads import file_download, picture_preview
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.safeguards import (
    RATE_LIMITED,
    TRACK_LOOKUPS_PER_DAY,
    TRACK_LOOKUPS_PER_HOUR,
    limits_for,
)
from prongsai.core.thai import fiscal_year
from prongsai.core.views_forms import form_status
from prongsai.engagement import access, selectors, services
from prongsai.engagement.forms import QuestionForm, TrackForm

QUESTIONS_PER_PAGE = 15


@public
def hub(request: AgencyRequest) -> HttpResponse:
    """The citizens' entry point: ask a question, file a complaint, follow either, read participation."""
    return render(request, "engagement/hub.html")


# --- the Q&A board -----------------------------------------------------------------------------------------


@public
def qa_board(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    query = (request.GET.get("q") or "").strip()[:200]
    if query:
        hits = selectors.search_questions(agency, query)
        return render(request, "engagement/qa_board.html", {"query": query, "hits": hits})
    answered_only = request.GET.get("show") == "answered"
    paginator = Paginator(selectors.public_questions(agency, answered_only=answered_only), QUESTIONS_PER_PAGE)
    return render(
        request,
        "engagement/qa_board.html",
        {
            "query": "",
            "page_obj": paginator.get_page(request.GET.get("page")),
            "answered_only": answered_only,
            "stats": selectors.question_statistics(agency, fiscal_year(timezone.localdate())),
        },
    )


@public
def question_ask(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    limits = limits_for(request, "question")
    if request.method != "POST":
        return render(request, "engagement/question_ask.html", {"form": QuestionForm(limits=limits)})
    form = QuestionForm(request.POST, limits=limits)
    if form.sent_token is not None:
        # The same form sent again (a double click, a reload after a lost answer): show what was received.
        existing = selectors.question_by_idempotency_key(agency, form.idempotency_key)
        if existing is not None:
            return redirect("engagement:question_track_code", code=existing.display_code)
    if form.is_valid():
        if limits.exceeded():
            form.add_error(None, RATE_LIMITED)
            return render(request, "engagement/question_ask.html", {"form": form}, status=429)
        data = form.cleaned_data
        question, _created = services.question_submit(
            agency=agency,
            idempotency_key=form.idempotency_key,
            title=data["title"],
            body=data["body"],
            asker_name=data["asker_name"],
            asker_email=data["asker_email"],
        )
        limits.record()
        messages.success(
            request,
            _("ได้รับคำถามของท่านแล้ว รหัสติดตามคือ %(code)s กรุณาจดรหัสนี้ไว้เพื่อติดตามคำตอบ")
            % {"code": question.display_code},
        )
        return redirect("engagement:question_track_code", code=question.display_code)
    if form.looked_automated:
        limits.record()
    return render(request, "engagement/question_ask.html", {"form": form}, status=form_status(form))


@public
def question_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    question = access.get_public_question(request.agency, public_id)
    return render(
        request,
        "engagement/question_detail.html",
        {"question": question, "revisions": selectors.answer_revisions(question)},
    )


@public
def question_track(request: AgencyRequest) -> HttpResponse:
    """Find a question by its tracking code; unknown codes count against the client's lookups."""
    if "code" not in request.GET:
        return render(request, "engagement/question_track.html", {"form": TrackForm()})
    form = TrackForm(request.GET)
    limits = limits_for(
        request, "track-question", per_hour=TRACK_LOOKUPS_PER_HOUR, per_day=TRACK_LOOKUPS_PER_DAY
    )
    if limits.exceeded():
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return render(request, "engagement/question_track.html", {"form": form}, status=429)
    if form.is_valid():
        question = access.find_question_by_code(request.agency, form.cleaned_data["code"])
        if question is not None:
            return redirect("engagement:question_track_code", code=question.display_code)
        limits.record()
        form.add_error("code", _("ไม่พบคำถามที่มีรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง (ตัวอักษรภาษาอังกฤษ 12 ตัว)"))
    return render(request, "engagement/question_track.html", {"form": form}, status=form_status(form))


@public
def question_track_code(request: AgencyRequest, code: str) -> HttpResponse:
    question = access.get_question_by_code(request.agency, code)
    response = render(request, "engagement/question_status.html", {"question": question})
    # The page is the asker's own: it is not cached by shared caches, and its address is not sent onwards.
    response["Cache-Control"] = "private, no-store"
    return response


# --- participation records ---------------------------------------------------------------------------------


@public
def participation_list(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    years = selectors.participation_fiscal_years(agency)
    current = fiscal_year(timezone.localdate())
    try:
        year = int(request.GET.get("year") or (current if current in years or not years else years[0]))
    except ValueError:
        year = current
    return render(
        request,
        "engagement/participation_list.html",
        {
            "activities": selectors.published_participation(agency, fiscal_year_be=year),
            "year": year,
            "years": sorted({*years, current}, reverse=True),
        },
    )


@public
def participation_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    activity = access.get_public_participation(request.agency, public_id)
    return render(
        request,
        "engagement/participation_detail.html",
        {"activity": activity, "revisions": revisions_of(activity)},
    )


@public
def participation_file(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    attachment = access.get_public_participation_attachment(request.agency, public_id)
    inline = attachment.kind in {"pdf", "jpg", "png"}
    return file_download(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=inline,
        max_age=3600,
    )


@public
def participation_file_preview(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    """A picture as the record shows it (ADR 0133); the record links the picture itself."""
    attachment = access.get_public_participation_attachment(request.agency, public_id)
    return picture_preview(attachment, max_age=3600)
