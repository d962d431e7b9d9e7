from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.core.forms import limit_choices
from prongsai.core.models import Agency, Person, Position
from prongsai.people import catalogue
from prongsai.people.models import (
    ConductGuide,
    Course,
    EthicsCode,
    EthicsReport,
    GroupMember,
    HrRule,
    StaffPost,
    WorkingGroup,
)

REASON_HELP = _("รายการที่เผยแพร่แล้วแก้ไขได้โดยระบุเหตุผล ซึ่งจะแสดงในประวัติการแก้ไขต่อสาธารณะ")


def _year_ok(form: forms.BaseForm, data: dict[str, Any], name: str = "fiscal_year") -> None:
    year = data.get(name)
    if year and not 2400 <= year <= 2700:
        form.add_error(name, _("กรุณากรอกปีงบประมาณเป็นปี พ.ศ. เช่น 2567"))


class PublishedRecordForm(forms.ModelForm):
    """A form of a published-record model: a published one asks for the reason of the correction."""

    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.instance.pk and self.instance.is_published):
            del self.fields["reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "reason" in self.fields and not (data.get("reason") or "").strip():
            self.add_error("reason", _("รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข"))
        _year_ok(self, data)
        return data

    def validate_unique(self) -> None:
        # Uniqueness per agency is checked by the service, which knows the agency.
        return None

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or []}


class PostForm(forms.ModelForm):
    established_on = ThaiDateField(label=_("กำหนดตำแหน่งเมื่อ"))
    abolished_on = ThaiDateField(label=_("ยุบเลิกตำแหน่งเมื่อ"), required=False)
    position_type = forms.ChoiceField(label=_("ประเภทตำแหน่ง"), choices=())
    position = forms.ModelChoiceField(queryset=Position.objects.none(), label=_("ตำแหน่ง"))

    class Meta:
        model = StaffPost
        fields = ["position", "code", "position_type", "established_on", "abolished_on"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "position", Position.objects.filter(agency=agency).select_related("unit"))
        self.fields["position"].label_from_instance = (  # type: ignore[attr-defined]
            lambda obj: f"{obj.title_th} – {obj.unit.name_th}"
        )
        self.fields["position_type"].choices = catalogue.position_type_choices()  # type: ignore[attr-defined]

    def validate_unique(self) -> None:
        return None

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def _person_field(agency: Agency, label: Any) -> forms.ModelChoiceField[Person]:
    field: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=label, queryset=Person.objects.filter(agency=agency).order_by("-is_current", "first_name")
    )
    field.label_from_instance = lambda obj: obj.full_name  # type: ignore[method-assign]
    return field


class TenureStartForm(forms.Form):
    started_on = ThaiDateField(label=_("ดำรงตำแหน่งตั้งแต่"))

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {"person": _person_field(agency, _("ผู้ดำรงตำแหน่ง")), **self.fields}


class TenureEndForm(forms.Form):
    ended_on = ThaiDateField(label=_("พ้นจากตำแหน่งเมื่อ"))


class HrRuleForm(PublishedRecordForm):
    effective_on = ThaiDateField(label=_("ใช้บังคับตั้งแต่"))
    document_upload = forms.FileField(label=_("เอกสาร (PDF)"), required=False)

    class Meta:
        model = HrRule
        fields = ["topic", "title", "body", "effective_on", "signer_name", "signer_position"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class CourseForm(forms.ModelForm):
    starts_on = ThaiDateField(label=_("วันที่เริ่ม"))
    ends_on = ThaiDateField(label=_("วันที่สิ้นสุด"))

    class Meta:
        model = Course
        fields = ["title", "topic", "starts_on", "ends_on", "hours", "provider", "cost"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม"))
        return data

    def _post_clean(self) -> None:
        # The course's fiscal year is set by the service from its first day; model validation runs there.
        return None

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AttendanceForm(forms.Form):
    certificate = forms.FileField(label=_("วุฒิบัตร/ใบประกาศ (PDF หรือรูปภาพ)"), required=False)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {"person": _person_field(agency, _("ผู้เข้ารับการฝึกอบรม")), **self.fields}


class EthicsCodeForm(PublishedRecordForm):
    issued_on = ThaiDateField(label=_("ประกาศเมื่อ"))
    kind = forms.ChoiceField(label=_("ใช้บังคับกับ"), choices=())
    document_upload = forms.FileField(label=_("เอกสาร (PDF)"), required=False)

    class Meta:
        model = EthicsCode
        fields = ["kind", "title", "issued_on", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = catalogue.code_kind_choices()  # type: ignore[attr-defined]


class WorkingGroupForm(PublishedRecordForm):
    ordered_on = ThaiDateField(label=_("ลงวันที่"))
    order_upload = forms.FileField(label=_("คำสั่งแต่งตั้ง (PDF)"), required=False)

    class Meta:
        model = WorkingGroup
        fields = ["fiscal_year", "title", "order_number", "ordered_on", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 4})}


class GroupMemberForm(forms.Form):
    role = forms.ChoiceField(label=_("บทบาท"), choices=GroupMember.Role.choices)
    order = forms.IntegerField(label=_("ลำดับ"), min_value=0, initial=0)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {"person": _person_field(agency, _("บุคลากร")), **self.fields}


class ConductGuideForm(PublishedRecordForm):
    announced_on = ThaiDateField(label=_("ประกาศเมื่อ"))

    class Meta:
        model = ConductGuide
        fields = ["fiscal_year", "title", "dos", "donts", "announced_on"]
        widgets = {"dos": forms.Textarea(attrs={"rows": 6}), "donts": forms.Textarea(attrs={"rows": 6})}


class EthicsReportForm(PublishedRecordForm):
    reported_on = ThaiDateField(label=_("วันที่รายงาน"))

    class Meta:
        model = EthicsReport
        fields = [
            "fiscal_year",
            "summary",
            "assessment",
            "problems",
            "suggestions",
            "reported_on",
            "signer_name",
            "signer_position",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "assessment": forms.Textarea(attrs={"rows": 4}),
            "problems": forms.Textarea(attrs={"rows": 3}),
            "suggestions": forms.Textarea(attrs={"rows": 3}),
        }
