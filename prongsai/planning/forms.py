from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.planning.models import AnnualReport, ItemResult, Plan, PlanItem, ScoreCitation


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


class ItemForm(forms.ModelForm):
    period_start = ThaiDateField(label=_("ระยะเวลาเริ่ม"), required=False)
    period_end = ThaiDateField(label=_("ระยะเวลาสิ้นสุด"), required=False)

    class Meta:
        model = PlanItem
        fields = [
            "kind",
            "number",
            "title",
            "details",
            "outputs",
            "indicators",
            "budget",
            "period_start",
            "period_end",
            "period_text",
            "owner",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "details": forms.Textarea(attrs={"rows": 3}),
            "outputs": forms.Textarea(attrs={"rows": 2}),
            "indicators": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม"))
        return data


class ResultForm(forms.Form):
    result = forms.CharField(
        label=_("ผลลัพธ์หรือความสำเร็จของการดำเนินการ"), widget=forms.Textarea(attrs={"rows": 5})
    )
    spent = forms.DecimalField(
        label=_("ใช้จ่ายงบประมาณ (บาท)"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    actual_start = ThaiDateField(label=_("วันที่เริ่มดำเนินการจริง"), required=False)
    actual_end = ThaiDateField(label=_("วันที่สิ้นสุดการดำเนินการจริง"), required=False)
    problems = forms.CharField(
        label=_("ปัญหา/อุปสรรค"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    suggestions = forms.CharField(
        label=_("ข้อเสนอแนะ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    citation_kind = forms.ChoiceField(
        label=_("อ้างอิงคะแนน ITA (ถ้ามี)"),
        required=False,
        choices=[("", _("ไม่อ้างอิง")), *ScoreCitation.Kind.choices],
    )
    citation_code = forms.CharField(label=_("รหัสที่อ้างอิง เช่น 1, i9, e7, o28"), required=False, max_length=10)
    citation_year = forms.IntegerField(
        label=_("ผลการประเมินของปีงบประมาณ"), required=False, min_value=2560, max_value=2700
    )
    citation_lead = forms.CharField(
        label=_("ข้อความนำหน้าคะแนน"), required=False, max_length=200, help_text=_("เช่น คะแนนตัวชี้วัดที่ 1 ได้")
    )

    def __init__(self, *args: Any, plan: Plan | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if plan is not None and plan.first_year != plan.last_year:
            # A multi-year plan is reported every year it covers: staff say which year this result is for.
            years = range(plan.first_year, plan.last_year + 1)
            self.fields["fiscal_year"] = forms.TypedChoiceField(
                label=_("ผลของปีงบประมาณ (พ.ศ.)"),
                choices=[(y, str(y)) for y in years],
                coerce=int,
                initial=plan.fiscal_year,
            )
            self.order_fields(["fiscal_year"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("actual_start"), data.get("actual_end")
        if start and end and start > end:
            self.add_error("actual_end", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มดำเนินการ"))
        if data.get("citation_kind"):
            if not data.get("citation_year"):
                self.add_error("citation_year", _("กรุณาระบุปีงบประมาณของผลการประเมินที่อ้างอิง"))
            if not data.get("citation_lead"):
                self.add_error("citation_lead", _("กรุณาระบุข้อความนำหน้าคะแนน"))
        return data


class ProgressForm(forms.Form):
    as_of = ThaiDateField(label=_("ข้อมูล ณ วันที่"))
    summary = forms.CharField(label=_("สรุป"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, items: list[PlanItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"result_{item.pk}"] = forms.CharField(
                label=f"{item.number}. {item.title[:80]} – {_('ผลการดำเนินงาน')}", required=False
            )
            self.fields[f"spent_{item.pk}"] = forms.DecimalField(
                label=f"{item.number}. {_('ใช้จ่ายแล้ว (บาท)')}",
                required=False,
                max_digits=14,
                decimal_places=2,
                min_value=0,
            )

    def entries(self) -> dict[PlanItem, tuple[str, Any]]:
        return {
            item: (
                self.cleaned_data.get(f"result_{item.pk}") or "",
                self.cleaned_data.get(f"spent_{item.pk}"),
            )
            for item in self.items
            if self.cleaned_data.get(f"result_{item.pk}")
            or self.cleaned_data.get(f"spent_{item.pk}") is not None
        }


class AnnualReportForm(forms.ModelForm):
    """The plan's annual report as a whole (the results of each item are recorded item by item)."""

    reported_on = ThaiDateField(label=_("วันที่รายงาน"), required=False)

    class Meta:
        model = AnnualReport
        fields = ["reported_on", "summary", "problems", "suggestions"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "problems": forms.Textarea(attrs={"rows": 4}),
            "suggestions": forms.Textarea(attrs={"rows": 4}),
        }


class ItemDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลของการลบ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("จำเป็นเมื่อแผนเผยแพร่แล้ว เหตุผลจะบันทึกไว้ในประวัติการดำเนินการ"),
    )


def result_initial(entry: ItemResult) -> dict[str, Any]:
    """A recorded result as the result form's initial data (its citations are listed, not edited here)."""
    return {
        name: getattr(entry, name)
        for name in ("result", "spent", "actual_start", "actual_end", "problems", "suggestions")
    }
