"""The two-way Q&A board and the records of public participation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import Attachment, Publishable, TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField
from prongsai.core.tracking import format_tracking_code

QUESTION_BODY_MAX = 4000


class Question(FSMModelMixin, TenantModel):
    """A citizen's question: moderated before it appears, answered publicly by staff.

    ``status`` is protected: only the transitions below change it, and only the services in
    ``prongsai.engagement.services`` call them. The asker follows the question with ``tracking_code``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("รอตรวจสอบก่อนเผยแพร่")
        PUBLISHED = "published", _("เผยแพร่แล้ว รอคำตอบ")
        ANSWERED = "answered", _("ตอบแล้ว")
        REJECTED = "rejected", _("ไม่เผยแพร่")

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=16, editable=False)
    idempotency_key = models.UUIDField(editable=False)
    title = models.CharField(_("หัวข้อคำถาม"), max_length=200)
    body = models.TextField(_("รายละเอียดคำถาม"), validators=[MaxLengthValidator(QUESTION_BODY_MAX)])
    asker_name = models.CharField(_("ชื่อที่ให้แสดง"), max_length=100, blank=True)
    asker_email = models.EmailField(_("อีเมลสำหรับรับแจ้งเมื่อได้รับคำตอบ"), blank=True)
    status = StatusField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.PENDING, protected=True
    )
    edited_by_moderator = models.BooleanField(_("ผู้ดูแลปรับถ้อยคำก่อนเผยแพร่"), default=False)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("ไม่เผยแพร่เมื่อ"), null=True, blank=True)
    rejection_reason = models.TextField(_("เหตุผลที่ไม่เผยแพร่"), blank=True)
    answer = models.TextField(_("คำตอบ"), blank=True)
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer_revision_count = models.PositiveIntegerField(_("จำนวนฉบับของคำตอบ"), default=0)

    class Meta:
        verbose_name = _("คำถาม")
        verbose_name_plural = _("คำถาม")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "tracking_code"], name="engagement_question_unique_code"
            ),
            # A re-sent form (same idempotency key) never creates a second question.
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"], name="engagement_question_unique_submission"
            ),
        ]
        indexes = [
            # Serves the public board (published and answered questions, newest first) and the staff queue.
            models.Index(fields=["agency", "status", "-created_at"], name="engagement_question_status"),
        ]

    def __str__(self) -> str:
        # Never the question's text: this is what the audit log records as the object's name.
        return format_tracking_code(self.tracking_code)

    @property
    def display_code(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def is_public(self) -> bool:
        return self.status in {self.Status.PUBLISHED, self.Status.ANSWERED}

    @transition(field=status, source=Status.PENDING, target=Status.PUBLISHED)
    def publish(self) -> None:
        """Pending → published: a moderator let it appear on the board, still without an answer."""

    @transition(field=status, source=[Status.PENDING, Status.PUBLISHED], target=Status.ANSWERED)
    def mark_answered(self) -> None:
        """Pending or published → answered. Answering a pending question also publishes it."""

    @transition(field=status, source=Status.PENDING, target=Status.REJECTED)
    def reject(self) -> None:
        """Pending → rejected: spam, abuse, or not a question for this agency. It never appears."""

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})


class ParticipationActivity(Publishable):
    """An activity in which people outside the agency took part (OIT item "การเปิดโอกาสให้เกิดการมีส่วนร่วม").

    It records the four elements the ITA asks for: the topic, a summary of who took part (counts by group),
    the results, and how the agency used them.
    """

    class Kind(models.TextChoices):
        VILLAGE_FORUM = "village_forum", _("ประชาคมหมู่บ้าน")
        SUBDISTRICT_FORUM = "subdistrict_forum", _("ประชาคมตำบล")
        HEARING = "hearing", _("ประชุมรับฟังความคิดเห็น")
        SURVEY = "survey", _("สำรวจความคิดเห็น")
        COMMITTEE = "committee", _("คณะกรรมการที่มีผู้แทนประชาชนร่วม")
        MONITORING = "monitoring", _("ร่วมติดตามตรวจสอบ")
        OTHER = "other", _("อื่น ๆ")

    class Stage(models.TextChoices):
        INFORM = "inform", _("ร่วมรับรู้")
        PLAN = "plan", _("ร่วมคิดและวางแผน")
        DECIDE = "decide", _("ร่วมตัดสินใจ")
        IMPLEMENT = "implement", _("ร่วมดำเนินการ")
        MONITOR = "monitor", _("ร่วมติดตามตรวจสอบ")

    snapshot_fields = (
        "title",
        "kind",
        "stage",
        "activity_date",
        "location",
        "description",
        "participant_groups",
        "results",
        "use_of_results",
    )

    title = models.CharField(_("ประเด็นหรือเรื่องในการมีส่วนร่วม"), max_length=300)
    kind = models.CharField(_("รูปแบบ"), max_length=24, choices=Kind.choices, default=Kind.HEARING)
    stage = models.CharField(_("ระดับการมีส่วนร่วม"), max_length=16, choices=Stage.choices, default=Stage.PLAN)
    activity_date = models.DateField(_("วันที่จัดกิจกรรม"))
    location = models.CharField(_("สถานที่"), max_length=300, blank=True)
    description = models.TextField(_("รายละเอียดกิจกรรม"), blank=True)
    # [{"group": "ประชาชนทั่วไป", "count": 85}, ...]: counts only, never names of participants.
    participant_groups = models.JSONField(_("สรุปข้อมูลผู้มีส่วนร่วม"), default=list, blank=True)
    results = models.TextField(_("ผลจากการมีส่วนร่วม"))
    use_of_results = models.TextField(_("การนำผลไปปรับปรุงพัฒนาการดำเนินงาน"), blank=True)
    attachments = models.ManyToManyField(Attachment, blank=True, related_name="+", verbose_name=_("ไฟล์แนบ"))

    class Meta:
        verbose_name = _("การมีส่วนร่วมของประชาชน")
        verbose_name_plural = _("การมีส่วนร่วมของประชาชน")
        ordering = ["-activity_date", "-created_at"]
        indexes = [
            # Serves the public list per fiscal year: published activities of an agency by date.
            models.Index(fields=["agency", "status", "-activity_date"], name="engagement_participation_pub"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participant_total(self) -> int:
        return sum(int(g.get("count") or 0) for g in self.participant_groups or [])

    def snapshot(self) -> dict[str, Any]:
        data = super().snapshot()
        if self.pk:
            data["attachments"] = [
                {"name": a.original_name, "sha256": a.sha256} for a in self.attachments.order_by("pk")
            ]
        return data
