"""Forms of the procurement pages. Choice fields over tenant rows start empty and are filled per agency."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField, ThaiIDField
from prongsai.core.forms import CanonicalChoices, limit_choices
from prongsai.core.models import Agency
from prongsai.core.thai import format_month

from . import parameters
from .models import (
    Announcement,
    AnnouncementKind,
    EgpStatus,
    Method,
    PlanItem,
    Procurement,
    ProcurementPlan,
    ProcurementProfile,
)
from .red_flags import FlagKind
from .selectors import months_of_year

REASON_HELP = _("เหตุผลจะแสดงในประวัติการแก้ไขบนหน้าสาธารณะ เช่น แก้ไขวันสิ้นสุดสัญญาให้ตรงกับสัญญา")


def _reason_field(label: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label or _("เหตุผลของการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )


class _ReasonWhenPublished:
    """Mixin: the reason field exists only when the record is published, and is then required."""

    published_message = _("รายการนี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข")

    def _setup_reason(self, published: bool) -> None:
        form: Any = self
        if not published:
            del form.fields["reason"]

    def clean_reason(self) -> str:
        form: Any = self
        reason = (form.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(self.published_message)
        return reason


class ProcurementForm(_ReasonWhenPublished, forms.ModelForm):
    vendor_tax_id = ThaiIDField(
        label=_("เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก"), required=False
    )
    vendor_name = forms.CharField(label=_("รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก"), max_length=300, required=False)
    announced_on = ThaiDateField(label=_("วันที่ประกาศเชิญชวน/เริ่มดำเนินการ"), required=False)
    contract_signed_on = ThaiDateField(label=_("วันที่ลงนามในสัญญา"), required=False)
    contract_ends_on = ThaiDateField(label=_("วันสิ้นสุดสัญญา"), required=False)
    plan_item: forms.ModelChoiceField[PlanItem] = forms.ModelChoiceField(
        queryset=PlanItem.objects.none(), required=False, label=_("รายการในแผนการจัดซื้อจัดจ้าง")
    )
    reason = _reason_field()

    class Meta:
        model = Procurement
        fields = [
            "fiscal_year",
            "title",
            "budget",
            "budget_source",
            "egp_status",
            "method",
            "category",
            "reference_price",
            "agreed_price",
            "egp_project_no",
            "contract_no",
            "announced_on",
            "contract_signed_on",
            "contract_ends_on",
            "selection_reason",
            "plan_item",
        ]
        widgets = {"selection_reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "plan_item", PlanItem.objects.filter(agency=agency).select_related("plan"))
        instance = self.instance
        if instance.pk and instance.vendor_id:
            self.fields["vendor_tax_id"].initial = instance.vendor.tax_id
            self.fields["vendor_name"].initial = instance.vendor.name
        if instance.pk and instance.is_published:
            self.fields["plan_item"].disabled = True
        self._setup_reason(bool(instance.pk and instance.is_published))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("vendor_name") and not data.get("vendor_tax_id"):
            self.add_error("vendor_tax_id", _("กรุณาใส่เลขประจำตัวผู้เสียภาษี 13 หลักของผู้ประกอบการ"))
        if data.get("vendor_tax_id") and not data.get("vendor_name"):
            self.add_error("vendor_name", _("กรุณาใส่ชื่อผู้ประกอบการ"))
        return data

    def validate_unique(self) -> None:
        # Uniqueness per agency (e-GP project number) is checked by the service, which knows the agency.
        return None


class BidderForm(forms.Form):
    prefix = "bidder"

    name = forms.CharField(label=_("ชื่อผู้เสนอราคา"), max_length=300)
    tax_id = ThaiIDField(label=_("เลขประจำตัวผู้เสียภาษี (ถ้ามี)"), required=False)
    price = forms.DecimalField(
        label=_("ราคาที่เสนอ (บาท)"), max_digits=15, decimal_places=2, min_value=0, required=False
    )
    is_winner = forms.BooleanField(label=_("เป็นผู้ได้รับการคัดเลือก"), required=False)
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับรายการที่เผยแพร่แล้ว)"), required=False)


class AmendmentForm(forms.Form):
    prefix = "amendment"

    signed_on = ThaiDateField(label=_("วันที่แก้ไขสัญญา"))
    description = forms.CharField(
        label=_("สาระสำคัญและเหตุผลของการแก้ไข"), widget=forms.Textarea(attrs={"rows": 2})
    )
    new_agreed_price = forms.DecimalField(
        label=_("ราคาใหม่ (บาท)"), max_digits=15, decimal_places=2, min_value=0, required=False
    )
    new_ends_on = ThaiDateField(label=_("วันสิ้นสุดสัญญาใหม่"), required=False)
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับรายการที่เผยแพร่แล้ว)"), required=False)


class PublishForm(forms.Form):
    """Publish the drafts the staff register shows: those of a year that match its search."""

    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)
    q = forms.CharField(label=_("ค้นหา"), max_length=200, required=False)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ที่ส่งออกจากระบบ e-GP"),
        help_text=_("ไฟล์ CSV หรือ XLSX ขนาดไม่เกิน 64 MB วันที่แบบ พ.ศ. เช่น 15 ม.ค. 67 ได้"),
    )


class PlanForm(_ReasonWhenPublished, forms.ModelForm):
    budget_approved_on = ThaiDateField(
        label=_("วันที่ข้อบัญญัติงบประมาณได้รับความเห็นชอบ/ได้รับจัดสรรงบประมาณ"), required=False
    )
    announced_on = ThaiDateField(label=_("วันที่ประกาศแผน"), required=False)
    reason = _reason_field()

    class Meta:
        model = ProcurementPlan
        fields = ["fiscal_year", "title", "budget_approved_on", "announced_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        published = bool(self.instance.pk and self.instance.is_published)
        if published:
            self.fields["fiscal_year"].disabled = True
        self._setup_reason(published)

    def validate_unique(self) -> None:
        return None


class PlanItemForm(forms.Form):
    prefix = "item"

    title = forms.CharField(label=_("งานที่ซื้อหรือจ้าง"), max_length=500)
    budget = forms.DecimalField(
        label=_("วงเงินงบประมาณที่ได้รับจัดสรร (บาท)"), max_digits=15, decimal_places=2, min_value=0
    )
    budget_source = forms.CharField(label=_("แหล่งที่มาของงบประมาณ"), max_length=200)
    method = forms.ChoiceField(label=_("วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง"), choices=Method.choices)
    expected_start = ThaiDateField(
        label=_("ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ"),
        help_text=_("วันใดก็ได้ในเดือนที่คาดว่าจะเริ่ม เช่น 01/03/2567 ระบบจะแสดงเป็นเดือน"),
    )
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับแผนที่เผยแพร่แล้ว)"), required=False)


class AnnouncementForm(_ReasonWhenPublished, forms.ModelForm):
    announced_on = ThaiDateField(label=_("วันที่ประกาศ"))
    procurement: forms.ModelChoiceField[Procurement] = forms.ModelChoiceField(
        queryset=Procurement.objects.none(), required=False, label=_("รายการจัดซื้อจัดจ้าง")
    )
    reason = _reason_field()

    class Meta:
        model = Announcement
        fields = ["kind", "title", "egp_project_no", "procurement", "fiscal_year", "announced_on", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "procurement", Procurement.objects.filter(agency=agency).order_by("-fiscal_year", "title")
        )
        published = bool(self.instance.pk and self.instance.is_published)
        if published:
            for name in ("procurement", "fiscal_year"):
                self.fields[name].disabled = True
        self._setup_reason(published)


class AttachmentForm(forms.Form):
    prefix = "file"

    file = forms.FileField(label=_("เอกสารประกาศ"), help_text=_("PDF, JPEG, PNG, DOCX หรือ XLSX"))
    title = forms.CharField(label=_("ชื่อเอกสาร"), max_length=255, required=False)
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับประกาศที่เผยแพร่แล้ว)"), required=False)


class AnnualNoteForm(forms.Form):
    problems = forms.CharField(
        label=_("ปัญหา/อุปสรรค"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    suggestions = forms.CharField(
        label=_("ข้อเสนอแนะ/แนวทางการปรับปรุง"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (สำหรับรายงานที่เผยแพร่แล้ว)"), required=False)


class RedFlagReviewForm(forms.Form):
    kind = forms.ChoiceField(choices=FlagKind.choices, widget=forms.HiddenInput)
    key = forms.CharField(max_length=200, widget=forms.HiddenInput)
    fiscal_year = forms.IntegerField(min_value=2500, max_value=2700, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("ความเห็นของผู้ตรวจสอบภายใน"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("เช่น ตรวจเอกสารแล้ว มีเหตุผลเพียงพอ หรือ ส่งเรื่องให้ตรวจสอบเพิ่มเติม"),
    )


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ProcurementProfile
        fields = ["ocid_prefix", "ministry", "agency_type_label", "require_review_before_publication"]

    def __init__(self, *args: Any, current: dict[str, Decimal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for definition in parameters.DEFINITIONS:
            self.fields[f"param_{definition.key}"] = forms.DecimalField(
                label=definition.label,
                help_text=definition.help,
                max_digits=15,
                decimal_places=2,
                min_value=0,
                initial=current[definition.key],
            )

    def parameter_values(self) -> dict[str, Decimal]:
        return {d.key: self.cleaned_data[f"param_{d.key}"] for d in parameters.DEFINITIONS}

    def validate_unique(self) -> None:
        return None


class RegisterFilterForm(forms.Form):
    """The public register's filters (GET). Invalid values are reported and ignored."""

    fy = forms.TypedChoiceField(label=_("ปีงบประมาณ"), coerce=int, required=False, empty_value=None)
    month = forms.ChoiceField(label=_("เดือนที่ลงนามในสัญญา"), required=False)
    method = forms.ChoiceField(label=_("วิธีการจัดซื้อจัดจ้าง"), required=False)
    status = forms.ChoiceField(label=_("สถานะ"), required=False)
    vendor = forms.ChoiceField(label=_("ผู้ประกอบการ"), required=False)
    q = forms.CharField(
        label=_("ค้นหา"), max_length=200, required=False, help_text=_("ชื่องาน ผู้ประกอบการ หรือเลขที่โครงการ")
    )

    def __init__(
        self,
        *args: Any,
        years: list[int],
        fiscal_year: int | None,
        vendors: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        everything: list[tuple[Any, Any]] = [("", _("ทั้งหมด"))]
        # A month can be chosen without choosing its year first: with no year, every year's months are
        # offered, grouped by fiscal year (the value names the month itself, so it needs no year).
        month_choices: list[tuple[Any, Any]] = (
            [(f"{y}-{m:02d}", format_month(y, m)) for y, m in months_of_year(fiscal_year)]
            if fiscal_year
            else [
                (
                    _("ปีงบประมาณ %(year)s") % {"year": year},
                    [(f"{y}-{m:02d}", format_month(y, m)) for y, m in months_of_year(year)],
                )
                for year in years
            ]
        )
        for name, choices in (
            ("fy", [(y, str(y)) for y in years]),
            ("month", month_choices),
            ("method", list(Method.choices)),
            ("status", list(EgpStatus.choices)),
            ("vendor", vendors),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
            field.choices = CanonicalChoices(everything + choices)

    def month_value(self) -> tuple[int, int] | None:
        value = self.cleaned_data.get("month") or ""
        if not value:
            return None
        year, month = value.split("-")
        return int(year), int(month)


ANNOUNCEMENT_KIND_CHOICES = [("", _("ทุกประเภท")), *AnnouncementKind.choices]
