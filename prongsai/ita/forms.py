from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.ita.catalogue_files import subjects
from prongsai.ita.models import BackfilledCount, Catalogue


class YearSettingForm(forms.Form):
    catalogue = forms.ModelChoiceField(
        queryset=Catalogue.objects.none(), label=_("ชุดเกณฑ์ที่แบบ OIT ในระบบ ITAS ใช้")
    )
    answer_date = ThaiDateField(label=_("วันที่ตอบแบบ OIT ในระบบ ITAS"), required=False)

    def __init__(self, *args: Any, fiscal_year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Catalogues are shared by every agency (national criteria), so no agency filter applies here.
        from prongsai.ita.selectors import provisional_catalogue

        choices = Catalogue.objects.filter(fiscal_year=fiscal_year)
        provisional = provisional_catalogue(fiscal_year)
        if provisional is not None:
            choices = Catalogue.objects.filter(pk=provisional.pk)
        self.fields["catalogue"].queryset = choices  # type: ignore[attr-defined]


class ManualEvidenceForm(forms.Form):
    subject = forms.ChoiceField(label=_("หัวข้อข้อมูล"))
    title = forms.CharField(label=_("ชื่อหลักฐาน"), max_length=300)
    url = forms.URLField(
        label=_("ที่อยู่หน้าเว็บบนเว็บไซต์หลักของหน่วยงาน"), required=False, assume_scheme="https", max_length=500
    )
    upload = forms.FileField(label=_("หรือแนบไฟล์ (PDF, JPEG, PNG, DOCX, XLSX)"), required=False)
    document_date = ThaiDateField(label=_("วันที่ของเอกสาร"), required=False)
    period_start = ThaiDateField(label=_("ข้อมูลตั้งแต่วันที่"), required=False)
    period_end = ThaiDateField(label=_("ข้อมูลถึงวันที่"), required=False)
    confirmed_checks = forms.MultipleChoiceField(
        label=_("องค์ประกอบที่มีในหลักฐานนี้"), required=False, widget=forms.CheckboxSelectMultiple
    )
    nil_report = forms.BooleanField(label=_("เป็นรายงานว่าไม่มีรายการ (เช่น ไม่มีเรื่องร้องเรียน)"), required=False)
    note = forms.CharField(label=_("คำอธิบายเพิ่มเติม"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, subject: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        vocabulary = subjects()
        self.fields["subject"].choices = [(k, s.title) for k, s in vocabulary.items()]  # type: ignore[attr-defined]
        chosen = (self.data.get("subject") if self.is_bound else None) or subject
        if chosen in vocabulary:
            self.fields["subject"].initial = chosen
            self.fields["confirmed_checks"].choices = list(vocabulary[chosen].checks.items())  # type: ignore[attr-defined]
        else:
            self.fields["confirmed_checks"].choices = [  # type: ignore[attr-defined]
                (key, f"{s.title}: {label}") for s in vocabulary.values() for key, label in s.checks.items()
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("url") and not data.get("upload"):
            raise forms.ValidationError(_("กรุณาระบุที่อยู่หน้าเว็บบนเว็บไซต์ของหน่วยงาน หรือแนบไฟล์หลักฐาน"))
        return data


class ResultsImportForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700)
    file = forms.FileField(
        label=_("ไฟล์ CSV ผลการประเมิน"),
        required=False,
        help_text=_("หัวตาราง kind,code,score เช่น indicator,1,98.38"),
    )
    text = forms.CharField(
        label=_("หรือกรอกคะแนนทีละบรรทัด"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("รูปแบบเดียวกับไฟล์ CSV: บรรทัดแรก kind,code,score ต่อด้วย total,,93.50 และ indicator,1,98.38"),
    )
    mismatch_reason = forms.CharField(
        label=_("เหตุผลที่ยืนยันแม้คะแนนรวมไม่ตรง (ถ้ามี)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("กรอกเฉพาะเมื่อระบบแจ้งว่าคะแนนรวมไม่ตรง และท่านตรวจสอบแล้วว่าตรงกับประกาศของ ป.ป.ช."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("กรุณาแนบไฟล์ CSV หรือกรอกคะแนนในช่องกรอกคะแนน"))
        return data

    def content(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            return bytes(upload.read())
        return str(self.cleaned_data.get("text") or "").encode("utf-8")


TOPIC_FIELDS = (
    ("findings", _("ผลการวิเคราะห์")),
    ("method", _("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ")),
    ("owner", _("ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง")),
    ("steps", _("ขั้นตอนหรือวิธีการปฏิบัติ")),
    ("period", _("ระยะเวลา")),
)


class AnalysisForm(forms.Form):
    """The analysis of a year's ITA result (seed measure 8.10): seven topics and the actions that follow."""

    result_year = forms.IntegerField(
        label=_("วิเคราะห์ผลการประเมินของปีงบประมาณ (พ.ศ.)"), min_value=2560, max_value=2700
    )
    summary = forms.CharField(
        label=_("สรุปผลการวิเคราะห์"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, topics: tuple[str, ...], published: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topic_titles = topics
        for number, title in enumerate(topics, start=1):
            for name, label in TOPIC_FIELDS:
                widget = (
                    forms.Textarea(attrs={"rows": 2}) if name in {"findings", "method", "steps"} else None
                )
                self.fields[f"topic_{number}_{name}"] = forms.CharField(
                    label=f"{number}. {title} – {label}", required=False, widget=widget
                )
        for name, label in (
            ("limitations", _("ข้อจำกัดของหน่วยงานในการดำเนินการประเมิน")),
            ("problems", _("ปัญหา/อุปสรรค")),
            ("suggestions", _("ข้อเสนอแนะ")),
        ):
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        if published:
            self.fields["reason"] = forms.CharField(
                label=_("เหตุผลของการแก้ไข"),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("การวิเคราะห์นี้เผยแพร่แล้ว การแก้ไขจะเป็นฉบับแก้ไขใหม่ และแสดงเหตุผลนี้ต่อสาธารณะ"),
                error_messages={"required": _("การวิเคราะห์นี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข")},
            )

    def topics(self) -> list[dict[str, str]]:
        return [
            {name: self.cleaned_data.get(f"topic_{n}_{name}", "") for name, _label in TOPIC_FIELDS}
            for n in range(1, len(self.topic_titles) + 1)
        ]


class BackfilledCountForm(forms.Form):
    month = ThaiDateField(label=_("เดือน (วันใดก็ได้ในเดือนนั้น)"))
    kind = forms.ChoiceField(label=_("ประเภท"), choices=BackfilledCount.Kind.choices)
    count = forms.IntegerField(label=_("จำนวนทั้งหมด"), min_value=0, max_value=1_000_000)
    completed = forms.IntegerField(
        label=_("ดำเนินการแล้วเสร็จ (สำหรับเรื่องร้องเรียน)"), min_value=0, max_value=1_000_000, required=False
    )
    reason = forms.CharField(
        label=_("เหตุผลและที่มาของตัวเลข"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("เช่น สรุปจากทะเบียนรับคำขอของสำนักปลัดก่อนเริ่มใช้ระบบ"),
    )
