"""Forms of the channel: the reporter's (no account, nothing personal required) and the committee's."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from prongsai.core.files import ALLOWED_DESCRIPTION
from prongsai.core.forms import limit_choices
from prongsai.whistleblower import crypto
from prongsai.whistleblower.models import ChannelSettings, HowKnown, KeyHolder, Report
from prongsai.whistleblower.services import MAX_FILES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django needs the widget and field to say so explicitly)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data if d]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > MAX_FILES:
            raise ValidationError(_("แนบไฟล์ได้ไม่เกิน 5 ไฟล์ต่อครั้ง"))
        return files


HOW_KNOWN = [("", _("— เลือก (ไม่บังคับ) —")), *HowKnown.choices]


class HolderChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        user = obj.user
        return user.get_full_name() or user.get_username()


class ReportForm(forms.Form):
    what = forms.CharField(
        label=_("เกิดอะไรขึ้น"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 7, "autocomplete": "off"}),
        help_text=_("เล่าพฤติการณ์ให้ละเอียดที่สุดเท่าที่ทราบ เช่น ใครทำอะไร อย่างไร มีเงินหรือประโยชน์ใดเกี่ยวข้อง"),
        error_messages={"required": _("กรุณาเล่าเหตุการณ์ที่เกิดขึ้น")},
    )
    who = forms.CharField(
        label=_("ผู้เกี่ยวข้อง (ชื่อหรือตำแหน่ง)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
    )
    when = forms.CharField(
        label=_("เกิดขึ้นเมื่อใด"),
        max_length=200,
        required=False,
        help_text=_("ระบุโดยประมาณได้ เช่น ต้นเดือนมีนาคม 2567"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    where = forms.CharField(
        label=_("เกิดขึ้นที่ไหน"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    how_known = forms.ChoiceField(label=_("ท่านทราบเรื่องนี้อย่างไร"), choices=HOW_KNOWN, required=False)
    evidence = MultipleFileField(
        label=_("ไฟล์หลักฐาน (ไม่บังคับ)"),
        required=False,
        help_text=_("ไม่เกิน 5 ไฟล์ ชนิด %(kinds)s ไฟล์จะถูกเข้ารหัสทันทีที่ได้รับ") % {"kinds": ALLOWED_DESCRIPTION},
    )
    strip_metadata = forms.BooleanField(
        label=_("ลบข้อมูลแฝงออกจากรูปภาพ (เช่น พิกัด GPS รุ่นกล้อง) ก่อนเก็บ"), required=False, initial=True
    )
    excluded = HolderChoiceField(
        label=_("ไม่ต้องการให้บุคคลต่อไปนี้เห็นรายงาน (ไม่บังคับ)"),
        queryset=KeyHolder.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("เลือกได้หากผู้ถูกกล่าวหาเป็นหรือใกล้ชิดกับคณะทำงานคนใด ผู้ที่ถูกเลือกจะไม่ได้รับรายงานและไม่ได้รับแจ้งเตือน"),
    )
    identity_name = forms.CharField(
        label=_("ชื่อ-นามสกุล"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    identity_contact = forms.CharField(
        label=_("ช่องทางติดต่อกลับ (โทรศัพท์หรืออีเมล)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    identity_other = forms.CharField(
        label=_("ข้อมูลอื่นที่ประสงค์แจ้ง"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self, *args: Any, recipients: list[KeyHolder], identity_enabled: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].initial = secrets.token_urlsafe(24)
        limit_choices(
            self,
            "excluded",
            KeyHolder.objects.filter(pk__in=[h.pk for h in recipients]).select_related("user"),
        )
        self.recipient_count = len(recipients)
        if not identity_enabled:
            for name in ("identity_name", "identity_contact", "identity_other"):
                del self.fields[name]
        self.identity_enabled = identity_enabled

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        excluded = data.get("excluded") or []
        if self.recipient_count and len(excluded) >= self.recipient_count:
            self.add_error("excluded", _("ต้องเหลือผู้รับเรื่องอย่างน้อยหนึ่งคน กรุณายกเลิกการเลือกบางคน"))
        return data


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("เลขรับแจ้ง 16 หลัก"),
        max_length=64,
        help_text=_("พิมพ์ด้วยเลขไทยหรือเลขอารบิกก็ได้ เว้นวรรคหรือขีดคั่นได้ เช่น ๑๒๓๔ ๕๖๗๘ ๙๐๑๒ ๓๔๕๖"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("กรุณากรอกเลขรับแจ้ง 16 หลัก")},
    )

    def clean_receipt(self) -> str:
        value = self.cleaned_data["receipt"]
        if crypto.normalize_receipt(value) is None:
            raise ValidationError(_("เลขรับแจ้งต้องเป็นตัวเลข 16 หลัก กรุณาตรวจสอบแล้วกรอกใหม่"))
        return str(value)


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("ข้อความถึงคณะทำงาน"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )
    evidence = MultipleFileField(label=_("แนบไฟล์หลักฐานเพิ่มเติม"), required=False)
    strip_metadata = forms.BooleanField(
        label=_("ลบข้อมูลแฝงออกจากรูปภาพ (เช่น พิกัด GPS) ก่อนเก็บ"), required=False, initial=True
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("evidence"):
            raise ValidationError(_("กรุณาพิมพ์ข้อความหรือแนบไฟล์อย่างน้อยหนึ่งรายการ"))
        return data


# --- staff ------------------------------------------------------------------------------------------------


class KeySetupForm(forms.Form):
    passphrase = forms.CharField(
        label=_("รหัสผ่านกุญแจ"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("ใช้เปิดรายงานเท่านั้น ต่างจากรหัสผ่านเข้าระบบ อย่างน้อย 12 ตัวอักษร ไม่มีใครกู้คืนให้ได้นอกจากรหัสกู้คืน"),
    )
    passphrase2 = forms.CharField(
        label=_("ยืนยันรหัสผ่านกุญแจ"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("passphrase") and data.get("passphrase") != data.get("passphrase2"):
            self.add_error("passphrase2", _("รหัสผ่านทั้งสองช่องไม่ตรงกัน กรุณากรอกใหม่"))
        return data


class UnlockForm(forms.Form):
    passphrase = forms.CharField(
        label=_("รหัสผ่านกุญแจ"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class RecoverForm(KeySetupForm):
    recovery_key = forms.CharField(
        label=_("รหัสกู้คืน"), max_length=64, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    field_order = ["recovery_key", "passphrase", "passphrase2"]


class MessageForm(forms.Form):
    text = forms.CharField(label=_("ข้อความใหม่"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4}))
    internal = forms.BooleanField(label=_("บันทึกภายในคณะทำงาน (ผู้แจ้งไม่เห็น)"), required=False)


class ForwardForm(forms.Form):
    authority = forms.ChoiceField(label=_("ส่งต่อไปยัง"), choices=Report.Authority.choices)
    other_name = forms.CharField(label=_("ชื่อหน่วยงานอื่น"), max_length=200, required=False)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("ผลการดำเนินการ"), choices=Report.Outcome.choices)
    note = forms.CharField(
        label=_("บันทึกสรุป (เข้ารหัส เห็นเฉพาะผู้รับเรื่อง)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HolderSingleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.get_full_name() or obj.user.get_username())


class GrantForm(forms.Form):
    holder = HolderSingleChoiceField(label=_("เพิ่มผู้รับเรื่อง"), queryset=KeyHolder.objects.none())

    def __init__(self, *args: Any, candidates: list[KeyHolder], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "holder", KeyHolder.objects.filter(pk__in=[h.pk for h in candidates]).select_related("user")
        )


class IdentityRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่จำเป็นต้องทราบตัวตนของผู้แจ้ง"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("ผู้ดูแลข้อมูลตัวตนจะเห็นเหตุผลนี้ กรุณาอย่าใส่รายละเอียดของเรื่องที่แจ้ง"),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("ผลการพิจารณา"), choices=[("approve", _("อนุมัติให้เปิดเผย")), ("deny", _("ไม่อนุมัติ"))]
    )
    reason = forms.CharField(label=_("เหตุผล"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ChannelSettingsForm(forms.ModelForm):
    class Meta:
        model = ChannelSettings
        fields = ["ack_working_days", "feedback_working_days", "retention_days", "purge_warning_days"]


class GuidelineForm(forms.Form):
    title = forms.CharField(label=_("ชื่อแนวปฏิบัติ"), max_length=300)
    what_to_include = forms.CharField(label=_("ข้อมูลที่ผู้แจ้งควรระบุ"), widget=forms.Textarea(attrs={"rows": 4}))
    channels = forms.CharField(label=_("ช่องทางการแจ้งเรื่อง"), widget=forms.Textarea(attrs={"rows": 4}))
    steps = forms.CharField(label=_("ขั้นตอนการจัดการเรื่อง"), widget=forms.Textarea(attrs={"rows": 6}))
    responsible_unit = forms.CharField(label=_("ส่วนงานที่รับผิดชอบ"), widget=forms.Textarea(attrs={"rows": 2}))
    time_frame = forms.CharField(label=_("ระยะเวลาดำเนินการ"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข (เมื่อเผยแพร่แล้ว)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("แสดงต่อสาธารณะในประวัติการแก้ไข"),
    )
