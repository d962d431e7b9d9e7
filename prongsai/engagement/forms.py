"""Forms of the Q&A board and the participation records. Every error message is a Thai sentence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.core.safeguards import GuardedForm
from prongsai.engagement.models import QUESTION_BODY_MAX, ParticipationActivity

REASON_HELP = _("เหตุผลจะแสดงในประวัติการแก้ไขบนหน้าสาธารณะ เช่น แก้ไขจำนวนผู้เข้าร่วมให้ถูกต้อง")


class QuestionForm(GuardedForm):
    purpose = "question"

    title = forms.CharField(
        label=_("หัวข้อคำถาม"),
        max_length=200,
        help_text=_("สั้น ๆ ให้รู้ว่าถามเรื่องอะไร เช่น ขั้นตอนการขอใบอนุญาตก่อสร้าง"),
        error_messages={
            "required": _("กรุณากรอกหัวข้อคำถาม"),
            "max_length": _("หัวข้อคำถามยาวเกิน 200 ตัวอักษร กรุณาย่อให้สั้นลง"),
        },
    )
    body = forms.CharField(
        label=_("รายละเอียดคำถาม"),
        max_length=QUESTION_BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("คำถามจะแสดงต่อสาธารณะหลังเจ้าหน้าที่ตรวจสอบ กรุณาอย่าใส่เลขประจำตัวประชาชน ที่อยู่ หรือเบอร์โทรศัพท์"),
        error_messages={
            "required": _("กรุณาพิมพ์รายละเอียดคำถาม"),
            "max_length": _("รายละเอียดคำถามยาวเกิน 4,000 ตัวอักษร กรุณาย่อให้สั้นลง"),
        },
    )
    asker_name = forms.CharField(
        label=_("ชื่อที่ให้แสดง (ไม่บังคับ)"),
        max_length=100,
        required=False,
        help_text=_("เว้นว่างได้ หากกรอก ชื่อนี้จะแสดงคู่กับคำถามบนเว็บไซต์"),
        error_messages={"max_length": _("ชื่อยาวเกิน 100 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )
    asker_email = forms.EmailField(
        label=_("อีเมลสำหรับรับแจ้งเมื่อได้รับคำตอบ (ไม่บังคับ)"),
        required=False,
        help_text=_("ไม่แสดงต่อสาธารณะ ใช้แจ้งเมื่อคำถามได้รับคำตอบเท่านั้น และลบเมื่อครบ 180 วันหลังตอบ"),
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง กรุณาตรวจสอบ เช่น name@example.com หรือเว้นว่างไว้")},
    )


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("รหัสติดตาม"),
        max_length=30,
        help_text=_("รหัส 12 ตัวที่ได้รับหลังส่งเรื่อง เช่น ABCD-EFGH-JKMN"),
        error_messages={"required": _("กรุณากรอกรหัสติดตาม")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


# --- staff: moderation and answers --------------------------------------------------------------------------


class ModerateForm(forms.Form):
    """A pending question: the wording that will be published (the moderator may edit it, e.g. to remove
    personal data) and, optionally, its answer."""

    title = forms.CharField(
        label=_("หัวข้อคำถาม (แก้ไขถ้อยคำได้ก่อนเผยแพร่)"),
        max_length=200,
        error_messages={"required": _("กรุณากรอกหัวข้อคำถาม")},
    )
    body = forms.CharField(
        label=_("รายละเอียดคำถาม (แก้ไขถ้อยคำได้ก่อนเผยแพร่)"),
        max_length=QUESTION_BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("กรุณากรอกรายละเอียดคำถาม")},
    )
    answer = forms.CharField(
        label=_("คำตอบ (เว้นว่างได้หากจะเผยแพร่คำถามก่อนแล้วตอบภายหลัง)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("คำตอบจะแสดงต่อสาธารณะพร้อมคำถาม และแจ้งผู้ถามทางอีเมลหากให้ไว้"),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("คำตอบ"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("คำตอบจะแสดงต่อสาธารณะพร้อมคำถาม และแจ้งผู้ถามทางอีเมลหากให้ไว้"),
        error_messages={"required": _("กรุณาพิมพ์คำตอบ")},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ไม่เผยแพร่"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("ผู้ถามจะเห็นเหตุผลนี้ในหน้าติดตามคำถาม เช่น ข้อความไม่เกี่ยวกับภารกิจของหน่วยงาน"),
        error_messages={"required": _("กรุณาระบุเหตุผลที่ไม่เผยแพร่")},
    )


class ReviseAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("คำตอบฉบับแก้ไข"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("กรุณาพิมพ์คำตอบ")},
    )
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
        error_messages={"required": _("กรุณาระบุเหตุผลของการแก้ไข")},
    )


# --- staff: participation records ---------------------------------------------------------------------------

GROUP_SUGGESTIONS = (
    "ประชาชนทั่วไป",
    "ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน)",
    "สมาชิกสภาองค์การบริหารส่วนตำบล",
    "ผู้แทนส่วนราชการและหน่วยงานในพื้นที่",
    "ผู้แทนกลุ่มอาชีพและภาคเอกชน",
    "เด็กและเยาวชน",
    "ผู้สูงอายุ",
    "คนพิการ",
    "อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)",
)


class ParticipationForm(forms.ModelForm):
    activity_date = ThaiDateField(
        label=_("วันที่จัดกิจกรรม"), error_messages={"required": _("กรุณากรอกวันที่จัดกิจกรรม")}
    )
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )

    class Meta:
        model = ParticipationActivity
        fields = [
            "title",
            "kind",
            "stage",
            "activity_date",
            "location",
            "description",
            "results",
            "use_of_results",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 5}),
            "use_of_results": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": _("กรุณากรอกประเด็นหรือเรื่องในการมีส่วนร่วม")},
            "results": {"required": _("กรุณาสรุปผลจากการมีส่วนร่วม")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and self.instance.is_published):
            del self.fields["reason"]

    def clean_reason(self) -> str:
        reason = (self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(_("รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        return reason


class GroupForm(forms.Form):
    group = forms.CharField(
        label=_("กลุ่มผู้มีส่วนร่วม"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "participant-group-suggestions"}),
        error_messages={"max_length": _("ชื่อกลุ่มยาวเกิน 100 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )
    count = forms.IntegerField(
        label=_("จำนวน (คน)"),
        min_value=0,
        max_value=1_000_000,
        required=False,
        error_messages={
            "invalid": _("จำนวนต้องเป็นตัวเลขจำนวนเต็ม"),
            "min_value": _("จำนวนต้องไม่ติดลบ"),
            "max_value": _("จำนวนมากเกินไป กรุณาตรวจสอบอีกครั้ง"),
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        group, count = (cleaned.get("group") or "").strip(), cleaned.get("count")
        if group and count is None and "count" not in self.errors:
            self.add_error("count", _("กรุณากรอกจำนวนผู้มีส่วนร่วมของกลุ่มนี้"))
        if count is not None and not group:
            self.add_error("group", _("กรุณาระบุชื่อกลุ่มของจำนวนนี้"))
        return cleaned


GroupFormSet = forms.formset_factory(GroupForm, extra=3, max_num=30, absolute_max=30)


def groups_from_formset(formset: forms.BaseFormSet[GroupForm]) -> list[dict[str, Any]]:
    return [
        {"group": f.cleaned_data["group"].strip(), "count": f.cleaned_data["count"]}
        for f in formset.forms
        if f.cleaned_data.get("group")
    ]


def formset_initial(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"group": g.get("group", ""), "count": g.get("count")} for g in groups]


class AttachmentForm(forms.Form):
    prefix = "file"

    file = forms.FileField(
        label=_("ไฟล์"),
        help_text=_(
            "ภาพถ่ายกิจกรรม (JPEG, PNG) หรือเอกสาร (PDF, DOCX, XLSX) ภาพถ่ายจะถูกลบข้อมูลแฝง เช่น พิกัด GPS ก่อนเผยแพร่"
        ),
        error_messages={"required": _("กรุณาเลือกไฟล์ที่จะแนบ")},
    )
    title = forms.CharField(label=_("คำอธิบายไฟล์"), max_length=255, required=False)
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับรายการที่เผยแพร่แล้ว)"), required=False)
