"""Back-office forms of the citizen manual: the service's fields, its steps and its documents (the request
form's own fields are built in forms_builder.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.forms import limit_choices
from prongsai.core.models import Agency, OrgUnit

from .models import DurationUnit, RequiredDocument, Service


class ServiceForm(forms.ModelForm):
    owner_unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=_("หน่วยงานเจ้าของกระบวนงาน")
    )
    service_points_text = forms.CharField(
        label=_("สถานที่และวันเวลาให้บริการ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("บรรทัดละหนึ่งแห่ง: สถานที่ | วันและเวลา"),
    )
    reason = forms.CharField(
        label=_("เหตุผลของการแก้ไข (แสดงต่อสาธารณะ)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Service
        fields = [
            "code",
            "name_th",
            "description",
            "owner_unit",
            "category",
            "kind",
            "legal_basis",
            "related_laws",
            "channel_walk_in",
            "channel_eservice",
            "channel_one_stop",
            "conditions",
            "has_fee",
            "fee_amount",
            "fee_description",
            "complaint_channel",
            "privacy_notice",
            "remarks",
            "upload_max_mb",
            "order",
            "is_accepting",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "description",
                "legal_basis",
                "related_laws",
                "conditions",
                "fee_description",
                "complaint_channel",
                "privacy_notice",
                "remarks",
            )
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "owner_unit", OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER))
        if self.instance.pk:
            self.fields["service_points_text"].initial = "\n".join(
                f"{p.get('place', '')} | {p.get('hours', '')}" for p in self.instance.service_points
            )
            if self.instance.is_published:
                self.fields["code"].disabled = True
                self.fields["reason"].required = True
                self.fields["reason"].error_messages["required"] = _(
                    "กรุณาระบุเหตุผลของการแก้ไข ระบบจะแสดงเหตุผลนี้ในประวัติการแก้ไขต่อสาธารณะ"
                )
        else:
            del self.fields["reason"]

    def clean_service_points_text(self) -> list[dict[str, str]]:
        points = []
        for line in (self.cleaned_data.get("service_points_text") or "").splitlines():
            if line.strip():
                place, _sep, hours = line.partition("|")
                points.append({"place": place.strip(), "hours": hours.strip()})
        return points

    def service_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}
        if self.instance.pk and self.instance.is_published:
            data.pop("code", None)
        data["service_points"] = self.cleaned_data["service_points_text"]
        return data


class StepForm(forms.Form):
    # Initial values equal what an untouched browser row sends, so empty extra rows are skipped.
    name = forms.CharField(
        label=_("ขั้นตอน"), max_length=300, error_messages={"required": _("กรุณากรอกชื่อขั้นตอน")}
    )
    duration_value = forms.IntegerField(
        label=_("ระยะเวลา"),
        min_value=1,
        max_value=365,
        error_messages={"required": _("กรุณากรอกระยะเวลาของขั้นตอนเป็นตัวเลข")},
    )
    duration_unit = forms.ChoiceField(
        label=_("หน่วย"), choices=DurationUnit.choices, initial=DurationUnit.WORKING_DAYS
    )
    responsible_unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=_("ส่วนงานที่รับผิดชอบ"), required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "responsible_unit", OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER)
        )


class DocumentForm(forms.Form):
    name = forms.CharField(
        label=_("เอกสาร"), max_length=300, error_messages={"required": _("กรุณากรอกชื่อเอกสาร")}
    )
    original_or_copy = forms.ChoiceField(
        label=_("ฉบับจริง/สำเนา"), choices=RequiredDocument.Form.choices, initial=RequiredDocument.Form.ORIGINAL
    )
    copies = forms.IntegerField(label=_("จำนวน (ชุด)"), min_value=1, max_value=99, initial=1)
    note = forms.CharField(label=_("หมายเหตุ"), max_length=300, required=False)


StepFormSet = forms.formset_factory(StepForm, extra=2, can_delete=True)
DocumentFormSet = forms.formset_factory(DocumentForm, extra=2, can_delete=True)


def formset_rows(formset: forms.BaseFormSet[Any]) -> list[dict[str, Any]]:
    """The filled, not deleted rows of a valid formset, in order."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        rows.append({k: v for k, v in data.items() if k != "DELETE"})
    return rows
