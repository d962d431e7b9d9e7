"""Writes of the Q&A board and of the participation records.

Every function is atomic, takes the acting user (``None`` for a citizen using the public site) and writes an
audit event in the same transaction. Questions are moderated before they appear; an answer, once given, is
corrected only with a reason, and every version of it is kept as a revision with its hash.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.links import agency_url
from prongsai.core.models import Agency, Revision, User
from prongsai.core.publication import add_revision_for_change, content_hash, record_publish, record_revise
from prongsai.core.search import index_document
from prongsai.core.services import attachment_create, email_queue
from prongsai.core.tracking import new_tracking_code
from prongsai.engagement.models import ParticipationActivity, Question

CITIZEN_LABEL = gettext_lazy("ประชาชน (เว็บไซต์)")
MAX_GROUP_COUNT = 1_000_000


# --- questions ---------------------------------------------------------------------------------------------


def _unique_code(agency: Agency) -> str:
    for _attempt in range(10):
        code = new_tracking_code()
        if not Question.objects.filter(agency=agency, tracking_code=code).exists():
            return code
    raise RuntimeError("could not draw an unused tracking code")  # 2**59 codes: practically unreachable


@transaction.atomic
def question_submit(
    *,
    agency: Agency,
    idempotency_key: uuid.UUID,
    title: str,
    body: str,
    asker_name: str = "",
    asker_email: str = "",
    acting_user: User | None = None,
) -> tuple[Question, bool]:
    """Receive a question; it waits for moderation. Returns the question and whether it is new.

    Re-sending the same form (same ``idempotency_key``) returns the question already received.
    """
    existing = Question.objects.filter(agency=agency, idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    question = Question(
        agency=agency,
        idempotency_key=idempotency_key,
        tracking_code=_unique_code(agency),
        title=title.strip(),
        body=body.strip(),
        asker_name=asker_name.strip(),
        asker_email=asker_email.strip(),
    )
    question.full_clean()
    try:
        with transaction.atomic():
            question.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request saved it first.
        return Question.objects.get(agency=agency, idempotency_key=idempotency_key), False
    audit_record(
        agency=agency,
        actor=acting_user,
        actor_label=None if acting_user else CITIZEN_LABEL,
        action="engagement.question.submitted",
        obj=question,
        data={"with_name": bool(question.asker_name), "with_email": bool(question.asker_email)},
    )
    return question, True


def _lock_question(question: Question) -> Question:
    return Question.objects.select_for_update().get(pk=question.pk, agency=question.agency)


def _apply_moderator_edits(question: Question, title: str | None, body: str | None) -> bool:
    edited = False
    if title is not None and title.strip() and title.strip() != question.title:
        question.title = title.strip()
        edited = True
    if body is not None and body.strip() and body.strip() != question.body:
        question.body = body.strip()
        edited = True
    if edited:
        question.edited_by_moderator = True
    return edited


@transaction.atomic
def question_publish(
    *, question: Question, acting_user: User, title: str | None = None, body: str | None = None
) -> Question:
    """Let a pending question appear on the board (before it is answered).

    The moderator may reword the title or the text, e.g. to remove a person's name or telephone number;
    the page then says that the wording was edited.
    """
    locked = _lock_question(question)
    if not can_proceed(locked.publish):
        raise ValidationError(_("คำถามนี้ได้รับการพิจารณาไปแล้ว กรุณาเปิดหน้านี้ใหม่เพื่อดูสถานะล่าสุด"))
    edited = _apply_moderator_edits(locked, title, body)
    locked.full_clean()
    locked.publish()
    locked.published_at = timezone.now()
    locked.save(
        update_fields=["status", "title", "body", "edited_by_moderator", "published_at", "updated_at"]
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="engagement.question.published",
        obj=locked,
        data={"edited": edited},
    )
    return locked


@transaction.atomic
def question_reject(*, question: Question, acting_user: User, reason: str) -> Question:
    """Keep a pending question off the board; the asker sees the reason on the tracking page."""
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ไม่เผยแพร่ ผู้ถามจะเห็นเหตุผลนี้ในหน้าติดตามคำถาม")})
    locked = _lock_question(question)
    if not can_proceed(locked.reject):
        raise ValidationError(_("คำถามนี้ได้รับการพิจารณาไปแล้ว กรุณาเปิดหน้านี้ใหม่เพื่อดูสถานะล่าสุด"))
    locked.reject()
    locked.rejected_at = timezone.now()
    locked.rejection_reason = reason.strip()
    locked.save(update_fields=["status", "rejected_at", "rejection_reason", "updated_at"])
    audit_record(agency=locked.agency, actor=acting_user, action="engagement.question.rejected", obj=locked)
    _notify_asker(locked, answered=False)
    return locked


def _answer_snapshot(question: Question) -> dict[str, Any]:
    return {"title": question.title, "body": question.body, "answer": question.answer}


def _add_answer_revision(question: Question, acting_user: User, reason: str) -> Revision:
    content = _answer_snapshot(question)
    question.answer_revision_count += 1
    return Revision.objects.create(
        agency=question.agency,
        record_type=question._meta.label_lower,
        record_id=question.pk,
        number=question.answer_revision_count,
        content=content,
        content_hash=content_hash(content),
        reason=reason,
        author=acting_user,
    )


@transaction.atomic
def question_answer(
    *,
    question: Question,
    acting_user: User,
    answer: str,
    title: str | None = None,
    body: str | None = None,
) -> Question:
    """Answer a question publicly. A pending question is published with its answer in the same step.

    The answer becomes revision 1 of the question's public record; the asker is told by e-mail when they
    left an address; the question and answer enter the site search.
    """
    if not answer.strip():
        raise ValidationError({"answer": _("กรุณาพิมพ์คำตอบ คำตอบจะแสดงต่อสาธารณะบนหน้าถาม-ตอบ")})
    locked = _lock_question(question)
    if not can_proceed(locked.mark_answered):
        raise ValidationError(_("คำถามนี้ตอบแล้วหรือไม่ได้เผยแพร่ หากต้องการแก้ไขคำตอบ ให้ใช้การแก้ไขคำตอบพร้อมระบุเหตุผล"))
    # Wording may still be edited while the question is pending (answering publishes it).
    edited = _apply_moderator_edits(locked, title, body) if can_proceed(locked.publish) else False
    now = timezone.now()
    locked.answer = answer.strip()
    locked.full_clean()
    if locked.published_at is None:
        locked.published_at = now
    locked.mark_answered()
    locked.answered_at = now
    locked.answered_by = acting_user
    revision = _add_answer_revision(locked, acting_user, reason="")
    locked.save(
        update_fields=[
            "status",
            "title",
            "body",
            "edited_by_moderator",
            "answer",
            "answered_at",
            "answered_by",
            "published_at",
            "answer_revision_count",
            "updated_at",
        ]
    )
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="engagement.question.answered",
        obj=locked,
        data={"edited": edited, "revision": revision.number, "content_hash": revision.content_hash},
    )
    _index_question(locked)
    _notify_asker(locked, answered=True)
    return locked


@transaction.atomic
def question_revise_answer(*, question: Question, acting_user: User, answer: str, reason: str) -> Question:
    """Correct a published answer; the old one stays in the public history with the reason."""
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ")})
    if not answer.strip():
        raise ValidationError({"answer": _("กรุณาพิมพ์คำตอบ คำตอบจะแสดงต่อสาธารณะบนหน้าถาม-ตอบ")})
    locked = _lock_question(question)
    if locked.status != Question.Status.ANSWERED:
        raise ValidationError(_("คำถามนี้ยังไม่มีคำตอบ กรุณาตอบคำถามก่อน"))
    if answer.strip() == locked.answer:
        raise ValidationError({"answer": _("คำตอบไม่มีการเปลี่ยนแปลง จึงไม่ได้สร้างฉบับแก้ไขใหม่")})
    locked.answer = answer.strip()
    locked.full_clean()
    revision = _add_answer_revision(locked, acting_user, reason=reason.strip())
    locked.save(update_fields=["answer", "answer_revision_count", "updated_at"])
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="engagement.question.answer_revised",
        obj=locked,
        data={"revision": revision.number, "reason": reason.strip(), "content_hash": revision.content_hash},
    )
    _index_question(locked)
    return locked


def _index_question(question: Question) -> None:
    index_document(
        agency=question.agency,
        record=question,
        url=reverse("engagement:question_detail", args=[question.public_id]),
        title=question.title,
        summary=question.answer[:200],
        body=f"{question.body}\n{question.answer}",
        published_at=question.answered_at,
    )


def _notify_asker(question: Question, *, answered: bool) -> None:
    """Tell the asker by e-mail (through the outbox, sent after commit) when they left an address.

    The message carries the tracking link, not the text, so a mistyped address learns nothing.
    """
    if not question.asker_email:
        return
    link = agency_url(
        question.agency, reverse("engagement:question_track_code", args=[question.display_code])
    )
    with translation.override("th"):
        values = {"agency": question.agency.name_th, "code": question.display_code, "link": link}
        if answered:
            subject = _("คำถามของท่านได้รับคำตอบแล้ว – %(agency)s") % values
            body = (
                _(
                    "เรียน ผู้ถาม\n\n%(agency)s ได้ตอบคำถามของท่าน (รหัสติดตาม %(code)s) แล้ว "
                    "อ่านคำตอบได้ที่\n%(link)s\n\nอีเมลนี้ส่งจากระบบโดยอัตโนมัติ กรุณาอย่าตอบกลับ"
                )
                % values
            )
        else:
            subject = _("ผลการพิจารณาคำถามของท่าน – %(agency)s") % values
            body = (
                _(
                    "เรียน ผู้ถาม\n\nคำถามของท่าน (รหัสติดตาม %(code)s) ไม่ได้รับการเผยแพร่บนกระดานถาม-ตอบ "
                    "ดูเหตุผลได้ที่\n%(link)s\n\nอีเมลนี้ส่งจากระบบโดยอัตโนมัติ กรุณาอย่าตอบกลับ"
                )
                % values
            )
    email_queue(agency=question.agency, to=question.asker_email, subject=subject, body=body)


# --- participation records ---------------------------------------------------------------------------------


def clean_participant_groups(groups: Any) -> list[dict[str, Any]]:
    """Participant counts as a list of {"group", "count"}; raises a Thai ValidationError on bad input."""
    if not isinstance(groups, list):
        raise ValidationError({"participant_groups": _("ข้อมูลผู้มีส่วนร่วมไม่ถูกต้อง กรุณากรอกกลุ่มและจำนวนใหม่")})
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in groups:
        name = str((entry or {}).get("group", "")).strip()
        count = (entry or {}).get("count")
        if not name and count in (None, ""):
            continue
        if not name or len(name) > 100:
            raise ValidationError(
                {"participant_groups": _("กรุณาระบุชื่อกลุ่มผู้มีส่วนร่วม (ไม่เกิน 100 ตัวอักษร) ให้ทุกแถวที่มีจำนวน")}
            )
        if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_GROUP_COUNT:
            raise ValidationError(
                {
                    "participant_groups": _("จำนวนผู้มีส่วนร่วมของกลุ่ม “%(group)s” ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป")
                    % {"group": name}
                }
            )
        if name in seen:
            raise ValidationError(
                {"participant_groups": _("กลุ่ม “%(group)s” ซ้ำกัน กรุณารวมจำนวนไว้ในแถวเดียว") % {"group": name}}
            )
        seen.add(name)
        cleaned.append({"group": name, "count": count})
    return cleaned


def _index_participation(activity: ParticipationActivity) -> None:
    groups = "\n".join(f"{g['group']} {g['count']}" for g in activity.participant_groups)
    index_document(
        agency=activity.agency,
        record=activity,
        url=reverse("engagement:participation_detail", args=[activity.public_id]),
        title=activity.title,
        summary=activity.results[:200],
        body=f"{activity.get_kind_display()}\n{activity.description}\n{groups}\n{activity.results}\n"
        f"{activity.use_of_results}",
        published_at=activity.published_at,
    )


@transaction.atomic
def participation_create_draft(
    *,
    agency: Agency,
    acting_user: User,
    title: str,
    activity_date: date,
    results: str,
    kind: str = ParticipationActivity.Kind.HEARING,
    stage: str = ParticipationActivity.Stage.PLAN,
    location: str = "",
    description: str = "",
    participant_groups: list[dict[str, Any]] | None = None,
    use_of_results: str = "",
) -> ParticipationActivity:
    """Start the record of a participation activity (not public until published)."""
    activity = ParticipationActivity(
        agency=agency,
        title=title,
        activity_date=activity_date,
        results=results,
        kind=kind,
        stage=stage,
        location=location,
        description=description,
        participant_groups=clean_participant_groups(participant_groups or []),
        use_of_results=use_of_results,
    )
    activity.full_clean()
    activity.save()
    audit_record(agency=agency, actor=acting_user, action="engagement.participation.drafted", obj=activity)
    return activity


def _participation_changes(
    title: str | Unset,
    activity_date: date | Unset,
    results: str | Unset,
    kind: str | Unset,
    stage: str | Unset,
    location: str | Unset,
    description: str | Unset,
    participant_groups: list[dict[str, Any]] | Unset,
    use_of_results: str | Unset,
) -> dict[str, Any]:
    return given(
        title=title,
        activity_date=activity_date,
        results=results,
        kind=kind,
        stage=stage,
        location=location,
        description=description,
        participant_groups=UNSET
        if isinstance(participant_groups, Unset)
        else clean_participant_groups(participant_groups),
        use_of_results=use_of_results,
    )


@transaction.atomic
def participation_update_draft(
    *,
    activity: ParticipationActivity,
    acting_user: User,
    title: str | Unset = UNSET,
    activity_date: date | Unset = UNSET,
    results: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    participant_groups: list[dict[str, Any]] | Unset = UNSET,
    use_of_results: str | Unset = UNSET,
) -> ParticipationActivity:
    """Change a draft directly; a published record changes only through ``participation_revise``."""
    locked = ParticipationActivity.objects.select_for_update().get(pk=activity.pk, agency=activity.agency)
    if locked.is_published:
        raise ValidationError(_("รายการนี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    changes = _participation_changes(
        title, activity_date, results, kind, stage, location, description, participant_groups, use_of_results
    )
    changed = assign(locked, changes)
    save_changes(locked, changed)
    audit_record(
        agency=locked.agency,
        actor=acting_user,
        action="engagement.participation.draft_updated",
        obj=locked,
        data={"fields": sorted(changed)},
    )
    return locked


@transaction.atomic
def participation_publish(
    *, activity: ParticipationActivity, acting_user: User, published_at: datetime | None = None
) -> ParticipationActivity:
    """Publish the record: it becomes revision 1, public and searchable."""
    published = record_publish(
        record=activity,
        acting_user=acting_user,
        action="engagement.participation.published",
        published_at=published_at,
    )
    _index_participation(published)
    return published


@transaction.atomic
def participation_revise(
    *,
    activity: ParticipationActivity,
    acting_user: User,
    reason: str,
    title: str | Unset = UNSET,
    activity_date: date | Unset = UNSET,
    results: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    participant_groups: list[dict[str, Any]] | Unset = UNSET,
    use_of_results: str | Unset = UNSET,
) -> ParticipationActivity:
    """Correct a published record with a reason shown in its public history."""
    changes = _participation_changes(
        title, activity_date, results, kind, stage, location, description, participant_groups, use_of_results
    )
    revised = record_revise(
        record=activity,
        acting_user=acting_user,
        reason=reason,
        changes=changes,
        action="engagement.participation.revised",
    )
    _index_participation(revised)
    return revised


@transaction.atomic
def participation_attach_file(
    *,
    activity: ParticipationActivity,
    acting_user: User,
    upload: UploadedFile,
    title: str = "",
    reason: str = "",
) -> ParticipationActivity:
    """Attach a checked file (photos are re-encoded without metadata). On a published record this is a
    correction and needs a reason."""
    locked = ParticipationActivity.objects.select_for_update().get(pk=activity.pk, agency=activity.agency)
    if locked.is_published and not reason.strip():
        raise ValidationError({"reason": _("รายการนี้เผยแพร่แล้ว การเพิ่มไฟล์แนบต้องระบุเหตุผลของการแก้ไข")})
    attachment = attachment_create(agency=locked.agency, acting_user=acting_user, upload=upload, title=title)
    locked.attachments.add(attachment)
    if locked.is_published:
        add_revision_for_change(
            record=locked, acting_user=acting_user, reason=reason, action="engagement.participation.revised"
        )
    return locked
