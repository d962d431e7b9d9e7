"""The ITA framework catalogues: one per fiscal year (and variant), shared by every agency of the instance.

Loaded from the versioned files in ``ita/data/`` by ``manage.py load_ita_catalogues`` and corrected by the
instance operator in the admin. Item codes (o1…oN) change every year, so nothing in the code refers to
them: each OIT element names the stable *data subject* that answers it (``org_structure``, ``executives``,
``gift_report``…) and the check that the subject's provider runs. Uncertain facts stay data here (the
``confidence`` of each row says how sure the source is: V, S, R or M, as in ita-criteria.md).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import TimeStampedModel


class Confidence(models.TextChoices):
    VERIFIED = "V", _("ยืนยันแล้ว (สองแหล่งขึ้นไป)")
    SINGLE = "S", _("แหล่งเดียว")
    RECONSTRUCTED = "R", _("อนุมานจากหลายแหล่ง ต้องยืนยัน")
    MEMORY = "M", _("จากความรู้เดิม ต้องยืนยัน")


class Instrument(models.TextChoices):
    IIT = "IIT", _("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)")
    EIT = "EIT", _("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)")
    OIT = "OIT", _("แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)")


class Window(models.TextChoices):
    STANDING = "STANDING", _("ข้อมูลปัจจุบัน ณ วันที่ตรวจ")
    CUR_FY = "CUR_FY", _("ข้อมูลในปีงบประมาณที่ประเมิน")
    H1 = "H1", _("รอบ 6 เดือนแรกของปีงบประมาณ (ถึง 31 มีนาคม)")
    MONTHLY_H1 = "MONTHLY_H1", _("รายเดือน ตุลาคม – มีนาคม")
    PREV_FY = "PREV_FY", _("ผลของปีงบประมาณที่ผ่านมา")
    COVERS_FY = "COVERS_FY", _("แผนที่มีระยะเวลาครอบคลุมปีงบประมาณที่ประเมิน")


class Catalogue(TimeStampedModel):
    """The ITA framework of one fiscal year as NACC published it (or as it is reconstructed)."""

    code = models.SlugField(_("รหัสชุดเกณฑ์"), max_length=20, unique=True, help_text=_("เช่น 2567-A"))
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    variant = models.CharField(_("รุ่น"), max_length=4, blank=True)
    title_th = models.CharField(_("ชื่อชุดเกณฑ์"), max_length=300)
    description = models.TextField(_("คำอธิบาย"), blank=True)
    is_default = models.BooleanField(
        _("ชุดเกณฑ์ตั้งต้นของปี"), default=False, help_text=_("ใช้เมื่อหน่วยงานยังไม่ได้เลือกชุดเกณฑ์ของปีนั้น")
    )
    oit_scoring = models.CharField(
        _("วิธีให้คะแนน OIT"),
        max_length=20,
        default="binary",
        help_text=_("binary: ข้อที่มีองค์ประกอบครบได้ 100 ไม่ครบได้ 0"),
    )
    previous_code = models.CharField(
        _("ชุดเกณฑ์ของปีก่อนที่ใช้เทียบข้อ"), max_length=20, blank=True, help_text=_("เช่น 2568")
    )
    source_file = models.CharField(_("ไฟล์ต้นฉบับ"), max_length=200, blank=True)
    source_sha256 = models.CharField(_("ค่าแฮชของไฟล์ต้นฉบับ"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("ชุดเกณฑ์ ITA")
        verbose_name_plural = _("ชุดเกณฑ์ ITA")
        ordering = ["-fiscal_year", "variant"]
        constraints = [
            # One default catalogue per fiscal year: the one an agency gets until it chooses.
            models.UniqueConstraint(
                fields=["fiscal_year"],
                condition=models.Q(is_default=True),
                name="ita_catalogue_one_default_per_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title_th


class Indicator(TimeStampedModel):
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="indicators")
    number = models.PositiveSmallIntegerField(_("ตัวชี้วัดที่"))
    name_th = models.CharField(_("ชื่อตัวชี้วัด"), max_length=200)
    name_en = models.CharField(_("ชื่อตัวชี้วัด (อังกฤษ)"), max_length=200, blank=True)
    instrument = models.CharField(_("เครื่องมือ"), max_length=3, choices=Instrument.choices)
    weight = models.DecimalField(
        _("น้ำหนัก (ร้อยละของคะแนนรวม)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    confidence = models.CharField(_("ความเชื่อมั่น"), max_length=1, choices=Confidence.choices, default="V")

    class Meta:
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")
        ordering = ["catalogue", "number"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "number"], name="ita_indicator_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name_th}"


class OitItem(TimeStampedModel):
    """One item of the OIT disclosure check (o1…oN) of a catalogue."""

    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="oit_items")
    code = models.CharField(_("รหัสข้อ"), max_length=10)
    order = models.PositiveSmallIntegerField(_("ลำดับ"))
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="oit_items")
    group_code = models.CharField(_("ตัวชี้วัดย่อย"), max_length=10, blank=True)
    group_title = models.CharField(_("ชื่อตัวชี้วัดย่อย"), max_length=200, blank=True)
    title_th = models.CharField(_("ชื่อข้อ"), max_length=300)
    title_en = models.CharField(_("ชื่อข้อ (อังกฤษ)"), max_length=300, blank=True)
    window = models.CharField(_("ช่วงเวลาของข้อมูล"), max_length=12, choices=Window.choices)
    confidence = models.CharField(_("ความเชื่อมั่น"), max_length=1, choices=Confidence.choices, default="M")
    notes = models.TextField(_("หมายเหตุ"), blank=True)
    replaces = models.JSONField(
        _("ข้อของปีก่อนที่ข้อนี้สืบต่อ"), default=list, blank=True, help_text=_("รหัสข้อของชุดเกณฑ์ปีก่อน เช่น O12")
    )

    class Meta:
        verbose_name = _("ข้อการเปิดเผยข้อมูล (OIT)")
        verbose_name_plural = _("ข้อการเปิดเผยข้อมูล (OIT)")
        ordering = ["catalogue", "order"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="ita_oititem_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_th}"


class OitElement(TimeStampedModel):
    """A required element of an OIT item: which data subject answers it and which check proves it."""

    item = models.ForeignKey(OitItem, on_delete=models.CASCADE, related_name="elements")
    order = models.PositiveSmallIntegerField(_("ลำดับ"))
    label_th = models.CharField(_("องค์ประกอบ"), max_length=500)
    subject = models.CharField(_("หัวข้อข้อมูล"), max_length=50)
    check_key = models.CharField(
        _("รหัสการตรวจ"),
        max_length=50,
        help_text=_("รหัสที่ผู้ให้ข้อมูลของหัวข้อนี้ใช้ตรวจความครบถ้วน เช่น photo หรือ exists"),
    )
    window = models.CharField(_("ช่วงเวลา (ถ้าต่างจากของข้อ)"), max_length=12, choices=Window.choices, blank=True)
    year_offset = models.SmallIntegerField(
        _("ปีของข้อมูลที่ขอจากแหล่งข้อมูล"),
        default=0,
        help_text=_("0 = ปีที่ประเมิน, -1 = ขอข้อมูลของปีงบประมาณก่อนหน้าจากแหล่งข้อมูล"),
    )

    class Meta:
        verbose_name = _("องค์ประกอบของข้อ OIT")
        verbose_name_plural = _("องค์ประกอบของข้อ OIT")
        ordering = ["item", "order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "order"], name="ita_oitelement_unique_order"),
        ]

    def __str__(self) -> str:
        return self.label_th

    @property
    def effective_window(self) -> str:
        return self.window or self.item.window


class Question(TimeStampedModel):
    """An IIT or EIT question of a catalogue (scores are imported from NACC, never computed from answers)."""

    class Scale(models.TextChoices):
        L4 = "L4", _("ระดับ 4 ระดับ")
        L4R = "L4R", _("ระดับ 4 ระดับ (กลับด้าน)")
        YN = "YN", _("มี/ไม่มี (ไม่มี = 100)")
        YN_POS = "YN_POS", _("มี/ไม่มี (มี = 100)")
        MIXED = "MIXED", _("ผสม")

    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("รหัสข้อ"), max_length=10)
    order = models.PositiveSmallIntegerField(_("ลำดับ"))
    instrument = models.CharField(_("เครื่องมือ"), max_length=3, choices=Instrument.choices)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="questions")
    text_th = models.CharField(_("คำถาม"), max_length=500, blank=True)
    text_en = models.CharField(_("คำถาม (อังกฤษ)"), max_length=500)
    scale = models.CharField(_("มาตรวัด"), max_length=8, choices=Scale.choices)
    sub_items = models.JSONField(_("ข้อย่อย"), default=list, blank=True)
    reverse_keyed = models.BooleanField(_("ข้อคำถามเชิงลบ"), default=False)
    confidence = models.CharField(_("ความเชื่อมั่น"), max_length=1, choices=Confidence.choices, default="M")

    class Meta:
        verbose_name = _("ข้อคำถาม IIT/EIT")
        verbose_name_plural = _("ข้อคำถาม IIT/EIT")
        ordering = ["catalogue", "order"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="ita_question_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text_th or self.text_en}"


class GradeBand(TimeStampedModel):
    """A grade or rating label and the rule that earns it; bands are tried in order, first match wins."""

    class Scheme(models.TextChoices):
        RATING = "rating", _("ระดับผลการประเมิน")
        LEGACY = "legacy", _("ระดับคะแนน AA–F")

    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="grade_bands")
    scheme = models.CharField(_("ระบบ"), max_length=10, choices=Scheme.choices)
    order = models.PositiveSmallIntegerField(_("ลำดับ"))
    label = models.CharField(_("ระดับ"), max_length=100)
    min_total = models.DecimalField(_("คะแนนรวมขั้นต่ำ"), max_digits=5, decimal_places=2)
    min_each_instrument = models.DecimalField(
        _("คะแนนขั้นต่ำของทุกเครื่องมือ"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passes = models.BooleanField(_("ผ่านเกณฑ์"), default=False)
    confidence = models.CharField(_("ความเชื่อมั่น"), max_length=1, choices=Confidence.choices, default="S")

    class Meta:
        verbose_name = _("ระดับผลการประเมิน")
        verbose_name_plural = _("ระดับผลการประเมิน")
        ordering = ["catalogue", "scheme", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "scheme", "order"], name="ita_gradeband_unique_order"
            ),
        ]

    def __str__(self) -> str:
        return self.label
