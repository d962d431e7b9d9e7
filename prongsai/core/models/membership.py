from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.roles import Role

from .base import TenantModel


class Membership(TenantModel):
    """A user's role in one agency. A person with two roles has two rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("ผู้ใช้")
    )
    role = models.CharField(_("บทบาท"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)

    class Meta:
        verbose_name = _("สมาชิกของหน่วยงาน")
        verbose_name_plural = _("สมาชิกของหน่วยงาน")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user", "role"], name="core_membership_unique_role"),
        ]
        indexes = [
            # Serves the capability check of every staff request: memberships of (agency, user).
            models.Index(fields=["agency", "user"], name="core_membership_agency_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"
