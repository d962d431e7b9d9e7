"""Hosting operators: a province office, the DLA or a hosting company that runs agencies on one instance.

An operator is not a role inside an agency (ADR 0100): its members see the agencies it hosts from above,
as figures, and never act inside them. Agencies point to their operator (``Agency.operator``).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel

INVITATION_DAYS = 7

# The example prefix of the OCDS documentation, which older configurations of Prongsai printed: it belongs
# to no publisher, so it is refused wherever a prefix is entered (ADR 0120).
PLACEHOLDER_OCDS_PREFIX = "ocds-xxxxxx"


def refuse_placeholder_ocds_prefix(value: str) -> None:
    if value == PLACEHOLDER_OCDS_PREFIX or value.startswith(PLACEHOLDER_OCDS_PREFIX + "-"):
        raise ValidationError(
            _(
                "ocds-xxxxxx เป็นเพียงตัวอย่างในเอกสาร ไม่ใช่คำนำหน้าที่ลงทะเบียนไว้ "
                "กรุณากรอกคำนำหน้าที่ได้รับจาก OCDS Helpdesk"
            )
        )


class Operator(TimeStampedModel):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด")
        DLA = "dla", _("กรมส่งเสริมการปกครองท้องถิ่น")
        HOST = "host", _("ผู้ให้บริการระบบ")

    code = models.SlugField(_("รหัสผู้ให้บริการ"), max_length=40, unique=True)
    name_th = models.CharField(_("ชื่อหน่วยงานผู้ให้บริการ"), max_length=200)
    kind = models.CharField(_("ประเภท"), max_length=16, choices=Kind.choices)
    province = models.CharField(
        _("จังหวัดที่ดูแล"), max_length=100, blank=True, help_text=_("ใช้วาดแผนที่อำเภอบนหน้าภาพรวม")
    )
    # The publisher prefix this operator registered with the OCDS Helpdesk: every agency it hosts publishes
    # its contracting processes under "<prefix>-<agency code>" unless the agency set its own (ADR 0120).
    # Empty means not registered, and those agencies publish no OCDS until someone registers one.
    ocds_prefix = models.CharField(
        _("คำนำหน้ารหัส OCDS ที่ลงทะเบียนไว้"),
        max_length=11,
        blank=True,
        validators=[
            RegexValidator(
                r"^ocds-[a-z0-9]{6}$",
                _(
                    "คำนำหน้ารหัส OCDS ต้องเป็น ocds- ตามด้วยอักษรภาษาอังกฤษตัวเล็กหรือตัวเลขรวม 6 ตัว "
                    "ตามที่ได้รับจาก OCDS Helpdesk เช่น ocds-213czf"
                ),
            ),
            refuse_placeholder_ocds_prefix,
        ],
        help_text=_(
            "คำนำหน้าที่ลงทะเบียนกับ OCDS Helpdesk (ocds- ตามด้วยอักษร 6 ตัว) หน่วยงานในความดูแลจะเผยแพร่รหัส "
            "ocid เป็นคำนำหน้านี้ ตามด้วยรหัสหน่วยงาน เว้นว่างไว้หากยังไม่ได้ลงทะเบียน"
        ),
    )

    class Meta:
        verbose_name = _("หน่วยงานผู้ให้บริการระบบ")
        verbose_name_plural = _("หน่วยงานผู้ให้บริการระบบ")
        ordering = ["name_th"]

    def __str__(self) -> str:
        return self.name_th


class OperatorMember(TimeStampedModel):
    """A person who works for an operator (one row per operator)."""

    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="operator_memberships",
        verbose_name=_("ผู้ใช้"),
    )
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)

    class Meta:
        verbose_name = _("เจ้าหน้าที่ของผู้ให้บริการระบบ")
        verbose_name_plural = _("เจ้าหน้าที่ของผู้ให้บริการระบบ")
        constraints = [
            models.UniqueConstraint(fields=["operator", "user"], name="core_operatormember_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.operator}"


def invitation_digest(token: str) -> str:
    """Only the SHA-256 of an invitation token is stored: a copy of the database cannot accept it."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry() -> object:
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(TimeStampedModel):
    """A one-time link for a new account to set its password (then its authenticator) and start work."""

    agency = models.ForeignKey("core.Agency", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    token_digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("หมดอายุเมื่อ"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("รับคำเชิญเมื่อ"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("คำเชิญเข้าใช้ระบบ")
        verbose_name_plural = _("คำเชิญเข้าใช้ระบบ")

    def __str__(self) -> str:
        return f"{self.user} ({self.expires_at:%Y-%m-%d})"

    @property
    def usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class AgencyExport(TimeStampedModel):
    """A whole-agency export (a ZIP of its data sets and files), made in the background.

    Kept after the agency is deleted (``agency`` becomes NULL) together with the code, so the operator can
    still show which export the deletion relied on.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("กำลังจัดทำ")
        READY = "ready", _("พร้อมดาวน์โหลด")
        FAILED = "failed", _("จัดทำไม่สำเร็จ")

    agency = models.ForeignKey(
        "core.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="exports"
    )
    agency_code = models.CharField(max_length=40)
    operator = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="exports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("สถานะ"), max_length=16, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("แฟ้มส่งออก"), upload_to="agency-exports/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    audit_seq = models.PositiveBigIntegerField(_("ลำดับบันทึกการตรวจสอบล่าสุด"), default=0)
    audit_hash = models.CharField(_("ค่าแฮชปลายสายบันทึก"), max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("การส่งออกข้อมูลทั้งหน่วยงาน")
        verbose_name_plural = _("การส่งออกข้อมูลทั้งหน่วยงาน")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.agency_code} {self.created_at:%Y-%m-%d %H:%M}"


class AgencyRemoval(TimeStampedModel):
    """What remains of a deleted agency: who deleted it, the export it relied on and its audit chain head.

    The agency's own chain is deleted with it; the head recorded here (sequence number and hash) lets anyone
    holding the export prove the exported chain is the whole chain as it stood at deletion.
    """

    operator = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="removals")
    agency_code = models.CharField(max_length=40)
    agency_name = models.CharField(max_length=200)
    export = models.ForeignKey(AgencyExport, on_delete=models.PROTECT, related_name="+")
    audit_seq = models.PositiveBigIntegerField(default=0)
    audit_hash = models.CharField(max_length=64)
    reason = models.CharField(_("เหตุผล"), max_length=300)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("บันทึกการลบหน่วยงาน")
        verbose_name_plural = _("บันทึกการลบหน่วยงาน")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.agency_code


class OperatorAccess(TimeStampedModel):
    """One page an operator's member opened, and which agencies' figures it showed.

    Also written into each shown agency's own audit chain; this row is the operator side of the record.
    """

    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    page = models.CharField(max_length=100)
    agency_codes = models.JSONField(default=list)

    class Meta:
        verbose_name = _("การเปิดดูข้อมูลของผู้ให้บริการระบบ")
        verbose_name_plural = _("การเปิดดูข้อมูลของผู้ให้บริการระบบ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.page}"
