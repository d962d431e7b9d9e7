"""Abstract bases shared by every Prongsai model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        abstract = True


class TenantModel(TimeStampedModel):
    """A row owned by one agency.

    The default manager is scoped (django-scopes): ``Model.objects`` raises ScopeError unless the code runs
    inside ``scope(agency=...)`` or an explicit ``scopes_disabled()``, so a forgotten filter fails closed
    instead of leaking another agency's rows. Every unique constraint of a subclass must include ``agency``.
    """

    agency = models.ForeignKey(
        "core.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("หน่วยงาน")
    )

    if TYPE_CHECKING:
        # django-scopes builds the manager class at run time; type checkers see a plain manager.
        objects: ClassVar[models.Manager[Self]]
    else:
        objects = ScopedManager(agency="agency")

    class Meta:
        abstract = True

    def unique_error_message(self, model_class: type[Self], unique_check: Sequence[str]) -> ValidationError:
        """A duplicate explained as a Thai sentence that says what to change.

        Django's own message ("… with this … already exists.") has no Thai translation and would name the
        agency, which is implied.
        """
        opts = model_class._meta
        fields = [name for name in unique_check if name != "agency"]
        if not fields:
            return super().unique_error_message(model_class, unique_check)
        labels = get_text_list(
            [str(getattr(opts.get_field(name), "verbose_name", name)) for name in fields], _("และ")
        )
        return ValidationError(
            _("%(model)sที่มี%(fields)sนี้มีอยู่แล้ว กรุณาเปลี่ยน%(fields)s หรือแก้ไขรายการเดิมแทน"),
            code="unique_together" if len(fields) > 1 else "unique",
            params={"model": opts.verbose_name, "fields": labels},
        )


def new_public_id() -> uuid.UUID:
    """Public identifiers are random UUIDs so that nobody can enumerate records from a URL."""
    return uuid.uuid4()
