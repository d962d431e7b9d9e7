"""Abstract bases shared by every Prongsai model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.encoding import force_str
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

# Each field's choices as {value: label}, made once per field. Django's ``get_FOO_display`` builds this
# dict on every call and hashes every (value, label) pair to build it; hashing a lazy label translates it,
# so a list of 70 services each showing its category translated 560 labels to show 70.
_CHOICE_LABELS: dict[models.Field[Any, Any], dict[Any, Any]] = {}


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        """``get_FOO_display()``: the label of the value (translated now), else the value itself."""
        value = getattr(self, field.attname)
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(field.flatchoices)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value: Django's own way
            return super()._get_FIELD_display(field)  # type: ignore[misc]
        return force_str(label, strings_only=True)


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
