"""Reads of the Q&A board and the participation records, shared by views, reports and the API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse

from prongsai.core.models import Agency, PublicationStatus, Revision
from prongsai.core.search import SearchHit, search
from prongsai.core.thai import BANGKOK, fiscal_year, fiscal_year_range
from prongsai.engagement.models import ParticipationActivity, Question

# --- questions ---------------------------------------------------------------------------------------------


def public_questions(agency: Agency, *, answered_only: bool = False) -> QuerySet[Question]:
    """Questions on the public board, latest activity first (answered ones by their answer date)."""
    statuses = (
        [Question.Status.ANSWERED] if answered_only else [Question.Status.PUBLISHED, Question.Status.ANSWERED]
    )
    return (
        Question.objects.filter(agency=agency, status__in=statuses)
        .annotate(last_activity=Coalesce("answered_at", "published_at"))
        .order_by(F("last_activity").desc(nulls_last=True), "-pk")
    )


def search_questions(agency: Agency, query: str) -> list[SearchHit]:
    """Answered questions whose question or answer contains every word of ``query`` (Thai-aware)."""
    prefix = reverse("engagement:qa_board")
    return [hit for hit in search(agency=agency, query=query, limit=200) if hit.url.startswith(prefix)]


def question_by_idempotency_key(agency: Agency, key: uuid.UUID) -> Question | None:
    return Question.objects.filter(agency=agency, idempotency_key=key).first()


def questions_for_staff(agency: Agency, *, status: str | None = None) -> QuerySet[Question]:
    """The moderation queue: pending questions first, then the rest, newest first."""
    qs = Question.objects.filter(agency=agency)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("answered_by").order_by("-created_at")


def pending_question_count(agency: Agency) -> int:
    return Question.objects.filter(agency=agency, status=Question.Status.PENDING).count()


def unanswered_question_count(agency: Agency) -> int:
    return Question.objects.filter(agency=agency, status=Question.Status.PUBLISHED).count()


@dataclass(frozen=True)
class QuestionStatistics:
    """Questions received in one fiscal year and what became of them (shown on the board)."""

    fiscal_year: int
    received: int
    answered: int
    awaiting: int
    not_published: int
    median_days_to_answer: float | None


def question_statistics(agency: Agency, fiscal_year_be: int) -> QuestionStatistics:
    """Counts of one fiscal year (BE) by the date a question was received, in Bangkok time."""
    start, end = fiscal_year_range(fiscal_year_be)
    begin = datetime.combine(start, time.min, tzinfo=BANGKOK)
    finish = datetime.combine(end + timedelta(days=1), time.min, tzinfo=BANGKOK)
    rows = list(
        Question.objects.filter(agency=agency, created_at__gte=begin, created_at__lt=finish).values_list(
            "status", "created_at", "answered_at"
        )
    )
    waits = sorted(
        (answered - created).total_seconds() / 86400
        for status, created, answered in rows
        if answered is not None
    )
    return QuestionStatistics(
        fiscal_year=fiscal_year_be,
        received=len(rows),
        answered=sum(1 for status, _c, _a in rows if status == Question.Status.ANSWERED),
        awaiting=sum(
            1 for status, _c, _a in rows if status in {Question.Status.PENDING, Question.Status.PUBLISHED}
        ),
        not_published=sum(1 for status, _c, _a in rows if status == Question.Status.REJECTED),
        median_days_to_answer=round(median(waits), 1) if waits else None,
    )


def answer_revisions(question: Question) -> list[Revision]:
    """The public history of a question's answer, oldest first."""
    return list(
        Revision.objects.filter(
            agency=question.agency, record_type=question._meta.label_lower, record_id=question.pk
        ).order_by("number")
    )


# --- participation -----------------------------------------------------------------------------------------


def published_participation(
    agency: Agency, *, fiscal_year_be: int | None = None
) -> QuerySet[ParticipationActivity]:
    """Published participation records, newest activity first, optionally of one fiscal year (BE)."""
    qs = ParticipationActivity.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED)
    if fiscal_year_be is not None:
        start, end = fiscal_year_range(fiscal_year_be)
        qs = qs.filter(activity_date__range=(start, end))
    return qs.prefetch_related("attachments").order_by("-activity_date", "-pk")


def participation_fiscal_years(agency: Agency) -> list[int]:
    """Fiscal years (BE) that have at least one published record, newest first."""
    dates = ParticipationActivity.objects.filter(
        agency=agency, status=PublicationStatus.PUBLISHED
    ).values_list("activity_date", flat=True)
    return sorted({fiscal_year(d) for d in dates}, reverse=True)


def participation_for_staff(agency: Agency) -> QuerySet[ParticipationActivity]:
    return ParticipationActivity.objects.filter(agency=agency).order_by("-activity_date", "-pk")


@dataclass(frozen=True)
class ParticipationEvidence:
    """One activity as the OIT item on participation asks for it (topic, participants, results, use)."""

    title: str
    kind: str
    stage: str
    activity_date: date
    participant_groups: list[dict[str, object]]
    participant_total: int
    results: str
    use_of_results: str
    url: str


def oit_participation(agency: Agency, fiscal_year_be: int) -> list[ParticipationEvidence]:
    """The evidence of the OIT participation item for one fiscal year, oldest activity first.

    Each entry carries the four required elements and the public page that shows them; the ``ita`` app maps
    the item to this selector and the fiscal-year list page (``participation_list?year=``) as its URL.
    """
    return [
        ParticipationEvidence(
            title=a.title,
            kind=a.get_kind_display(),
            stage=a.get_stage_display(),
            activity_date=a.activity_date,
            participant_groups=list(a.participant_groups),
            participant_total=a.participant_total,
            results=a.results,
            use_of_results=a.use_of_results,
            url=reverse("engagement:participation_detail", args=[a.public_id]),
        )
        for a in published_participation(agency, fiscal_year_be=fiscal_year_be).order_by(
            "activity_date", "pk"
        )
    ]
