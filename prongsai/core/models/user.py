"""The user account (global: one person may belong to several agencies of a hosted instance)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    is_demo = models.BooleanField(
        _("บัญชีสาธิต"),
        default=False,
        help_text=_("บัญชีที่สร้างโดยคำสั่ง seed_demo เท่านั้น"),
    )

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
