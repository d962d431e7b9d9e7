"""People and ethics (seed measure 7): the staffing framework and who holds each post, the HR rules, the
training records, and the ethics programme (codes, working group, Dos & Don'ts, yearly report, the staff's
acknowledgements).

Org units, positions and people are core's (``core.OrgUnit``, ``core.Position``, ``core.Person``): a post
here is one approved slot of a core position, and a tenure says which core person held it when. The
position types and the codes of ethics in force are data (``people/data/people.yaml``), never code.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment, Person, Position, Publishable, TenantModel


class StaffPost(TenantModel):
    """One approved post of the staffing plan (แผนอัตรากำลัง) in a core position of an org unit."""

    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="staff_posts", verbose_name=_("ตำแหน่ง")
    )
    code = models.CharField(_("เลขที่ตำแหน่ง"), max_length=40)
    position_type = models.CharField(_("ประเภทตำแหน่ง"), max_length=32)
    established_on = models.DateField(_("กำหนดตำแหน่งเมื่อ"))
    abolished_on = models.DateField(_("ยุบเลิกตำแหน่งเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("ตำแหน่งตามแผนอัตรากำลัง")
        verbose_name_plural = _("ตำแหน่งตามแผนอัตรากำลัง")
        ordering = ["position__unit__side", "position__unit__order", "position__order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="people_staffpost_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.position.title_th}"


class Tenure(TenantModel):
    """A core person holding a post from ``started_on`` until ``ended_on`` (open while they still hold it)."""

    post = models.ForeignKey(StaffPost, on_delete=models.CASCADE, related_name="tenures")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="tenures", verbose_name=_("ผู้ดำรงตำแหน่ง")
    )
    started_on = models.DateField(_("ดำรงตำแหน่งตั้งแต่"))
    ended_on = models.DateField(_("พ้นจากตำแหน่งเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การดำรงตำแหน่ง")
        verbose_name_plural = _("การดำรงตำแหน่ง")
        ordering = ["post", "-started_on"]

    def __str__(self) -> str:
        return f"{self.person} ({self.post.code})"


class HrRule(Publishable):
    """A published HR criterion of the agency (FY2569 O13, FY2567 o18), corrected only by revisions."""

    class Topic(models.TextChoices):
        POLICY = "policy", _("นโยบายการบริหารทรัพยากรบุคคล")
        RECRUITMENT = "recruitment", _("การสรรหา คัดเลือก บรรจุและแต่งตั้ง")
        TRANSFER = "transfer", _("การโอนย้าย")
        PROMOTION = "promotion", _("การเลื่อนระดับ เลื่อนตำแหน่ง และเลื่อนขั้นเงินเดือน")
        APPRAISAL = "appraisal", _("การประเมินผลการปฏิบัติงาน")
        DEVELOPMENT = "development", _("การพัฒนาบุคลากร")
        DISCIPLINE = "discipline", _("วินัย การให้คุณให้โทษ และการสร้างขวัญกำลังใจ")

    snapshot_fields = ("topic", "title", "body", "effective_on", "signer_name", "signer_position")

    topic = models.CharField(_("เรื่อง"), max_length=16, choices=Topic.choices)
    title = models.CharField(_("ชื่อหลักเกณฑ์"), max_length=300)
    body = models.TextField(_("สาระสำคัญ"))
    effective_on = models.DateField(_("ใช้บังคับตั้งแต่"))
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)
    document = models.ForeignKey(
        Attachment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เอกสาร"),
    )

    class Meta:
        verbose_name = _("หลักเกณฑ์การบริหารทรัพยากรบุคคล")
        verbose_name_plural = _("หลักเกณฑ์การบริหารทรัพยากรบุคคล")
        ordering = ["topic", "-effective_on"]

    def __str__(self) -> str:
        return self.title


class Course(TenantModel):
    """A training course or development activity that staff attended."""

    class Topic(models.TextChoices):
        GENERAL = "general", _("การพัฒนาความรู้ทั่วไป")
        FUNCTIONAL = "functional", _("การพัฒนาตามสายงาน")
        MANAGEMENT = "management", _("การบริหารจัดการ")
        ETHICS = "ethics", _("คุณธรรม จริยธรรม และความโปร่งใส")

    title = models.CharField(_("ชื่อหลักสูตร/กิจกรรม"), max_length=300)
    topic = models.CharField(_("ด้าน"), max_length=16, choices=Topic.choices, default=Topic.GENERAL)
    starts_on = models.DateField(_("วันที่เริ่ม"))
    ends_on = models.DateField(_("วันที่สิ้นสุด"))
    hours = models.DecimalField(_("จำนวนชั่วโมง"), max_digits=6, decimal_places=1)
    provider = models.CharField(_("หน่วยงานผู้จัด"), max_length=200)
    cost = models.DecimalField(_("ค่าใช้จ่าย (บาท)"), max_digits=12, decimal_places=2, default=0)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), editable=False)

    class Meta:
        verbose_name = _("หลักสูตรฝึกอบรม")
        verbose_name_plural = _("หลักสูตรฝึกอบรม")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")), name="people_course_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Attendance(TenantModel):
    """A person attended a course; the certificate is a checked file (personal data, never public)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("ผู้เข้ารับการฝึกอบรม")
    )
    certificate = models.ForeignKey(
        Attachment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("วุฒิบัตร/ใบประกาศ"),
    )

    class Meta:
        verbose_name = _("ผู้เข้ารับการฝึกอบรม")
        verbose_name_plural = _("ผู้เข้ารับการฝึกอบรม")
        ordering = ["course", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "course", "person"], name="people_attendance_unique_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.course}"


class EthicsCode(Publishable):
    """A code of ethics in force for the agency's officials, with its document."""

    snapshot_fields = ("kind", "title", "issued_on", "summary")

    kind = models.CharField(_("ใช้บังคับกับ"), max_length=16)
    title = models.CharField(_("ชื่อประมวลจริยธรรม"), max_length=300)
    issued_on = models.DateField(_("ประกาศเมื่อ"))
    summary = models.TextField(_("สาระสำคัญ"), blank=True)
    document = models.ForeignKey(
        Attachment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เอกสาร"),
    )

    class Meta:
        verbose_name = _("ประมวลจริยธรรม")
        verbose_name_plural = _("ประมวลจริยธรรม")
        ordering = ["kind", "-issued_on"]

    def __str__(self) -> str:
        return self.title


class WorkingGroup(Publishable):
    """The ethics working group (คณะทำงานขับเคลื่อนจริยธรรม) appointed by an order for a fiscal year."""

    snapshot_fields = ("fiscal_year", "title", "order_number", "ordered_on", "duties")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    title = models.CharField(_("ชื่อคณะทำงาน"), max_length=300)
    order_number = models.CharField(_("เลขที่คำสั่ง"), max_length=40)
    ordered_on = models.DateField(_("ลงวันที่"))
    duties = models.TextField(_("อำนาจหน้าที่"), blank=True)
    order_document = models.ForeignKey(
        Attachment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("คำสั่งแต่งตั้ง"),
    )

    class Meta:
        verbose_name = _("คณะทำงานขับเคลื่อนจริยธรรม")
        verbose_name_plural = _("คณะทำงานขับเคลื่อนจริยธรรม")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="people_workinggroup_unique_year"),
        ]

    def __str__(self) -> str:
        return self.title


class GroupMember(TenantModel):
    class Role(models.TextChoices):
        CHAIR = "chair", _("ประธานคณะทำงาน")
        MEMBER = "member", _("คณะทำงาน")
        SECRETARY = "secretary", _("คณะทำงานและเลขานุการ")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="ethics_groups", verbose_name=_("บุคลากร")
    )
    role = models.CharField(_("บทบาท"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("คณะทำงาน")
        verbose_name_plural = _("คณะทำงาน")
        ordering = ["group", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "group", "person"], name="people_groupmember_unique"),
        ]

    def __str__(self) -> str:
        return str(self.person)


class ConductGuide(Publishable):
    """The agency's Dos & Don'ts (แนวปฏิบัติ) of a fiscal year: one line per rule."""

    snapshot_fields = ("fiscal_year", "title", "dos", "donts", "announced_on")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    title = models.CharField(_("ชื่อแนวปฏิบัติ"), max_length=300)
    dos = models.TextField(_("สิ่งที่ควรปฏิบัติ (Dos)"), help_text=_("บรรทัดละหนึ่งข้อ"))
    donts = models.TextField(_("สิ่งที่ไม่ควรปฏิบัติ (Don'ts)"), help_text=_("บรรทัดละหนึ่งข้อ"))
    announced_on = models.DateField(_("ประกาศเมื่อ"))

    class Meta:
        verbose_name = _("แนวปฏิบัติ Dos & Don'ts")
        verbose_name_plural = _("แนวปฏิบัติ Dos & Don'ts")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="people_conductguide_unique_year"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def do_lines(self) -> list[str]:
        return [line.strip() for line in self.dos.splitlines() if line.strip()]

    @property
    def dont_lines(self) -> list[str]:
        return [line.strip() for line in self.donts.splitlines() if line.strip()]


class EthicsReport(Publishable):
    """The yearly ethics report, with the result of the ethics assessment (ผลการประเมินจริยธรรม)."""

    snapshot_fields = ("fiscal_year", "summary", "assessment", "problems", "suggestions", "reported_on")

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    summary = models.TextField(_("สรุปผลการดำเนินการ"))
    assessment = models.TextField(_("ผลการประเมินจริยธรรม"), blank=True)
    problems = models.TextField(_("ปัญหา/อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    reported_on = models.DateField(_("วันที่รายงาน"))
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("รายงานผลการขับเคลื่อนจริยธรรม")
        verbose_name_plural = _("รายงานผลการขับเคลื่อนจริยธรรม")
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year"], name="people_ethicsreport_unique_year"),
        ]

    def __str__(self) -> str:
        return str(_("รายงานผลการขับเคลื่อนจริยธรรม ปีงบประมาณ %(year)s") % {"year": self.fiscal_year})


class Acknowledgement(TenantModel):
    """A member of staff confirmed that they have read the codes of ethics and the Dos & Don'ts of a year."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    acknowledged_at = models.DateTimeField(_("รับทราบเมื่อ"))

    class Meta:
        verbose_name = _("การรับทราบประมวลจริยธรรม")
        verbose_name_plural = _("การรับทราบประมวลจริยธรรม")
        ordering = ["-fiscal_year", "acknowledged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "user", "fiscal_year"], name="people_acknowledgement_unique_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.fiscal_year}"
