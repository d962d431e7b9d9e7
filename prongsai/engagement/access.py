"""Guarded accessors of the Q&A board and participation records: same 404 for "missing" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.core.tracking import normalise_tracking_code
from prongsai.engagement.models import ParticipationActivity, Question


def get_public_question(agency: Agency, public_id: str) -> Question:
    """A question that the board shows (published or answered) — never a pending or rejected one."""
    question = Question.objects.filter(
        agency=agency,
        public_id=parse_public_id(public_id),
        status__in=[Question.Status.PUBLISHED, Question.Status.ANSWERED],
    ).first()
    if question is None:
        raise Http404
    return question


def find_question_by_code(agency: Agency, code: str) -> Question | None:
    """The question a tracking code belongs to, in any state (the asker's view); None when there is none."""
    normalised = normalise_tracking_code(code)
    if not normalised:
        return None
    return Question.objects.filter(agency=agency, tracking_code=normalised).first()


def get_question_by_code(agency: Agency, code: str) -> Question:
    question = find_question_by_code(agency, code)
    if question is None:
        raise Http404
    return question


def get_question_for_staff(agency: Agency, pk: int) -> Question:
    question = Question.objects.filter(agency=agency, pk=pk).select_related("answered_by").first()
    if question is None:
        raise Http404
    return question


def get_public_participation(agency: Agency, public_id: str) -> ParticipationActivity:
    activity = (
        ParticipationActivity.objects.filter(
            agency=agency, public_id=parse_public_id(public_id), status=PublicationStatus.PUBLISHED
        )
        .prefetch_related("attachments")
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def get_participation_for_staff(agency: Agency, pk: int) -> ParticipationActivity:
    activity = (
        ParticipationActivity.objects.filter(agency=agency, pk=pk).prefetch_related("attachments").first()
    )
    if activity is None:
        raise Http404
    return activity


def get_public_participation_attachment(agency: Agency, public_id: str) -> Attachment:
    """A file is public only while a published participation record carries it."""
    attachment = Attachment.objects.filter(agency=agency, public_id=parse_public_id(public_id)).first()
    if attachment is None:
        raise Http404
    carried = ParticipationActivity.objects.filter(
        agency=agency, status=PublicationStatus.PUBLISHED, attachments=attachment
    ).exists()
    if not carried:
        raise Http404
    return attachment
