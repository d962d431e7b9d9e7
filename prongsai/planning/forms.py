from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.planning.models import Plan


class PlanForm(forms.ModelForm):
    approved_on = ThaiDateField(label=_("วันที่ผู้บริหารอนุมัติ/ลงนาม"), required=False)
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("แผนที่เผยแพร่แล้วแก้ไขได้โดยระบุเหตุผล ซึ่งจะแสดงในประวัติการแก้ไขต่อสาธารณะ"),
    )

    class Meta:
        model = Plan
        fields = [
            "kind",
            "fiscal_year",
            "first_year",
            "last_year",
            "title",
            "description",
            "approved_on",
            "signer_name",
            "signer_position",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and self.instance.is_published):
            del self.fields["reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and first > last:
            self.add_error("last_year", _("ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน"))
        year = data.get("fiscal_year")
        if year and not 2400 <= year <= 2700:
            self.add_error("fiscal_year", _("กรุณากรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2567"))
        if (
            self.instance.pk
            and self.instance.is_published
            and "reason" in self.fields
            and not data.get("reason")
        ):
            self.add_error("reason", _("แผนนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        return data

    def validate_unique(self) -> None:
        # Uniqueness per agency is checked by the service, which knows the agency.
        return None
