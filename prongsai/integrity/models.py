"""The integrity app (seed measures 8.4–8.7): the No Gift Policy and the corruption-risk register.

* ``NoGiftDeclaration``: the chief executive's declaration of a year, Thai and English (gift_declaration);
  ``PolicyAcknowledgement``: a member has read it.
* ``CultureActivity``: an activity building the No Gift culture, with photos (gift_culture).
* ``GiftEntry``: the register of gifts offered, received or given and their handling; never public.
* ``GiftReport``: the de-identified report of a period, a stated zero when empty (gift_report).
* ``RiskArea``: an area of risk (the four bribery topics by default, more as data).
* ``RiskAssessment``: the assessment of a year and, later, its treatment report
  (corruption_risk_assessment, corruption_risk_actions), with ``RiskEvent`` (likelihood and impact 1–5,
  existing controls), ``RiskMeasure`` (owner, dates, status, result) and ``MeasureProgress``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import Attachment, Publishable, TenantModel
from prongsai.core.models.status_field import StatusField
from prongsai.core.thai import fiscal_year_range
from prongsai.integrity import rules

YEAR_VALIDATORS = [MinValueValidator(2400), MaxValueValidator(2700)]


class NoGiftDeclaration(Publishable):
    snapshot_fields = (
        "fiscal_year",
        "title",
        "text_th",
        "text_en",
        "signer_name",
        "signer_position",
        "signed_on",
    )

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=YEAR_VALIDATORS)
    title = models.CharField(_("ชื่อประกาศ"), max_length=300)
    text_th = models.TextField(_("ข้อความประกาศ (ภาษาไทย)"))
    text_en = models.TextField(_("ข้อความประกาศ (ภาษาอังกฤษ)"), blank=True)
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)
    signed_on = models.DateField(_("วันที่ลงนาม"), null=True, blank=True)

    class Meta:
        verbose_name = _("ประกาศเจตนารมณ์นโยบาย No Gift Policy")
        verbose_name_plural = _("ประกาศเจตนารมณ์นโยบาย No Gift Policy")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "fiscal_year"], name="integrity_declaration_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_signed(self) -> bool:
        return bool(self.signer_name.strip() and self.signed_on)


class PolicyAcknowledgement(TenantModel):
    """A staff member acknowledged the declaration of a year."""

    declaration = models.ForeignKey(
        NoGiftDeclaration, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("รับทราบเมื่อ"))

    class Meta:
        verbose_name = _("การรับทราบนโยบาย")
        verbose_name_plural = _("การรับทราบนโยบาย")
        ordering = ["acknowledged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "declaration", "user"], name="integrity_acknowledgement_once"
            )
        ]


class CultureActivity(Publishable):
    snapshot_fields = ("fiscal_year", "title", "held_on", "description", "participants", "participant_count")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=YEAR_VALIDATORS)
    title = models.CharField(_("ชื่อกิจกรรม"), max_length=300)
    held_on = models.DateField(_("วันที่จัดกิจกรรม"))
    description = models.TextField(_("รายละเอียดกิจกรรม"))
    participants = models.TextField(_("ผู้เข้าร่วม"), help_text=_("เช่น ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล"))
    participant_count = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วม (คน)"), null=True, blank=True)
    photos = models.ManyToManyField(Attachment, blank=True, related_name="+", verbose_name=_("ภาพกิจกรรม"))

    class Meta:
        verbose_name = _("กิจกรรมสร้างวัฒนธรรม No Gift Policy")
        verbose_name_plural = _("กิจกรรมสร้างวัฒนธรรม No Gift Policy")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title


def _no_decision_needed(entry: Any) -> bool:
    return not entry.needs_decision


class GiftEntry(FSMModelMixin, TenantModel):
    """One gift offered to, received by or given by a member of the agency, and what was done with it.

    Above the threshold of มาตรา ๑๒๘ (``rules.gift_rule``) from someone who is not a relative, the head of the
    agency decides (within the rule's days): such an entry is closed only by that decision.
    """

    class Direction(models.TextChoices):
        OFFERED = "offered", _("มีผู้เสนอให้")
        RECEIVED = "received", _("ได้รับ")
        GIVEN = "given", _("มอบให้ผู้อื่น")

    class Relationship(models.TextChoices):
        RELATIVE = "relative", _("ญาติ")
        ACQUAINTANCE = "acquaintance", _("บุคคลที่รู้จักเป็นการส่วนตัว")
        CONTRACTOR = "contractor", _("ผู้ประกอบการหรือคู่สัญญา")
        CITIZEN = "citizen", _("ประชาชนผู้มาติดต่อราชการ")
        GOVERNMENT = "government", _("หน่วยงานหรือเจ้าหน้าที่ของรัฐ")
        OTHER = "other", _("อื่น ๆ")

    class Handling(models.TextChoices):
        REFUSED = "refused", _("ปฏิเสธการรับ")
        RETURNED = "returned", _("ส่งคืนผู้ให้")
        KEPT_BY_RULE = "kept", _("รับไว้ตามหลักเกณฑ์การรับโดยธรรมจรรยา")
        HANDED_TO_AGENCY = "handed_over", _("ส่งมอบให้หน่วยงาน")
        AWAITING = "awaiting", _("รอหัวหน้าหน่วยงานวินิจฉัย")

    class Status(models.TextChoices):
        OPEN = "open", _("บันทึกแล้ว")
        AWAITING_DECISION = "awaiting_decision", _("รอหัวหน้าหน่วยงานวินิจฉัย")
        CLOSED = "closed", _("ปิดเรื่องแล้ว")

    class Decision(models.TextChoices):
        KEEP = "keep", _("ให้ผู้รับรับไว้ได้")
        RETURN = "return", _("ให้ส่งคืนผู้ให้")
        HAND_OVER = "hand_over", _("ให้ส่งมอบเป็นสิทธิของหน่วยงาน")

    status = StatusField(
        _("สถานะ"), max_length=20, choices=Status.choices, default=Status.OPEN, protected=True
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(_("ลักษณะ"), max_length=10, choices=Direction.choices)
    official_name = models.CharField(_("ชื่อเจ้าหน้าที่ผู้รับหรือผู้ให้"), max_length=200)
    official_position = models.CharField(_("ตำแหน่งเจ้าหน้าที่"), max_length=200, blank=True)
    counterpart_name = models.CharField(_("ชื่อผู้ให้หรือผู้รับภายนอก"), max_length=200)
    relationship = models.CharField(_("ความสัมพันธ์"), max_length=14, choices=Relationship.choices)
    occasion = models.CharField(_("โอกาสหรือเทศกาล"), max_length=200)
    description = models.CharField(_("สิ่งของหรือประโยชน์"), max_length=300)
    estimated_value = models.DecimalField(
        _("มูลค่าโดยประมาณ (บาท)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    event_on = models.DateField(_("วันที่ได้รับหรือให้"))
    handling = models.CharField(_("การดำเนินการ"), max_length=12, choices=Handling.choices)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    threshold_baht = models.DecimalField(_("มูลค่าสูงสุดที่รับได้ตามหลักเกณฑ์ (บาท)"), max_digits=12, decimal_places=2)
    decision_due = models.DateField(_("กำหนดวินิจฉัยภายใน"), null=True, blank=True)
    decision = models.CharField(_("คำวินิจฉัย"), max_length=10, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("เหตุผลของคำวินิจฉัย"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("วินิจฉัยเมื่อ"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ปิดเรื่องเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ทะเบียนการรับหรือให้ของขวัญ")
        verbose_name_plural = _("ทะเบียนการรับหรือให้ของขวัญ")
        ordering = ["-event_on", "-pk"]
        indexes = [models.Index(fields=["agency", "event_on"], name="integrity_gift_by_date")]

    def __str__(self) -> str:
        return f"{self.description} ({self.event_on.isoformat()})"

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def fiscal_year(self) -> int:
        from prongsai.core.thai import fiscal_year

        return fiscal_year(self.event_on)

    @property
    def needs_decision(self) -> bool:
        """Above the threshold, from (or to be kept from) someone who is not a relative, and not refused."""
        return (
            self.direction != self.Direction.GIVEN
            and self.handling != self.Handling.REFUSED
            and self.relationship != self.Relationship.RELATIVE
            and self.estimated_value > self.threshold_baht
        )

    @transition(field=status, source=Status.OPEN, target=Status.AWAITING_DECISION)
    def refer(self) -> None:
        """Open → awaiting the head's decision."""

    @transition(field=status, source=Status.AWAITING_DECISION, target=Status.CLOSED)
    def decide(self) -> None:
        """Awaiting → closed by the head's decision."""

    @transition(field=status, source=Status.OPEN, target=Status.CLOSED, conditions=[_no_decision_needed])
    def close(self) -> None:
        """Open → closed, only when no decision is needed."""


class GiftReport(Publishable):
    """The report of a period: de-identified totals from the register, or the stated zero."""

    class Period(models.TextChoices):
        YEAR = "year", _("ทั้งปีงบประมาณ")
        H1 = "h1", _("รอบ 6 เดือน (1 ต.ค. – 31 มี.ค.)")

    snapshot_fields = (
        "fiscal_year",
        "period",
        "totals",
        "is_nil",
        "note",
        "signer_name",
        "signer_position",
        "reported_on",
    )

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=YEAR_VALIDATORS)
    period = models.CharField(
        _("ช่วงเวลาของรายงาน"), max_length=4, choices=Period.choices, default=Period.YEAR
    )
    totals = models.JSONField(_("ยอดรวม"), default=dict, blank=True)
    is_nil = models.BooleanField(_("ไม่มีการรับหรือให้ของขวัญ"), default=False)
    note = models.TextField(_("ข้อสังเกต"), blank=True)
    signer_name = models.CharField(_("ชื่อผู้รายงาน/ผู้เสนอ"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    reported_on = models.DateField(_("วันที่รายงาน"), null=True, blank=True)

    class Meta:
        verbose_name = _("รายงานการรับของขวัญตามนโยบาย No Gift Policy")
        verbose_name_plural = _("รายงานการรับของขวัญตามนโยบาย No Gift Policy")
        ordering = ["-fiscal_year", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "fiscal_year", "period"], name="integrity_gift_report_one_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.get_period_display()}"

    def period_range(self) -> tuple[date, date]:
        start, end = fiscal_year_range(self.fiscal_year)
        if self.period == self.Period.H1:
            return start, date(start.year + 1, 3, 31)
        return start, end


class RiskArea(TenantModel):
    """An area (topic) of risk. The four bribery topics are the defaults; an administrator adds more."""

    code = models.SlugField(_("รหัส"), max_length=40)
    name_th = models.CharField(_("ชื่อประเด็นความเสี่ยง"), max_length=300)
    position = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_default = models.BooleanField(_("ใช้เป็นค่าเริ่มต้นทุกปี"), default=False)
    from_fiscal_year = models.PositiveSmallIntegerField(_("ใช้ตั้งแต่ปีงบประมาณ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ประเด็นความเสี่ยง")
        verbose_name_plural = _("ประเด็นความเสี่ยง")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="integrity_area_code_unique")]

    def __str__(self) -> str:
        return self.name_th


class RiskAssessment(Publishable):
    """The corruption-risk assessment of a fiscal year (seed 8.6) and its treatment report (seed 8.7).

    A revision records the whole register (events, measures, results), so a correction after publication
    keeps what citizens read before.
    """

    class Method(models.TextChoices):
        BRIBERY4 = "bribery4", _("การประเมินความเสี่ยงการให้หรือรับสินบน 4 ประเด็น")
        NACC5 = "nacc5", _("การประเมินความเสี่ยงการทุจริต 5 ขั้นตอนตามแนวทางของสำนักงาน ป.ป.ช.")

    snapshot_fields = (
        "fiscal_year",
        "title",
        "method",
        "scope",
        "signer_name",
        "signer_position",
        "approved_on",
    )

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=YEAR_VALIDATORS)
    title = models.CharField(_("ชื่อรายงานการประเมิน"), max_length=300)
    method = models.CharField(_("วิธีการประเมิน"), max_length=10, choices=Method.choices)
    scope = models.TextField(_("ขอบเขตและวิธีการ"), blank=True)
    signer_name = models.CharField(_("ชื่อผู้อนุมัติ"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้อนุมัติ"), max_length=200, blank=True)
    approved_on = models.DateField(_("วันที่อนุมัติ"), null=True, blank=True)
    report_summary = models.TextField(_("สรุปผลการดำเนินการ"), blank=True)
    report_problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    report_suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    report_published_at = models.DateTimeField(_("เผยแพร่รายงานผลเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การประเมินความเสี่ยงการทุจริต")
        verbose_name_plural = _("การประเมินความเสี่ยงการทุจริต")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "fiscal_year"], name="integrity_assessment_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def snapshot(self) -> dict[str, Any]:
        data = super().snapshot()
        if self.pk is None:
            return data
        data["report"] = {
            "summary": self.report_summary,
            "problems": self.report_problems,
            "suggestions": self.report_suggestions,
        }
        data["events"] = [
            {
                "area": event.area.name_th,
                "number": event.number,
                "process": event.process,
                "event": event.event,
                "likelihood": event.likelihood,
                "impact": event.impact,
                "controls": event.existing_controls,
                "control_rating": event.control_rating,
                "measures": [
                    {
                        "number": m.number,
                        "measure": m.measure,
                        "owner": m.owner,
                        "starts_on": m.starts_on.isoformat() if m.starts_on else None,
                        "ends_on": m.ends_on.isoformat() if m.ends_on else None,
                        "status": m.status,
                        "result": m.result,
                    }
                    for m in event.measures.all()
                ],
            }
            for event in RiskEvent.objects.filter(assessment_id=self.pk)
            .select_related("area")
            .prefetch_related("measures")
        ]
        return data

    @property
    def report_is_published(self) -> bool:
        return self.report_published_at is not None


class RiskEvent(TenantModel):
    class ControlRating(models.TextChoices):
        GOOD = "good", _("ดี")
        FAIR = "fair", _("พอใช้")
        WEAK = "weak", _("อ่อน")

    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="events")
    area = models.ForeignKey(RiskArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("ประเด็น"))
    number = models.PositiveSmallIntegerField(_("ลำดับที่"))
    process = models.CharField(_("กระบวนงาน/ขั้นตอน"), max_length=300, blank=True)
    event = models.TextField(_("เหตุการณ์ความเสี่ยง"))
    likelihood = models.PositiveSmallIntegerField(
        _("โอกาสที่จะเกิด (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    impact = models.PositiveSmallIntegerField(
        _("ผลกระทบ (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    existing_controls = models.TextField(_("การควบคุมที่มีอยู่"), blank=True)
    control_rating = models.CharField(
        _("ผลการประเมินการควบคุม"), max_length=4, choices=ControlRating.choices, blank=True
    )

    class Meta:
        verbose_name = _("เหตุการณ์ความเสี่ยง")
        verbose_name_plural = _("เหตุการณ์ความเสี่ยง")
        ordering = ["area__position", "area_id", "number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                name="integrity_event_scale_1_5",
            )
        ]

    def __str__(self) -> str:
        return self.event[:80]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> rules.LevelBand:
        return rules.level_of(self.likelihood, self.impact)

    @property
    def level(self) -> str:
        return self.band.level

    @property
    def level_label(self) -> str:
        return str(RiskLevel(self.level).label)


class RiskLevel(models.TextChoices):
    """The levels of the matrix; which scores fall in each is data (``rules.yaml``)."""

    LOW = "low", _("ต่ำ")
    MEDIUM = "medium", _("ปานกลาง")
    HIGH = "high", _("สูง")
    VERY_HIGH = "very_high", _("สูงมาก")


class RiskMeasure(TenantModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("ยังไม่ได้ดำเนินการ")
        IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
        DONE = "done", _("ดำเนินการแล้วเสร็จ")
        NOT_DONE = "not_done", _("ไม่ได้ดำเนินการ")

    event = models.ForeignKey(RiskEvent, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveSmallIntegerField(_("ลำดับที่"))
    measure = models.TextField(_("มาตรการบริหารจัดการความเสี่ยง"))
    owner = models.CharField(_("ผู้รับผิดชอบ"), max_length=300)
    starts_on = models.DateField(_("วันที่เริ่ม"), null=True, blank=True)
    ends_on = models.DateField(_("วันที่สิ้นสุด"), null=True, blank=True)
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    progress_percent = models.PositiveSmallIntegerField(
        _("ความก้าวหน้า (ร้อยละ)"), default=0, validators=[MaxValueValidator(100)]
    )
    result = models.TextField(_("ผลการดำเนินการตามมาตรการ"), blank=True)

    class Meta:
        verbose_name = _("มาตรการบริหารจัดการความเสี่ยง")
        verbose_name_plural = _("มาตรการบริหารจัดการความเสี่ยง")
        ordering = ["event_id", "number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(starts_on__lte=models.F("ends_on")),
                name="integrity_measure_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(progress_percent__lte=100), name="integrity_measure_percent_max_100"
            ),
        ]

    def __str__(self) -> str:
        return self.measure[:80]


class MeasureProgress(TenantModel):
    measure = models.ForeignKey(RiskMeasure, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField(_("ข้อมูล ณ วันที่"))
    percent = models.PositiveSmallIntegerField(_("ความก้าวหน้า (ร้อยละ)"), validators=[MaxValueValidator(100)])
    note = models.TextField(_("ผลการดำเนินงาน"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ความก้าวหน้าของมาตรการ")
        verbose_name_plural = _("ความก้าวหน้าของมาตรการ")
        ordering = ["reported_on", "pk"]
