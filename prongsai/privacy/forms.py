"""The citizen's request form (guarded like every citizen form) and the staff's outcome form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.safeguards import GuardedForm

from .models import RequestKind


class SubjectRequestForm(GuardedForm):
    purpose = "privacy_request"

    kind = forms.ChoiceField(
        label=_("ประเภทคำขอ"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("กรุณาเลือกประเภทคำขอ"),
            "invalid_choice": _("กรุณาเลือกประเภทคำขอจากรายการ"),
        },
    )
    requester_name = forms.CharField(
        label=_("ชื่อและนามสกุล"),
        max_length=200,
        error_messages={"required": _("กรุณากรอกชื่อและนามสกุลของเจ้าของข้อมูล")},
    )
    requester_email = forms.EmailField(
        label=_("อีเมล"),
        required=False,
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง เช่น somchai@example.com")},
    )
    requester_phone = forms.CharField(label=_("โทรศัพท์"), max_length=20, required=False)
    record_codes = forms.CharField(
        label=_("รหัสติดตามของเรื่องที่เคยยื่นกับหน่วยงาน"),
        max_length=300,
        required=False,
        help_text=_("เช่น รหัสติดตามคำขอรับบริการหรือเรื่องร้องเรียน หากมีหลายรหัสให้คั่นด้วยเครื่องหมายจุลภาค"),
    )
    details = forms.CharField(
        label=_("รายละเอียดคำขอ"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("เช่น ข้อมูลใดที่ต้องการให้แก้ไขหรือลบ และเหตุผล"),
        error_messages={"max_length": _("รายละเอียดยาวเกิน 3,000 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if not (data.get("requester_email") or data.get("requester_phone")) and not self.errors:
            raise forms.ValidationError(_("กรุณากรอกอีเมลหรือหมายเลขโทรศัพท์อย่างน้อยหนึ่งช่อง เพื่อให้หน่วยงานแจ้งผลได้"))
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("รหัสติดตาม"), max_length=30, error_messages={"required": _("กรุณากรอกรหัสติดตามคำขอ")}
    )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("ผลการดำเนินการหรือเหตุผล"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาบันทึกผลการดำเนินการหรือเหตุผลที่แจ้งผู้ยื่นคำขอ")},
    )
