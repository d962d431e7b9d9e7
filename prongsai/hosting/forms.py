from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField
from prongsai.core.models import Agency, Operator
from prongsai.core.org_defaults import OFFICE_NAMES

KIND_CHOICES = [("", _("— เลือกประเภท —"))] + [
    (kind, f"{Agency.Kind(kind).label} ({names.short})") for kind, names in OFFICE_NAMES.items()
]

COLOUR_HELP = _("รหัสสีแบบ #RRGGBB เว้นว่างไว้เพื่อใช้สีมาตรฐาน")


class AgencyCreateForm(forms.Form):
    name_th = forms.CharField(
        label=_("ชื่อหน่วยงาน (ไทย)"), max_length=200, help_text=_("เช่น องค์การบริหารส่วนตำบลหนองบัว")
    )
    short_name_th = forms.CharField(
        label=_("ชื่อย่อ"), max_length=100, required=False, help_text=_("เช่น อบต.หนองบัว")
    )
    name_en = forms.CharField(label=_("ชื่อหน่วยงาน (อังกฤษ)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("ประเภทหน่วยงาน"), choices=KIND_CHOICES)
    code = forms.CharField(
        label=_("รหัสหน่วยงาน"),
        max_length=40,
        help_text=_("อักษรอังกฤษตัวเล็ก ตัวเลข หรือขีด เช่น nongbua ใช้ในที่อยู่ข้อมูลเปิดและรหัส OCDS เปลี่ยนภายหลังไม่ได้"),
    )
    province = forms.CharField(label=_("จังหวัด"), max_length=100)
    district = forms.CharField(label=_("อำเภอ"), max_length=100, required=False)
    subdistrict = forms.CharField(label=_("ตำบล"), max_length=100, required=False)
    hosts = forms.CharField(
        label=_("ชื่อโฮสต์ของเว็บไซต์"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("บรรทัดละหนึ่งชื่อ เช่น nongbua.go.th"),
    )
    logo = forms.FileField(label=_("ตราสัญลักษณ์ (PNG หรือ JPEG)"), required=False)
    brand_colour = forms.CharField(
        label=_("สีหลักของเว็บไซต์"), max_length=7, required=False, help_text=COLOUR_HELP
    )
    accent_colour = forms.CharField(
        label=_("สีรองของเว็บไซต์"), max_length=7, required=False, help_text=COLOUR_HELP
    )
    answer_date = ThaiDateField(
        label=_("วันที่ตอบแบบ OIT ในระบบ ITAS ของปีงบประมาณนี้"),
        required=False,
        help_text=_("เว้นว่างไว้เพื่อใช้วันที่ตามปฏิทิน ITAS ของสำนักงาน ป.ป.ช. หน่วยงานแก้ไขเองได้ภายหลัง"),
    )
    admin_first_name = forms.CharField(label=_("ชื่อผู้ดูแลระบบของหน่วยงาน"), max_length=150)
    admin_last_name = forms.CharField(label=_("นามสกุลผู้ดูแลระบบ"), max_length=150)
    admin_username = forms.CharField(label=_("ชื่อผู้ใช้ของผู้ดูแลระบบ"), max_length=150)
    admin_email = forms.EmailField(label=_("อีเมลของผู้ดูแลระบบ"))

    def clean_hosts(self) -> list[str]:
        value: str = self.cleaned_data["hosts"]
        return [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผล"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class DeleteForm(ReasonForm):
    confirm_code = forms.CharField(
        label=_("พิมพ์รหัสหน่วยงานเพื่อยืนยันการลบ"),
        max_length=40,
        help_text=_("การลบเป็นการลบข้อมูลทั้งหมดของหน่วยงานออกจากระบบ ย้อนกลับไม่ได้"),
    )


class OcdsPrefixForm(forms.Form):
    """The operator's registered OCDS prefix. The format is checked by the service (the model field's
    validators), whose Thai error is shown next to this field; no length limit here, so that a prefix typed
    with the agency code appended gets that error rather than a bare "too long"."""

    ocds_prefix = Operator._meta.get_field("ocds_prefix").formfield(max_length=None)
