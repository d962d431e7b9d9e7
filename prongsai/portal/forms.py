from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.core.forms import limit_choices
from prongsai.core.models import Agency
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory

REASON_HELP = _("เหตุผลจะแสดงในประวัติการแก้ไขบนหน้าสาธารณะ เช่น แก้ไขวันที่จัดกิจกรรมให้ถูกต้อง")


class NewsForm(forms.ModelForm):
    category: forms.ModelChoiceField[NewsCategory] = forms.ModelChoiceField(
        queryset=NewsCategory.objects.none(), label=_("หมวด")
    )
    event_date = ThaiDateField(label=_("วันที่จัดกิจกรรม"), required=False)
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )

    class Meta:
        model = NewsArticle
        fields = ["category", "title", "summary", "body", "event_date"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12}), "summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "category", NewsCategory.objects.filter(agency=agency))
        if not (self.instance.pk and self.instance.is_published):
            del self.fields["reason"]

    def clean_reason(self) -> str:
        reason = (self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(_("ข่าวนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        return reason


class PageForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )

    class Meta:
        model = InfoPage
        fields = ["kind", "slug", "title", "body", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_published:
            # The address of a published page is part of what was published: it does not change.
            for name in ("kind", "slug", "order"):
                self.fields[name].disabled = True
        else:
            del self.fields["reason"]

    def clean_reason(self) -> str:
        reason = (self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(_("หน้านี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        return reason

    def validate_unique(self) -> None:
        # Uniqueness per agency is checked by the service, which knows the agency.
        return None


class AttachmentForm(forms.Form):
    # Shown on the same page as the news form: a prefix keeps field ids (id_title, id_reason) unique.
    prefix = "file"

    file = forms.FileField(label=_("ไฟล์"), help_text=_("PDF, JPEG, PNG, DOCX หรือ XLSX"))
    title = forms.CharField(label=_("คำอธิบายไฟล์"), max_length=255, required=False)
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับข่าวที่เผยแพร่แล้ว)"), required=False)


class TrackAnyForm(forms.Form):
    """The one tracking box of the public site (the home page and /track/)."""

    code = forms.CharField(
        label=_("รหัสติดตาม"),
        max_length=40,
        help_text=_("รหัสที่ได้รับเมื่อยื่นคำขอหรือส่งเรื่อง เช่น ABCD-EFGH-JKMN"),
        error_messages={"required": _("กรุณากรอกรหัสติดตาม")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
