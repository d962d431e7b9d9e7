"""The append-only, hash-chained audit log: one chain per agency."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry through the ORM."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")


class AuditEvent(models.Model):
    """One entry of an agency's audit chain.

    ``hash`` is SHA-256 over the canonical JSON of every other column plus ``prev_hash``, so altering,
    deleting, inserting or reordering rows breaks the chain, which ``manage.py verify_audit`` reports.
    The ORM refuses updates and deletes; the chain is what catches changes made behind its back.
    """

    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    seq = models.PositiveBigIntegerField(_("ลำดับ"))
    created_at = models.DateTimeField(_("เวลา"))
    # PROTECT: a user who acted is deactivated, never deleted, because a NULLed actor would break the chain.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("ผู้กระทำ"), max_length=150)
    action = models.CharField(_("รหัสการกระทำ"), max_length=100)
    object_type = models.CharField(_("ประเภทข้อมูล"), max_length=100, blank=True)
    object_id = models.CharField(_("รหัสข้อมูล"), max_length=64, blank=True)
    object_repr = models.CharField(_("ข้อมูล"), max_length=255, blank=True)
    data = models.JSONField(_("รายละเอียด"), default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    if TYPE_CHECKING:
        objects: ClassVar[models.Manager[AuditEvent]]
    else:
        objects = ScopedManager(
            agency="agency", _manager_class=models.Manager.from_queryset(AuditEventQuerySet)
        )

    class Meta:
        verbose_name = _("บันทึกการตรวจสอบ")
        verbose_name_plural = _("บันทึกการตรวจสอบ")
        ordering = ["agency", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "seq"], name="core_auditevent_unique_seq"),
        ]
        indexes = [
            # Serves the object history shown on a record's back-office page.
            models.Index(fields=["agency", "object_type", "object_id"], name="core_audit_object"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit log is append-only.")


class AuditHead(models.Model):
    """The last sequence number and hash of an agency's chain, written with every entry.

    Without it, deleting the newest entries would leave a shorter chain that still verifies.
    """

    agency = models.OneToOneField("core.Agency", on_delete=models.PROTECT, related_name="+")
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("ปลายสายบันทึกการตรวจสอบ")

    def __str__(self) -> str:
        return f"{self.agency_id}: #{self.seq}"
