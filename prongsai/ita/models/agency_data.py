"""What one agency keeps about its ITA: its catalogue choice per year, manual evidence, snapshots, results
and the analysis of its results (seed measure 8.10)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment, Publishable, TenantModel, new_public_id

from .catalogue import Catalogue


class YearSetting(TenantModel):
    """The catalogue an agency answers in a fiscal year (its ITAS form shows one of the FY2567 variants)."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="+")
    answer_date = models.DateField(
        _("วันที่ตอบแบบ OIT ในระบบ ITAS"),
        null=True,
        blank=True,
        help_text=_("วันที่หน่วยงานบันทึกคำตอบ ระบบจะเก็บสำเนาหลักฐานของทุกข้อในวันนี้"),
    )

    class Meta:
        verbose_name = _("การตั้งค่า ITA ประจำปี")
        verbose_name_plural = _("การตั้งค่า ITA ประจำปี")
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="ita_yearsetting_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.catalogue.code}"


class ManualEvidence(TenantModel):
    """Evidence for a data subject that no Prongsai app provides yet: a page or a document, checked like
    the rest (elements ticked by staff, dates against the item's window, the URL on the agency's own site).
    """

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    subject = models.CharField(_("หัวข้อข้อมูล"), max_length=50)
    title = models.CharField(_("ชื่อหลักฐาน"), max_length=300)
    url = models.URLField(
        _("ที่อยู่หน้าเว็บบนเว็บไซต์หลักของหน่วยงาน"),
        max_length=500,
        blank=True,
        help_text=_("เว้นว่างได้เมื่อแนบไฟล์ ระบบจะเผยแพร่ไฟล์บนเว็บไซต์ของหน่วยงานให้"),
    )
    attachment = models.ForeignKey(
        Attachment, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ไฟล์")
    )
    document_date = models.DateField(_("วันที่ของเอกสาร"), null=True, blank=True)
    period_start = models.DateField(_("ข้อมูลตั้งแต่วันที่"), null=True, blank=True)
    period_end = models.DateField(_("ข้อมูลถึงวันที่"), null=True, blank=True)
    confirmed_checks = models.JSONField(_("องค์ประกอบที่มีในหลักฐาน"), default=list, blank=True)
    months = models.JSONField(
        _("เดือนที่หลักฐานครอบคลุม"),
        default=list,
        blank=True,
        help_text=_("สำหรับรายงานรายเดือน: รายการเดือนในรูป YYYY-MM ที่มีรายงาน (รวมเดือนที่รายงานว่าไม่มีรายการ)"),
    )
    nil_report = models.BooleanField(
        _("เป็นรายงานว่าไม่มีรายการ"),
        default=False,
        help_text=_("เช่น ประกาศว่าไม่มีการจัดซื้อจัดจ้างในเดือนนั้น หรือไม่มีเรื่องร้องเรียน ถือเป็นหลักฐาน"),
    )
    note = models.TextField(_("คำอธิบายเพิ่มเติม"), blank=True)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("หลักฐานที่แนบเอง")
        verbose_name_plural = _("หลักฐานที่แนบเอง")
        ordering = ["fiscal_year", "subject", "created_at"]
        indexes = [
            # Serves the readiness check: active evidence of (agency, year, subject).
            models.Index(fields=["agency", "fiscal_year", "subject"], name="ita_manualevidence_subject"),
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceSnapshot(TenantModel):
    """A frozen copy of one evidence page of an OIT item, taken on the ITAS answer date."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="+")
    item_code = models.CharField(_("รหัสข้อ"), max_length=10)
    url = models.CharField(_("ที่อยู่"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("รหัสสถานะ HTTP"))
    content_type = models.CharField(max_length=100)
    content_sha256 = models.CharField(_("ค่าแฮชของเนื้อหา"), max_length=64)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    file = models.FileField(upload_to="ita-snapshots/", max_length=255)
    # Empty when the daily job took the copy on the answer date (``manage.py take_ita_snapshots``).
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("สำเนาหลักฐาน")
        verbose_name_plural = _("สำเนาหลักฐาน")
        ordering = ["fiscal_year", "item_code", "created_at"]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.item_code} {self.url}"


class ItaResult(TenantModel):
    """The official ITA result of a fiscal year, as NACC published it (entered or imported)."""

    class TotalCheck(models.TextChoices):
        MATCHES = "matches", _("คะแนนรวมตรงกับคะแนนตัวชี้วัดตามน้ำหนักของปี")
        MISMATCH = "mismatch", _("คะแนนรวมไม่ตรงกับคะแนนตัวชี้วัดตามน้ำหนักของปี")
        INCOMPLETE = "incomplete", _("ตรวจสอบไม่ได้ เพราะคะแนนตัวชี้วัดไม่ครบทั้ง 10 ตัว")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField(_("คะแนนรวม"), max_digits=5, decimal_places=2)
    recomputed_total = models.DecimalField(
        _("คะแนนรวมที่คำนวณใหม่"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    total_check = models.CharField(_("ผลการตรวจคะแนนรวม"), max_length=12, choices=TotalCheck.choices)
    mismatch_reason = models.TextField(_("เหตุผลที่ยืนยันแม้คะแนนรวมไม่ตรง"), blank=True)
    rating_label = models.CharField(_("ระดับผลการประเมิน"), max_length=100, blank=True)
    legacy_grade = models.CharField(_("ระดับคะแนน (AA–F)"), max_length=10, blank=True)
    source = models.CharField(_("ที่มา"), max_length=20, default="manual")
    is_published = models.BooleanField(_("เผยแพร่"), default=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ผลการประเมิน ITA")
        verbose_name_plural = _("ผลการประเมิน ITA")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="ita_result_unique_year"),
        ]

    def __str__(self) -> str:
        return f"ITA {self.fiscal_year}: {self.total}"


class ResultScore(TenantModel):
    class Kind(models.TextChoices):
        INDICATOR = "indicator", _("ตัวชี้วัด")
        QUESTION = "question", _("ข้อคำถาม IIT/EIT")
        OIT_ITEM = "oit", _("ข้อ OIT")
        INSTRUMENT = "instrument", _("เครื่องมือ")

    result = models.ForeignKey(ItaResult, on_delete=models.CASCADE, related_name="scores")
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind.choices)
    code = models.CharField(_("รหัส"), max_length=10)
    score = models.DecimalField(_("คะแนน"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("คะแนนรายข้อ")
        verbose_name_plural = _("คะแนนรายข้อ")
        ordering = ["result", "kind", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "result", "kind", "code"], name="ita_resultscore_unique_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.code}: {self.score}"


class Analysis(Publishable):
    """The analysis of a year's ITA result and the actions that follow (seed measure 8.10)."""

    snapshot_fields = ("fiscal_year", "result_year", "summary", "limitations", "problems", "suggestions")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณที่จัดทำ (พ.ศ.)"))
    result_year = models.PositiveSmallIntegerField(_("ผลการประเมินของปีงบประมาณ (พ.ศ.)"))
    summary = models.TextField(_("สรุปผลการวิเคราะห์"), blank=True)
    limitations = models.TextField(_("ข้อจำกัดของหน่วยงานในการดำเนินการประเมิน"), blank=True)
    problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)

    class Meta:
        verbose_name = _("การวิเคราะห์ผลการประเมิน ITA")
        verbose_name_plural = _("การวิเคราะห์ผลการประเมิน ITA")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="ita_analysis_unique_year"),
        ]

    def __str__(self) -> str:
        return _("การวิเคราะห์ผลการประเมิน ITA %(year)s") % {"year": self.result_year}

    def snapshot(self) -> dict[str, Any]:
        # The seven topics are the substance of the analysis: a revision must keep what they said too.
        data = super().snapshot()
        data["topics"] = [
            {
                name: getattr(t, name)
                for name in ("number", "title", "findings", "method", "owner", "steps", "period")
            }
            for t in self.topics.order_by("number")
        ]
        return data


class AnalysisTopic(TenantModel):
    """One of the seven topics of the analysis, with its findings and the actions that follow."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="topics")
    number = models.PositiveSmallIntegerField(_("ประเด็นที่"))
    title = models.CharField(_("ประเด็น"), max_length=300)
    findings = models.TextField(_("ผลการวิเคราะห์"), blank=True)
    method = models.TextField(_("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), blank=True)
    owner = models.CharField(_("ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง"), max_length=300, blank=True)
    steps = models.TextField(_("ขั้นตอนหรือวิธีการปฏิบัติ"), blank=True)
    period = models.CharField(_("ระยะเวลา"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ประเด็นการวิเคราะห์")
        verbose_name_plural = _("ประเด็นการวิเคราะห์")
        ordering = ["analysis", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "analysis", "number"], name="ita_analysistopic_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BackfilledCount(TenantModel):
    """A monthly total from before the agency started using Prongsai, entered by staff with the reason,
    so the statistics items of the year it starts are answerable. Shown everywhere as an entered total."""

    class Kind(models.TextChoices):
        WALK_IN = "walk_in", _("คำขอรับบริการ ณ จุดให้บริการ")
        ONLINE = "online", _("คำขอรับบริการผ่านช่องทางออนไลน์")
        COMPLAINTS = "complaints", _("เรื่องร้องเรียนทั่วไป")
        CORRUPTION = "corruption", _("เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")

    month = models.DateField(_("เดือน"), help_text=_("วันที่ 1 ของเดือน"))
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind.choices)
    count = models.PositiveIntegerField(_("จำนวน"))
    completed = models.PositiveIntegerField(_("ดำเนินการแล้วเสร็จ"), null=True, blank=True)
    reason = models.TextField(_("เหตุผลและที่มาของตัวเลข"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("ยอดรวมรายเดือนที่บันทึกย้อนหลัง")
        verbose_name_plural = _("ยอดรวมรายเดือนที่บันทึกย้อนหลัง")
        ordering = ["month", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "month", "kind"], name="ita_backfilledcount_unique_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.kind}: {self.count}"


class StoredReadiness(TenantModel):
    """The readiness of an agency and fiscal year as last computed (derived data, never edited).

    Computing readiness asks about twenty evidence providers (about 80 queries); the public OIT index and the
    staff page read this row instead. It is current while the agency's publication version, the date the
    check is judged as of, the catalogue and the answer date are the ones it was computed with
    (``prongsai/ita/readiness_store.py``); otherwise it is computed again and replaced.
    """

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="+")
    provisional = models.BooleanField(default=False)
    as_of = models.DateField(_("ตรวจ ณ วันที่"))
    answer_date = models.DateField(_("วันที่ตอบแบบ OIT"))
    version = models.CharField(max_length=80, help_text="the agency's publication version when computed")
    computed_at = models.DateTimeField(_("คำนวณเมื่อ"))
    result = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("ความพร้อม OIT ที่คำนวณไว้")
        verbose_name_plural = _("ความพร้อม OIT ที่คำนวณไว้")
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="ita_storedreadiness_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} @ {self.as_of}"
