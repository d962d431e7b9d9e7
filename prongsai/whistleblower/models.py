"""The corruption-reporting channel's tables. No column holds report content, identity or a key in clear.

``*_ciphertext`` and ``sealed_*`` columns are XChaCha20-Poly1305 ciphertexts or X25519 sealed boxes (see
``crypto.py``); everything else is case metadata that the back office and the statistics need (state,
dates, deadlines), chosen so that it names no person and repeats no content.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models import Publishable, TenantModel, new_public_id
from prongsai.core.models.status_field import StatusField


class KeyHolder(TenantModel):
    """A recipient's or custodian's X25519 key pair in one agency.

    The private key exists only encrypted: under a key derived with Argon2id from the holder's key
    passphrase, and under a random recovery key printed once at set-up. Neither secret is stored.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้ใช้")
    )
    public_key = models.BinaryField(max_length=32)
    passphrase_salt = models.BinaryField(max_length=16)
    passphrase_kdf = models.CharField(max_length=64)
    private_key_by_passphrase = models.BinaryField()
    recovery_salt = models.BinaryField(max_length=32)
    private_key_by_recovery = models.BinaryField()

    class Meta:
        verbose_name = _("กุญแจของผู้รับรายงาน")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="whistleblower_keyholder_unique_user"),
        ]

    def __str__(self) -> str:
        return f"key #{self.pk}"


class ChannelSettings(TenantModel):
    """Time limits and retention of one agency's channel: data the committee can correct, never logic."""

    ack_working_days = models.PositiveSmallIntegerField(
        _("กำหนดตอบรับเรื่อง (วันทำการ)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    feedback_working_days = models.PositiveSmallIntegerField(
        _("กำหนดแจ้งความคืบหน้าแก่ผู้แจ้ง (วันทำการ)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(250)],
    )
    retention_days = models.PositiveIntegerField(
        _("ระยะเวลาเก็บรักษาหลังปิดเรื่อง (วัน)"),
        default=5 * 365,
        validators=[MinValueValidator(30), MaxValueValidator(30 * 365)],
    )
    purge_warning_days = models.PositiveSmallIntegerField(
        _("แจ้งเตือนก่อนลบ (วัน)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )

    class Meta:
        verbose_name = _("การตั้งค่าช่องทางแจ้งเบาะแส")
        constraints = [
            models.UniqueConstraint(fields=["agency"], name="whistleblower_settings_one_per_agency"),
        ]

    def __str__(self) -> str:
        return f"settings of agency {self.agency_id}"


class HowKnown(models.TextChoices):
    WITNESSED = "witnessed", _("เห็นหรือประสบเหตุการณ์ด้วยตนเอง")
    DOCUMENTS = "documents", _("พบจากเอกสารหรือข้อมูลในการทำงาน")
    TOLD = "told", _("ได้รับทราบจากผู้อื่น")
    VICTIM = "victim", _("เป็นผู้ได้รับความเสียหายโดยตรง")
    OTHER = "other", _("อื่น ๆ")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("รับเรื่องแล้ว")
    UNDER_REVIEW = "under_review", _("อยู่ระหว่างพิจารณา")
    INVESTIGATING = "investigating", _("อยู่ระหว่างตรวจสอบข้อเท็จจริง")
    FORWARDED = "forwarded", _("ส่งต่อหน่วยงานที่มีอำนาจแล้ว")
    CLOSED = "closed", _("ยุติเรื่องแล้ว")


OPEN_STATUSES = (
    ReportStatus.RECEIVED,
    ReportStatus.UNDER_REVIEW,
    ReportStatus.INVESTIGATING,
    ReportStatus.FORWARDED,
)


class Report(FSMModelMixin, TenantModel):
    """One corruption report. Its content, exclusions and identity are ciphertexts under its own key."""

    class Origin(models.TextChoices):
        ONLINE = "online", _("แจ้งผ่านช่องทางออนไลน์")
        TRANSFERRED = "transferred", _("โอนมาจากช่องทางร้องเรียนทั่วไป")

    class Authority(models.TextChoices):
        NACC = "nacc", _("สำนักงาน ป.ป.ช.")
        PACC = "pacc", _("สำนักงาน ป.ป.ท.")
        OTHER = "other", _("หน่วยงานอื่น")

    class Outcome(models.TextChoices):
        SUBSTANTIATED = "substantiated", _("มีมูล ดำเนินการตามระเบียบแล้ว")
        UNSUBSTANTIATED = "unsubstantiated", _("ไม่มีมูล")
        INSUFFICIENT = "insufficient", _("ข้อมูลไม่เพียงพอต่อการตรวจสอบ")
        FORWARDED = "forwarded", _("ส่งต่อหน่วยงานที่มีอำนาจดำเนินการแล้ว")
        OUT_OF_SCOPE = "out_of_scope", _("ไม่อยู่ในอำนาจหน้าที่ของหน่วยงาน")

    origin = models.CharField(_("ที่มา"), max_length=16, choices=Origin.choices, default=Origin.ONLINE)
    status = StatusField(
        _("สถานะ"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.RECEIVED, protected=True
    )
    received_at = models.DateTimeField(_("วันที่รับเรื่อง"))
    content_ciphertext = models.BinaryField()
    # The reporter's access: a lookup tag of part of the receipt, a per-report salt, and the Argon2id
    # verifier of the whole receipt. None of it for a report transferred from the general channel.
    receipt_tag = models.CharField(max_length=16, blank=True, db_index=True)
    receipt_salt = models.BinaryField(max_length=16, null=True)
    receipt_kdf = models.CharField(max_length=64, blank=True)
    receipt_verifier = models.BinaryField(max_length=32, null=True)
    reporter_wrapped_key = models.BinaryField(null=True)
    identity_ciphertext = models.BinaryField(null=True)
    submission_token_hash = models.CharField(max_length=64, blank=True)
    # Case handling: metadata only.
    ack_due_at = models.DateTimeField(_("กำหนดตอบรับเรื่อง"))
    feedback_due_at = models.DateTimeField(_("กำหนดแจ้งความคืบหน้า"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("ตอบรับเรื่องเมื่อ"), null=True, blank=True)
    first_feedback_at = models.DateTimeField(_("แจ้งความคืบหน้าครั้งแรกเมื่อ"), null=True, blank=True)
    forwarded_to = models.CharField(_("ส่งต่อไปยัง"), max_length=8, choices=Authority.choices, blank=True)
    forwarded_to_other = models.CharField(_("ชื่อหน่วยงานอื่น"), max_length=200, blank=True)
    forwarded_at = models.DateTimeField(_("ส่งต่อเมื่อ"), null=True, blank=True)
    outcome = models.CharField(_("ผลการดำเนินการ"), max_length=20, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("ยุติเรื่องเมื่อ"), null=True, blank=True)
    reminders_sent = models.JSONField(default=list, blank=True)
    purge_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("รายงานแจ้งเบาะแสการทุจริต")
        verbose_name_plural = _("รายงานแจ้งเบาะแสการทุจริต")
        ordering = ["-received_at"]
        constraints = [
            # A re-sent submission form (same idempotency token) never creates a second report.
            models.UniqueConstraint(
                fields=["agency", "submission_token_hash"],
                condition=~Q(submission_token_hash=""),
                name="whistleblower_report_unique_submission",
            ),
        ]
        indexes = [
            # Serves the statistics and the reminder/retention jobs: an agency's reports by state and date.
            models.Index(fields=["agency", "status", "received_at"], name="whistleblower_report_state"),
        ]

    def __str__(self) -> str:
        # Appears in the audit log: an id, never content.
        return _("รายงานแจ้งเบาะแส #%(id)s") % {"id": self.pk}

    def context(self, purpose: str) -> str:
        """Associated data binding a ciphertext to this report and one purpose."""
        return f"pswb:{self.agency_id}:{self.pk}:{purpose}"

    def clean_fields(self, exclude: Any = None) -> None:
        # The protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def is_open(self) -> bool:
        return self.status != ReportStatus.CLOSED

    @transition(field=status, source=ReportStatus.RECEIVED, target=ReportStatus.UNDER_REVIEW)
    def acknowledge(self) -> None:
        """Received → under review: the committee has taken the report up (acknowledgement deadline met)."""

    @transition(field=status, source=ReportStatus.UNDER_REVIEW, target=ReportStatus.INVESTIGATING)
    def investigate(self) -> None:
        """Under review → investigating: a fact-finding has started."""

    @transition(
        field=status,
        source=[ReportStatus.UNDER_REVIEW, ReportStatus.INVESTIGATING],
        target=ReportStatus.FORWARDED,
    )
    def forward(self) -> None:
        """Under review/investigating → forwarded to ป.ป.ช., ป.ป.ท. or another authority."""

    @transition(field=status, source=list(OPEN_STATUSES), target=ReportStatus.CLOSED)
    def close(self) -> None:
        """Any open state → closed with an outcome; the retention period starts."""


class ReportGrant(TenantModel):
    """``K_report`` sealed to one recipient's public key."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="grants")
    holder = models.ForeignKey(KeyHolder, on_delete=models.CASCADE, related_name="grants")
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "report", "holder"], name="whistleblower_grant_unique_holder"
            ),
        ]

    def __str__(self) -> str:
        return f"grant #{self.pk}"


class IdentityShare(TenantModel):
    """The custodians' half of a report's identity key, sealed to one custodian's public key."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="identity_shares")
    holder = models.ForeignKey(KeyHolder, on_delete=models.CASCADE, related_name="identity_shares")
    sealed_share = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "report", "holder"], name="whistleblower_idshare_unique_holder"
            ),
        ]

    def __str__(self) -> str:
        return f"identity share #{self.pk}"


class ReportMessage(TenantModel):
    class Kind(models.TextChoices):
        FROM_REPORTER = "reporter", _("ข้อความจากผู้แจ้ง")
        TO_REPORTER = "committee", _("ข้อความถึงผู้แจ้ง")
        INTERNAL = "internal", _("บันทึกภายในคณะทำงาน")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ciphertext = models.BinaryField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"message #{self.pk}"


class ReportFile(TenantModel):
    """An evidence file: its bytes encrypted in the media folder, its name and type encrypted here."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    from_reporter = models.BooleanField(default=True)
    blob = models.CharField(max_length=255)  # storage path of the ciphertext, a random name
    meta_ciphertext = models.BinaryField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"file #{self.pk}"


class IdentityRequestStatus(models.TextChoices):
    PENDING = "pending", _("รอผู้ดูแลข้อมูลตัวตนพิจารณา")
    APPROVED = "approved", _("อนุมัติแล้ว")
    DENIED = "denied", _("ไม่อนุมัติ")


class IdentityRequest(FSMModelMixin, TenantModel):
    """A recipient's logged request to open a report's identity section, decided by a custodian."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="identity_requests")
    requester = models.ForeignKey(KeyHolder, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("เหตุผลที่ขอเปิดเผยตัวตน"))
    status = StatusField(
        max_length=12,
        choices=IdentityRequestStatus.choices,
        default=IdentityRequestStatus.PENDING,
        protected=True,
    )
    decided_by = models.ForeignKey(KeyHolder, on_delete=models.PROTECT, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("เหตุผลของผู้ดูแลข้อมูลตัวตน"), blank=True)
    sealed_share = models.BinaryField(null=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open request per recipient and report.
            models.UniqueConstraint(
                fields=["agency", "report", "requester"],
                condition=Q(status="pending"),
                name="whistleblower_idrequest_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return _("คำขอเปิดเผยตัวตน #%(id)s") % {"id": self.pk}

    def clean_fields(self, exclude: Any = None) -> None:
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @transition(field=status, source=IdentityRequestStatus.PENDING, target=IdentityRequestStatus.APPROVED)
    def approve(self) -> None:
        """Pending → approved by a custodian with a reason; the share is sealed to the requester."""

    @transition(field=status, source=IdentityRequestStatus.PENDING, target=IdentityRequestStatus.DENIED)
    def deny(self) -> None:
        """Pending → denied by a custodian with a reason."""


class ArchivedTally(TenantModel):
    """Counts of purged (closed) reports per month of receipt, so published statistics survive retention.

    Only a month and a number: nothing of a purged report is kept.
    """

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    closed_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "month"], name="whistleblower_tally_unique_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}: {self.closed_count}"


class Guideline(Publishable):
    """The agency's corruption-complaint handling guideline (OIT o22/O17), published with revisions."""

    snapshot_fields = ("title", "what_to_include", "channels", "steps", "responsible_unit", "time_frame")

    title = models.CharField(_("ชื่อแนวปฏิบัติ"), max_length=300)
    what_to_include = models.TextField(_("ข้อมูลที่ผู้แจ้งควรระบุ"))
    channels = models.TextField(_("ช่องทางการแจ้งเรื่อง"))
    steps = models.TextField(_("ขั้นตอนการจัดการเรื่อง"))
    responsible_unit = models.TextField(_("ส่วนงานที่รับผิดชอบ"))
    time_frame = models.TextField(_("ระยะเวลาดำเนินการ"))

    class Meta:
        verbose_name = _("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต")
        constraints = [
            models.UniqueConstraint(fields=["agency"], name="whistleblower_guideline_one_per_agency"),
        ]

    def __str__(self) -> str:
        return self.title
