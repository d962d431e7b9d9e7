"""General complaints (เรื่องร้องเรียนทั่วไป): categories routed to org units, complaints with their time limits,
files, public timeline and outgoing notifications.

Corruption by officials is *not* reported here but through the separate corruption channel; a complaint that
turns out to be one is moved there and only a content-free tombstone stays (see ``services``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import OrgUnit, OutboundEmail, TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField
from prongsai.core.tracking import format_tracking_code

DESCRIPTION_MAX = 5000


class ComplaintCategory(TenantModel):
    """A kind of complaint and where it goes: the unit that handles it by default and its time limits.

    Time limits are counted in working days from receipt on the agency's working-day calendar. The defaults
    are data for the agency to set, not rules of law.
    """

    name_th = models.CharField(_("ชื่อประเภท"), max_length=150)
    description = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    default_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("ส่วนงานที่รับผิดชอบ")
    )
    ack_days = models.PositiveSmallIntegerField(
        _("ระยะเวลาตอบรับเรื่อง (วันทำการ)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    resolve_days = models.PositiveSmallIntegerField(
        _("ระยะเวลาแก้ไขให้แล้วเสร็จ (วันทำการ)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    is_active = models.BooleanField(_("เปิดรับเรื่อง"), default=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        verbose_name = _("ประเภทเรื่องร้องเรียน")
        verbose_name_plural = _("ประเภทเรื่องร้องเรียน")
        ordering = ["order", "name_th"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name_th"], name="complaints_category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name_th


class Complaint(FSMModelMixin, TenantModel):
    """One complaint. ``status`` is protected; the transitions below are called only by services.

    received → accepted → in progress → resolved, with rejected and forwarded (to another agency) as the
    other ways out; a resolved complaint may be reopened (e.g. after the citizen disputes the resolution);
    any open or closed complaint may be moved to the corruption channel, which leaves a tombstone.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("รับเรื่องแล้ว รอตรวจสอบ")
        ACCEPTED = "accepted", _("รับเรื่องไว้พิจารณา")
        IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
        RESOLVED = "resolved", _("ดำเนินการแล้วเสร็จ")
        REJECTED = "rejected", _("ไม่รับเรื่อง/ยุติเรื่อง")
        FORWARDED = "forwarded", _("ส่งต่อหน่วยงานอื่น")
        MOVED = "moved", _("โอนไปช่องทางร้องเรียนการทุจริต")

    OPEN = (Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS)
    CLOSED = (Status.RESOLVED, Status.REJECTED, Status.FORWARDED)

    class Channel(models.TextChoices):
        WEB = "web", _("เว็บไซต์")
        PHONE = "phone", _("โทรศัพท์")
        WALK_IN = "walk_in", _("มาติดต่อด้วยตนเอง")
        LETTER = "letter", _("หนังสือ/จดหมาย")
        LINE = "line", _("LINE")

    class CitizenResponse(models.TextChoices):
        NONE = "", _("ยังไม่ตอบ")
        CONFIRMED = "confirmed", _("ผู้ร้องยืนยันว่าได้รับการแก้ไขแล้ว")
        DISPUTED = "disputed", _("ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข")

    tracking_code = models.CharField(_("รหัสติดตาม"), max_length=16, editable=False)
    idempotency_key = models.UUIDField(editable=False)
    channel = models.CharField(
        _("ช่องทางที่รับเรื่อง"), max_length=16, choices=Channel.choices, default=Channel.WEB
    )
    category = models.ForeignKey(
        ComplaintCategory, on_delete=models.PROTECT, related_name="complaints", verbose_name=_("ประเภท")
    )
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ส่วนงานที่รับผิดชอบ"),
    )
    status = StatusField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.RECEIVED, protected=True
    )
    subject = models.CharField(_("เรื่อง"), max_length=200, blank=True)
    description = models.TextField(
        _("รายละเอียด"), blank=True, validators=[MaxLengthValidator(DESCRIPTION_MAX)]
    )
    location_address = models.TextField(_("สถานที่เกิดเหตุ"), blank=True, validators=[MaxLengthValidator(500)])
    latitude = models.DecimalField(_("ละติจูด"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("ลองจิจูด"), max_digits=9, decimal_places=6, null=True, blank=True)
    contact_name = models.CharField(_("ชื่อผู้ร้อง"), max_length=150, blank=True)
    contact_phone = models.CharField(_("โทรศัพท์ผู้ร้อง"), max_length=40, blank=True)
    contact_email = models.EmailField(_("อีเมลผู้ร้อง"), blank=True)
    received_at = models.DateTimeField(_("รับเรื่องเมื่อ"), default=timezone.now)
    ack_due = models.DateTimeField(_("กำหนดตอบรับเรื่อง"))
    resolve_due = models.DateTimeField(_("กำหนดแก้ไขแล้วเสร็จ"))
    acknowledged_at = models.DateTimeField(_("ตอบรับเรื่องเมื่อ"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ปิดเรื่องเมื่อ"), null=True, blank=True)
    closing_note = models.TextField(_("ผลการดำเนินการ"), blank=True)
    forwarded_to = models.CharField(_("ส่งต่อไปยังหน่วยงาน"), max_length=200, blank=True)
    citizen_response = models.CharField(
        _("การตอบกลับของผู้ร้อง"), max_length=16, choices=CitizenResponse.choices, blank=True, default=""
    )
    citizen_comment = models.TextField(_("ความเห็นของผู้ร้อง"), blank=True, validators=[MaxLengthValidator(2000)])
    citizen_responded_at = models.DateTimeField(_("ผู้ร้องตอบกลับเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("เรื่องร้องเรียน")
        verbose_name_plural = _("เรื่องร้องเรียน")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "tracking_code"], name="complaints_complaint_unique_code"
            ),
            # A re-sent form (same idempotency key) never creates a second complaint.
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"], name="complaints_complaint_unique_submission"
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="complaints_complaint_coordinates_paired",
            ),
        ]
        indexes = [
            # Serves the staff queue (open complaints by status) and the statistics (by month received).
            models.Index(fields=["agency", "status", "received_at"], name="complaints_status_received"),
            models.Index(fields=["agency", "received_at"], name="complaints_received"),
        ]

    def __str__(self) -> str:
        # Never the subject: this is what the audit log records as the object's name.
        return format_tracking_code(self.tracking_code)

    @property
    def display_code(self) -> str:
        return format_tracking_code(self.tracking_code)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def is_moved(self) -> bool:
        return self.status == self.Status.MOVED

    @property
    def ack_overdue(self) -> bool:
        """Still waiting for its first decision after the acknowledgement deadline."""
        if self.status == self.Status.RECEIVED:
            return timezone.now() > self.ack_due
        return self.acknowledged_at is not None and self.acknowledged_at > self.ack_due

    @property
    def resolve_overdue(self) -> bool:
        """Open after the resolution deadline, or closed after it."""
        if self.is_open:
            return timezone.now() > self.resolve_due
        return self.closed_at is not None and self.closed_at > self.resolve_due and not self.is_moved

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    # --- transitions (called only by prongsai.complaints.services) ---

    @transition(field=status, source=Status.RECEIVED, target=Status.ACCEPTED)
    def accept(self) -> None:
        """Received → accepted: the unit takes the complaint on (the acknowledgement)."""

    @transition(field=status, source=Status.ACCEPTED, target=Status.IN_PROGRESS)
    def start(self) -> None:
        """Accepted → in progress: work on the problem has begun."""

    @transition(field=status, source=[Status.ACCEPTED, Status.IN_PROGRESS], target=Status.RESOLVED)
    def resolve(self) -> None:
        """Accepted or in progress → resolved, with a closing note and evidence."""

    @transition(field=status, source=[Status.RECEIVED, Status.ACCEPTED], target=Status.REJECTED)
    def reject(self) -> None:
        """Received or accepted → rejected (not the agency's to act on, or impossible), with a reason."""

    @transition(
        field=status, source=[Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS], target=Status.FORWARDED
    )
    def forward(self) -> None:
        """Open → forwarded to the agency responsible for the matter."""

    @transition(field=status, source=Status.RESOLVED, target=Status.IN_PROGRESS)
    def reopen(self) -> None:
        """Resolved → in progress, e.g. when the citizen says the problem is still there."""

    @transition(
        field=status,
        source=[
            Status.RECEIVED,
            Status.ACCEPTED,
            Status.IN_PROGRESS,
            Status.RESOLVED,
            Status.REJECTED,
            Status.FORWARDED,
        ],
        target=Status.MOVED,
    )
    def move_out(self) -> None:
        """Any → moved: handed to the corruption channel; only a content-free tombstone stays."""

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})


def complaint_file_path(instance: ComplaintFile, filename: str) -> str:
    # Generated: neither the uploader's file name nor the tracking code reaches the file system.
    return f"complaints/{instance.agency_id}/{instance.public_id.hex}.{instance.kind}"


class ComplaintFile(TenantModel):
    """A photo or document of a complaint. Photos are stored only as re-encoded copies without metadata."""

    class Purpose(models.TextChoices):
        CITIZEN_PHOTO = "photo", _("ภาพถ่ายจากผู้ร้อง")
        EVIDENCE = "evidence", _("หลักฐานผลการดำเนินการ")

    class Kind(models.TextChoices):
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"
        PDF = "pdf", "PDF"

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(_("ประเภทไฟล์"), max_length=16, choices=Purpose.choices)
    kind = models.CharField(_("ชนิดไฟล์"), max_length=4, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=complaint_file_path, max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ไฟล์ประกอบเรื่องร้องเรียน")
        verbose_name_plural = _("ไฟล์ประกอบเรื่องร้องเรียน")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.kind})"

    @property
    def is_image(self) -> bool:
        return self.kind in {self.Kind.JPEG, self.Kind.PNG}


class ComplaintEvent(TenantModel):
    """One step in a complaint's history; public steps form the timeline on the tracking page."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("รับเรื่อง")
        ACCEPTED = "accepted", _("รับเรื่องไว้พิจารณา")
        STARTED = "started", _("เริ่มดำเนินการ")
        RESOLVED = "resolved", _("ดำเนินการแล้วเสร็จ")
        REJECTED = "rejected", _("ไม่รับเรื่อง/ยุติเรื่อง")
        FORWARDED = "forwarded", _("ส่งต่อหน่วยงานอื่น")
        REOPENED = "reopened", _("เปิดเรื่องดำเนินการต่อ")
        ROUTED = "routed", _("เปลี่ยนส่วนงานที่รับผิดชอบ")
        NOTE = "note", _("บันทึกภายใน")
        CONFIRMED = "confirmed", _("ผู้ร้องยืนยันผลการแก้ไข")
        DISPUTED = "disputed", _("ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("การดำเนินการ"), max_length=16, choices=Action.choices)
    at = models.DateTimeField(_("เมื่อ"))
    note = models.TextField(_("หมายเหตุ"), blank=True)
    is_public = models.BooleanField(_("แสดงต่อผู้ร้อง"), default=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("ความเคลื่อนไหวของเรื่องร้องเรียน")
        verbose_name_plural = _("ความเคลื่อนไหวของเรื่องร้องเรียน")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_action_display()


class ComplaintEmail(TenantModel):
    """Links a notification in the outbox to its complaint, so moving the complaint out can erase it too."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="emails")
    email = models.ForeignKey(OutboundEmail, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("อีเมลแจ้งผู้ร้อง")
        verbose_name_plural = _("อีเมลแจ้งผู้ร้อง")
