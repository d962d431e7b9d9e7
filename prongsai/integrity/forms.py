"""Staff forms of the integrity app (the services hold the rules; the forms parse)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.integrity.models import (
    CultureActivity,
    GiftEntry,
    GiftReport,
    NoGiftDeclaration,
    RiskArea,
    RiskAssessment,
    RiskEvent,
    RiskMeasure,
)

REASON_HELP = _("รายการที่เผยแพร่แล้วแก้ไขได้โดยระบุเหตุผล ซึ่งจะแสดงในประวัติการแก้ไขต่อสาธารณะ")


def _reason() -> forms.CharField:
    return forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )


class _Form(forms.ModelForm):
    """A model form whose uniqueness per agency is checked by the service (which knows the agency)."""

    published = False

    def __init__(self, *args: Any, published: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published = published
        if "reason" in self.fields and not published:
            del self.fields["reason"]

    def validate_unique(self) -> None:
        return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.published and "reason" in self.fields and not (data.get("reason") or "").strip():
            self.add_error("reason", _("รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        return data


class DeclarationForm(_Form):
    signed_on = ThaiDateField(label=_("วันที่ลงนาม"), required=False)
    reason = _reason()

    class Meta:
        model = NoGiftDeclaration
        fields = ["fiscal_year", "title", "text_th", "text_en", "signer_name", "signer_position", "signed_on"]
        widgets = {"text_th": forms.Textarea(attrs={"rows": 8}), "text_en": forms.Textarea(attrs={"rows": 6})}


class ActivityForm(_Form):
    held_on = ThaiDateField(label=_("วันที่จัดกิจกรรม"))
    reason = _reason()

    class Meta:
        model = CultureActivity
        fields = ["fiscal_year", "title", "held_on", "description", "participants", "participant_count"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.Textarea(attrs={"rows": 2}),
        }


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("ภาพกิจกรรม (JPEG หรือ PNG)"))
    caption = forms.CharField(label=_("คำบรรยายภาพ"), max_length=255, required=False)
    reason = forms.CharField(
        label=_("เหตุผลของการเพิ่มภาพ"), required=False, help_text=_("จำเป็นเมื่อกิจกรรมเผยแพร่แล้ว")
    )


class GiftForm(_Form):
    event_on = ThaiDateField(label=_("วันที่ได้รับหรือให้"))

    class Meta:
        model = GiftEntry
        fields = [
            "direction",
            "official_name",
            "official_position",
            "counterpart_name",
            "relationship",
            "occasion",
            "description",
            "estimated_value",
            "event_on",
            "handling",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "estimated_value": {"invalid": _("กรุณากรอกมูลค่าเป็นตัวเลขเป็นบาท เช่น 3000 หรือ 1250.50")}
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("คำวินิจฉัย"), choices=GiftEntry.Decision.choices)
    reason = forms.CharField(label=_("เหตุผลของคำวินิจฉัย"), widget=forms.Textarea(attrs={"rows": 3}))


class GiftReportForm(_Form):
    reported_on = ThaiDateField(label=_("วันที่รายงาน"), required=False)

    class Meta:
        model = GiftReport
        fields = ["fiscal_year", "period", "note", "signer_name", "signer_position", "reported_on"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class AssessmentForm(_Form):
    approved_on = ThaiDateField(label=_("วันที่อนุมัติ"), required=False)
    reason = _reason()

    class Meta:
        model = RiskAssessment
        fields = ["fiscal_year", "title", "method", "scope", "signer_name", "signer_position", "approved_on"]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].required = False
        self.fields["method"].help_text = _("เว้นว่างเพื่อใช้วิธีการของปีงบประมาณนั้นตามเกณฑ์ ITA")


class AreaForm(forms.ModelForm):
    class Meta:
        model = RiskArea
        fields = ["code", "name_th", "from_fiscal_year"]

    def validate_unique(self) -> None:
        return None


class EventForm(_Form):
    area: forms.ModelChoiceField[RiskArea] = forms.ModelChoiceField(
        queryset=RiskArea.objects.none(),
        label=_("ประเด็นความเสี่ยง"),
        error_messages={"invalid_choice": _("กรุณาเลือกประเด็นความเสี่ยงจากรายการ")},
    )
    reason = _reason()

    class Meta:
        model = RiskEvent
        fields = [
            "area",
            "number",
            "process",
            "event",
            "likelihood",
            "impact",
            "existing_controls",
            "control_rating",
        ]
        widgets = {
            "event": forms.Textarea(attrs={"rows": 3}),
            "existing_controls": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, areas: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if areas is not None:
            self.fields["area"].queryset = areas  # type: ignore[attr-defined]
        self.fields["area"].empty_label = _("— เลือกประเด็นความเสี่ยง —")  # type: ignore[attr-defined]


class MeasureForm(_Form):
    starts_on = ThaiDateField(label=_("วันที่เริ่ม"), required=False)
    ends_on = ThaiDateField(label=_("วันที่สิ้นสุด"), required=False)
    reason = _reason()

    class Meta:
        model = RiskMeasure
        fields = ["number", "measure", "owner", "starts_on", "ends_on", "status", "result"]
        widgets = {"measure": forms.Textarea(attrs={"rows": 3}), "result": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and starts > ends:
            self.add_error("ends_on", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม"))
        return data


class ProgressForm(forms.Form):
    reported_on = ThaiDateField(label=_("ข้อมูล ณ วันที่"))
    percent = forms.IntegerField(label=_("ความก้าวหน้า (ร้อยละ)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("ผลการดำเนินงาน"), widget=forms.Textarea(attrs={"rows": 3}))


class TreatmentReportForm(forms.Form):
    summary = forms.CharField(
        label=_("สรุปผลการดำเนินการ"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    problems = forms.CharField(
        label=_("ปัญหา/อุปสรรค"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    suggestions = forms.CharField(
        label=_("ข้อเสนอแนะ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข"), required=False, help_text=REASON_HELP)
