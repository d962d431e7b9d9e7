"""Back-office pages: moderating and answering questions, keeping participation records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap
from prongsai.core.views_forms import apply_errors, form_action, form_status
from prongsai.engagement import access, selectors, services
from prongsai.engagement.forms import (
    GROUP_SUGGESTIONS,
    AnswerForm,
    AttachmentForm,
    GroupFormSet,
    ModerateForm,
    ParticipationForm,
    RejectForm,
    ReviseAnswerForm,
    formset_initial,
    groups_from_formset,
)
from prongsai.engagement.models import ParticipationActivity, Question


@staff(Cap.BACKOFFICE)
def overview(request: StaffRequest) -> HttpResponse:
    """What waits for staff in the citizen channels."""
    agency = request.agency
    return render(
        request,
        "engagement/staff/overview.html",
        {
            "pending_questions": selectors.pending_question_count(agency),
            "unanswered_questions": selectors.unanswered_question_count(agency),
            "caps": capabilities_for(request),
        },
    )


# --- questions ---------------------------------------------------------------------------------------------


@staff(Cap.QA_ANSWER)
def question_index(request: StaffRequest) -> HttpResponse:
    status = request.GET.get("status", Question.Status.PENDING)
    if status not in {*Question.Status.values, "all"}:
        status = Question.Status.PENDING
    return render(
        request,
        "engagement/staff/question_index.html",
        {
            "questions": selectors.questions_for_staff(
                request.agency, status=None if status == "all" else status
            ),
            "status": status,
            "statuses": Question.Status.choices,
        },
    )


def _question_page(request: StaffRequest, question: Question, **forms: BaseForm) -> HttpResponse:
    initial = {"title": question.title, "body": question.body}
    context: dict[str, Any] = {
        "question": question,
        "moderate_form": forms.get("moderate_form") or ModerateForm(initial=initial, prefix="moderate"),
        "answer_form": forms.get("answer_form") or AnswerForm(prefix="answer"),
        "reject_form": forms.get("reject_form") or RejectForm(prefix="reject"),
        "revise_form": forms.get("revise_form")
        or ReviseAnswerForm(initial={"answer": question.answer}, prefix="revise"),
        "revisions": selectors.answer_revisions(question),
    }
    return render(request, "engagement/staff/question_detail.html", context)


def _question_action(
    request: StaffRequest,
    question: Question,
    form: BaseForm,
    form_key: str,
    perform: Callable[[dict[str, Any]], object],
    success: str | Callable[[Any], str],
) -> HttpResponseBase:
    """One action of a question's page (``form_action``): its form under ``form_key`` when shown again."""
    return form_action(
        request,
        form,
        perform,
        success=success,
        done=reverse("engagement:staff_question", args=[question.pk]),
        page=lambda: _question_page(request, question, **{form_key: form}),
    )


@staff(Cap.QA_ANSWER)
def question_detail(request: StaffRequest, pk: int) -> HttpResponse:
    return _question_page(request, access.get_question_for_staff(request.agency, pk))


@staff(Cap.QA_ANSWER)
@require_POST
def question_moderate(request: StaffRequest, pk: int) -> HttpResponseBase:
    """A pending question: publish it as worded in the form, with the answer when one is given."""
    question = access.get_question_for_staff(request.agency, pk)
    form = ModerateForm(request.POST, prefix="moderate")
    if request.POST.get("action") == "answer":
        return _question_action(
            request,
            question,
            form,
            "moderate_form",
            lambda data: services.question_answer(
                question=question,
                acting_user=request.user,
                answer=data["answer"],
                title=data["title"],
                body=data["body"],
            ),
            _("เผยแพร่คำถามพร้อมคำตอบเรียบร้อยแล้ว"),
        )
    return _question_action(
        request,
        question,
        form,
        "moderate_form",
        lambda data: services.question_publish(
            question=question, acting_user=request.user, title=data["title"], body=data["body"]
        ),
        _("เผยแพร่คำถามแล้ว คำถามจะแสดงบนกระดานถาม-ตอบโดยรอคำตอบ"),
    )


@staff(Cap.QA_ANSWER)
@require_POST
def question_answer(request: StaffRequest, pk: int) -> HttpResponseBase:
    """A published question: give its answer (the wording of the question stays as published)."""
    question = access.get_question_for_staff(request.agency, pk)
    return _question_action(
        request,
        question,
        AnswerForm(request.POST, prefix="answer"),
        "answer_form",
        lambda data: services.question_answer(
            question=question, acting_user=request.user, answer=data["answer"]
        ),
        _("บันทึกคำตอบและเผยแพร่เรียบร้อยแล้ว"),
    )


@staff(Cap.QA_ANSWER)
@require_POST
def question_reject(request: StaffRequest, pk: int) -> HttpResponseBase:
    question = access.get_question_for_staff(request.agency, pk)
    return _question_action(
        request,
        question,
        RejectForm(request.POST, prefix="reject"),
        "reject_form",
        lambda data: services.question_reject(
            question=question, acting_user=request.user, reason=data["reason"]
        ),
        _("บันทึกว่าไม่เผยแพร่คำถามนี้เรียบร้อยแล้ว"),
    )


@staff(Cap.QA_ANSWER)
@require_POST
def question_revise(request: StaffRequest, pk: int) -> HttpResponseBase:
    question = access.get_question_for_staff(request.agency, pk)
    return _question_action(
        request,
        question,
        ReviseAnswerForm(request.POST, prefix="revise"),
        "revise_form",
        lambda data: services.question_revise_answer(
            question=question, acting_user=request.user, answer=data["answer"], reason=data["reason"]
        ),
        _("แก้ไขคำตอบเรียบร้อยแล้ว ฉบับเดิมยังแสดงในประวัติการแก้ไข"),
    )


# --- participation records ---------------------------------------------------------------------------------


@staff(Cap.PARTICIPATION_EDIT)
def participation_index(request: StaffRequest) -> HttpResponse:
    return render(
        request,
        "engagement/staff/participation_index.html",
        {"activities": selectors.participation_for_staff(request.agency)},
    )


def _participation_page(
    request: StaffRequest,
    activity: ParticipationActivity | None,
    form: ParticipationForm,
    groups: Any,
    attachment_form: AttachmentForm | None = None,
    *,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "engagement/staff/participation_edit.html",
        {
            "activity": activity,
            "form": form,
            "groups": groups,
            "group_suggestions": GROUP_SUGGESTIONS,
            "attachment_form": attachment_form or AttachmentForm(prefix=AttachmentForm.prefix),
            "revisions": revisions_of(activity) if activity and activity.is_published else [],
            "can_publish": Cap.CONTENT_PUBLISH in capabilities_for(request),
        },
        status=status,
    )


@staff(Cap.PARTICIPATION_EDIT)
def participation_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    activity = access.get_participation_for_staff(agency, pk) if pk else None
    if request.method != "POST":
        initial = formset_initial(activity.participant_groups) if activity else []
        return _participation_page(
            request,
            activity,
            ParticipationForm(instance=activity),
            GroupFormSet(prefix="groups", initial=initial),
        )
    form = ParticipationForm(request.POST, instance=activity)
    groups = GroupFormSet(request.POST, prefix="groups")
    if form.is_valid() and groups.is_valid():
        fields = {k: form.cleaned_data[k] for k in ParticipationForm.Meta.fields}
        fields["participant_groups"] = groups_from_formset(groups)
        try:
            if activity is None:
                activity = services.participation_create_draft(
                    agency=agency, acting_user=request.user, **fields
                )
            elif activity.is_published:
                services.participation_revise(
                    activity=activity, acting_user=request.user, reason=form.cleaned_data["reason"], **fields
                )
            else:
                services.participation_update_draft(activity=activity, acting_user=request.user, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกข้อมูลการมีส่วนร่วมเรียบร้อยแล้ว"))
            return redirect("engagement:staff_participation_edit", pk=activity.pk)
    return _participation_page(request, activity, form, groups, status=form_status(form, groups))


@staff(Cap.CONTENT_PUBLISH)
@require_POST
def participation_publish(request: StaffRequest, pk: int) -> HttpResponseBase:
    activity = access.get_participation_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.participation_publish(activity=activity, acting_user=request.user),
        success=_("เผยแพร่ข้อมูลการมีส่วนร่วมเรียบร้อยแล้ว"),
        done=reverse("engagement:staff_participation_edit", args=[activity.pk]),
    )


@staff(Cap.PARTICIPATION_EDIT)
@require_POST
def participation_attach(request: StaffRequest, pk: int) -> HttpResponseBase:
    activity = access.get_participation_for_staff(request.agency, pk)
    form = AttachmentForm(request.POST, request.FILES, prefix=AttachmentForm.prefix)
    return form_action(
        request,
        form,
        lambda data: services.participation_attach_file(
            activity=activity,
            acting_user=request.user,
            upload=data["file"],
            title=data["title"],
            reason=data["reason"],
        ),
        success=_("แนบไฟล์เรียบร้อยแล้ว"),
        done=reverse("engagement:staff_participation_edit", args=[activity.pk]),
        page=lambda: _participation_page(
            request,
            activity,
            ParticipationForm(instance=activity),
            GroupFormSet(prefix="groups", initial=formset_initial(activity.participant_groups)),
            form,
        ),
    )
