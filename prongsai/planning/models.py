"""Plans of every kind the seed names, in one model: a plan has items (measure → activity, or projects), a
six-month progress report as of a date, and annual results with problems and suggestions.

| kind                | seed measure | OIT subjects                                                 |
|---------------------|--------------|--------------------------------------------------------------|
| development         | –            | strategic_plan (แผนพัฒนาท้องถิ่น, several years)              |
| operations          | 2            | operations_plan / _progress / _report                        |
| hr                  | 7.1–7.2      | hr_plan / hr_report                                          |
| anti_corruption     | 8.8–8.9      | anti_corruption_plan / _progress / _report                   |
| integrity_measures  | 8.11         | integrity_measures / integrity_measures_report               |

A result may cite an ITA score (an indicator, a question or an OIT item of a fiscal year): the citation
stores only what is cited, and every document looks the score up in the ITA results when it renders.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Publishable, TenantModel


class Plan(Publishable):
    class Kind(models.TextChoices):
        DEVELOPMENT = "development", _("แผนพัฒนาท้องถิ่น")
        OPERATIONS = "operations", _("แผนการดำเนินงานและการใช้งบประมาณประจำปี")
        HR = "hr", _("แผนการบริหารและพัฒนาทรัพยากรบุคคล")
        ANTI_CORRUPTION = "anti_corruption", _("แผนปฏิบัติการป้องกันการทุจริต")
        INTEGRITY_MEASURES = "integrity_measures", _("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")

    snapshot_fields = ("kind", "fiscal_year", "title", "first_year", "last_year", "description")

    kind = models.CharField(_("ประเภทแผน"), max_length=24, choices=Kind.choices)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    first_year = models.PositiveSmallIntegerField(
        _("ปีแรกที่แผนใช้บังคับ (พ.ศ.)"), help_text=_("สำหรับแผนหลายปี เช่น แผนพัฒนาท้องถิ่น 2566–2570")
    )
    last_year = models.PositiveSmallIntegerField(_("ปีสุดท้ายที่แผนใช้บังคับ (พ.ศ.)"))
    title = models.CharField(_("ชื่อแผน"), max_length=300)
    description = models.TextField(_("สาระสำคัญ"), blank=True)
    approved_on = models.DateField(_("วันที่ผู้บริหารอนุมัติ/ลงนาม"), null=True, blank=True)
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("แผน")
        verbose_name_plural = _("แผน")
        ordering = ["-fiscal_year", "kind"]
        constraints = [
            # One plan of a kind per fiscal year (a revised plan is a revision, not a second plan).
            models.UniqueConstraint(
                fields=["agency", "kind", "fiscal_year"], name="planning_plan_unique_kind_year"
            ),
            models.CheckConstraint(
                condition=models.Q(first_year__lte=models.F("last_year")), name="planning_plan_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def covers(self, fiscal_year: int) -> bool:
        return self.first_year <= fiscal_year <= self.last_year


class PlanItem(TenantModel):
    """A measure, an activity under a measure, or a project of a plan."""

    class Kind(models.TextChoices):
        MEASURE = "measure", _("มาตรการ")
        ACTIVITY = "activity", _("กิจกรรม")
        PROJECT = "project", _("โครงการ")
        STRATEGY = "strategy", _("ยุทธศาสตร์")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("อยู่ภายใต้"),
    )
    kind = models.CharField(_("ประเภท"), max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("ลำดับที่"))
    title = models.TextField(_("ชื่อ/รายละเอียด"))
    details = models.TextField(_("รายละเอียดเพิ่มเติม"), blank=True)
    outputs = models.TextField(_("ผลผลิต/เป้าหมาย"), blank=True)
    indicators = models.TextField(_("ตัวชี้วัด"), blank=True)
    budget = models.DecimalField(_("งบประมาณ (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True)
    period_start = models.DateField(_("ระยะเวลาเริ่ม"), null=True, blank=True)
    period_end = models.DateField(_("ระยะเวลาสิ้นสุด"), null=True, blank=True)
    period_text = models.CharField(
        _("ระยะเวลา (ข้อความ)"),
        max_length=200,
        blank=True,
        help_text=_("เช่น ตลอดปีงบประมาณ หรือ ต.ค. 2566 – ก.ย. 2567"),
    )
    owner = models.CharField(_("ผู้รับผิดชอบ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("รายการในแผน")
        verbose_name_plural = _("รายการในแผน")
        ordering = ["plan", "parent_id", "number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_start__lte=models.F("period_end")),
                name="planning_planitem_period_ordered",
            ),
        ]
        indexes = [
            # Serves the plan document: the items of a plan in order.
            models.Index(fields=["agency", "plan", "number"], name="planning_item_plan_order"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:60]}"


def default_as_of(fiscal_year: int) -> date:
    """The six-month report is "ข้อมูล ณ วันที่ 31 มีนาคม" of the fiscal year."""
    return date(fiscal_year - 543, 3, 31)


class ProgressReport(TenantModel):
    """Progress of a plan as of a date (by default 31 March: the OIT's six-month report)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="progress_reports")
    as_of = models.DateField(_("ข้อมูล ณ วันที่"))
    summary = models.TextField(_("สรุป"), blank=True)

    class Meta:
        verbose_name = _("รายงานความก้าวหน้า")
        verbose_name_plural = _("รายงานความก้าวหน้า")
        ordering = ["plan", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "plan", "as_of"], name="planning_progress_unique_date"),
        ]

    def __str__(self) -> str:
        return _("%(plan)s ณ %(date)s") % {"plan": self.plan, "date": f"{self.as_of:%Y-%m-%d}"}


class ProgressEntry(TenantModel):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="progress_entries")
    result = models.TextField(_("ผลการดำเนินงาน"), blank=True)
    spent = models.DecimalField(
        _("ใช้จ่ายงบประมาณ (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(_("สถานะ"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("ความก้าวหน้ารายการ")
        verbose_name_plural = _("ความก้าวหน้ารายการ")
        ordering = ["report", "item__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "report", "item"], name="planning_progressentry_unique_item"
            ),
        ]


class AnnualReport(TenantModel):
    """The annual results of a plan as a whole: problems and suggestions (per-item results below).

    One per plan and fiscal year: a multi-year plan (the three-year HR plan 2567–2569) is reported on every
    year it covers, and the OIT asks for the previous year's report of the plan in force.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="annual_reports")
    fiscal_year = models.PositiveSmallIntegerField(_("ผลของปีงบประมาณ (พ.ศ.)"))
    reported_on = models.DateField(_("วันที่รายงาน"), null=True, blank=True)
    summary = models.TextField(_("สรุปผลการดำเนินงาน"), blank=True)
    problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)

    class Meta:
        verbose_name = _("รายงานผลประจำปี")
        verbose_name_plural = _("รายงานผลประจำปี")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "plan", "fiscal_year"], name="planning_annual_unique_year"
            ),
        ]


class ItemResult(TenantModel):
    """The result of a plan item (or of several activities of a measure, which the seed reports together)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="results")
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="results")
    # The year whose results these are: the plan's own year, or any year a multi-year plan covers.
    fiscal_year = models.PositiveSmallIntegerField(_("ผลของปีงบประมาณ (พ.ศ.)"))
    covers = models.ManyToManyField(
        PlanItem, blank=True, related_name="covered_by", verbose_name=_("กิจกรรมที่ผลนี้ครอบคลุม")
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    result = models.TextField(_("ผลลัพธ์หรือความสำเร็จของการดำเนินการ"))
    spent = models.DecimalField(
        _("ใช้จ่ายงบประมาณ (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    actual_start = models.DateField(_("วันที่เริ่มดำเนินการจริง"), null=True, blank=True)
    actual_end = models.DateField(_("วันที่สิ้นสุดการดำเนินการจริง"), null=True, blank=True)
    problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)

    class Meta:
        verbose_name = _("ผลการดำเนินการ")
        verbose_name_plural = _("ผลการดำเนินการ")
        ordering = ["plan", "item__number", "order"]

    def __str__(self) -> str:
        return self.result[:60]


class ScoreCitation(TenantModel):
    """An ITA score a result cites; the value is looked up in the ITA results, never typed here."""

    class Kind(models.TextChoices):
        INDICATOR = "indicator", _("ตัวชี้วัด")
        QUESTION = "question", _("ข้อคำถาม IIT/EIT")
        OIT_ITEM = "oit", _("ข้อ OIT")
        TOTAL = "total", _("คะแนนรวม")

    result = models.ForeignKey(ItemResult, on_delete=models.CASCADE, related_name="citations")
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    fiscal_year = models.PositiveSmallIntegerField(_("ผลการประเมินของปีงบประมาณ (พ.ศ.)"))
    kind = models.CharField(_("ประเภท"), max_length=10, choices=Kind.choices)
    code = models.CharField(
        _("รหัส"), max_length=10, blank=True, help_text=_("เช่น 1 สำหรับตัวชี้วัดที่ 1, i9, e7, o28")
    )
    lead_text = models.CharField(
        _("ข้อความนำหน้าคะแนน"), max_length=200, help_text=_("เช่น “คะแนนตัวชี้วัดที่ 1 ได้” ระบบจะต่อท้ายด้วยคะแนน")
    )

    class Meta:
        verbose_name = _("การอ้างอิงคะแนน ITA")
        verbose_name_plural = _("การอ้างอิงคะแนน ITA")
        ordering = ["result", "order"]

    def __str__(self) -> str:
        return f"{self.lead_text} ({self.kind} {self.code} {self.fiscal_year})"
