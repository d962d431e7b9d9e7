"""Forms of the government-property app. Every error message is a Thai sentence that says what to do."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.assets import selectors
from prongsai.assets.models import Asset, AssetType, Classification, Condition, FundSource, LendingRules, Loan
from prongsai.core.fields import ThaiDateField, ThaiPhoneField
from prongsai.core.forms import decision_confirm_field, limit_choices
from prongsai.core.models import Agency, OrgUnit, User
from prongsai.core.safeguards import GuardedForm

PRIVATE_USE_REFUSED = _(
    "ทรัพย์สินของราชการให้ยืมได้เฉพาะเพื่อใช้ในราชการหรือกิจกรรมสาธารณประโยชน์เท่านั้น "
    "ห้ามยืมไปใช้ประโยชน์ส่วนตัวหรือของพวกพ้อง กรุณาเลือกลักษณะการใช้จากรายการ"
)


def _user_label(user: User) -> str:
    return user.get_full_name() or user.username


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _user_label(obj)


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _user_label(obj)


class AssetTypeForm(forms.Form):
    code = forms.CharField(label=_("รหัสประเภท"), max_length=10, help_text=_("เช่น 416"))
    name_th = forms.CharField(label=_("ชื่อประเภท"), max_length=150)
    classification = forms.ChoiceField(label=_("ประเภทตามการจำแนกงบประมาณ"), choices=Classification.choices)
    useful_life_years = forms.IntegerField(
        label=_("อายุการใช้งาน (ปี)"),
        min_value=1,
        max_value=100,
        help_text=_("ตามหลักเกณฑ์ของกรมบัญชีกลางสำหรับครุภัณฑ์ประเภทนี้"),
    )


class AssetForm(forms.Form):
    asset_type = forms.ModelChoiceField(
        queryset=AssetType.objects.none(),
        label=_("ประเภทครุภัณฑ์"),
        error_messages={
            "required": _("กรุณาเลือกประเภทครุภัณฑ์"),
            "invalid_choice": _("กรุณาเลือกประเภทครุภัณฑ์จากรายการ"),
        },
    )
    name = forms.CharField(label=_("ชื่อ ยี่ห้อ และรุ่น"), max_length=300)
    description = forms.CharField(
        label=_("รายละเอียด"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    acquired_on = ThaiDateField(label=_("วันที่ได้มา"))
    price = forms.DecimalField(
        label=_("ราคาที่ได้มา (บาท)"),
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={"invalid": _("กรุณากรอกราคาเป็นตัวเลข เช่น 25000 หรือ 25000.50")},
    )
    fund_source = forms.ChoiceField(label=_("แหล่งเงิน"), choices=FundSource.choices)
    location = forms.CharField(label=_("สถานที่ตั้ง/เก็บรักษา"), max_length=200)
    custodian_unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("ส่วนงานที่ดูแล"))
    custodian = UserChoiceField(queryset=User.objects.none(), label=_("เจ้าหน้าที่ผู้ดูแล"), required=False)
    condition = forms.ChoiceField(label=_("สภาพ"), choices=Condition.choices, initial=Condition.GOOD)
    lendable = forms.BooleanField(label=_("ให้ยืมได้"), required=False)
    lendable_to_public = forms.BooleanField(label=_("ให้ประชาชนยืมได้ (เช่น เต็นท์ โต๊ะ เก้าอี้)"), required=False)
    procurement = forms.ModelChoiceField(
        queryset=Asset.objects.none(), label=_("โครงการจัดซื้อจัดจ้างที่ได้มา"), required=False
    )

    def __init__(self, *args: Any, agency: Agency, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "asset_type", selectors.types_of(agency))
        limit_choices(self, "custodian_unit", selectors.units_of(agency))
        limit_choices(self, "custodian", selectors.members_of(agency))
        limit_choices(self, "procurement", selectors.procurements_for_link(agency))
        if editing:
            for name in ("asset_type", "acquired_on"):
                del self.fields[name]


class PhotoForm(forms.Form):
    photos = forms.ImageField(label=_("ภาพถ่ายครุภัณฑ์"), error_messages={"required": _("กรุณาเลือกภาพถ่าย")})


class WriteOffForm(forms.Form):
    method = forms.ChoiceField(label=_("วิธีการจำหน่าย"), choices=Asset.DisposalMethod.choices)
    reference = forms.CharField(label=_("เลขที่หนังสืออนุมัติให้จำหน่าย"), max_length=100)
    fact_finding = forms.CharField(
        label=_("ผลการสอบข้อเท็จจริง (กรณีชำรุดหรือสูญไป)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    on = ThaiDateField(label=_("วันที่จำหน่าย"), required=False)


class RulesForm(forms.Form):
    who_may_borrow = forms.CharField(label=_("ผู้มีสิทธิ์ยืม"), widget=forms.Textarea(attrs={"rows": 3}))
    purposes = forms.CharField(label=_("วัตถุประสงค์ที่ให้ยืมได้"), widget=forms.Textarea(attrs={"rows": 3}))
    how_to_ask = forms.CharField(label=_("วิธีขอยืม"), widget=forms.Textarea(attrs={"rows": 4}))
    premises_max_days = forms.IntegerField(
        label=_("ยืมใช้ภายในสถานที่ราชการได้ไม่เกิน (วัน)"), min_value=1, max_value=365
    )
    outside_max_days = forms.IntegerField(
        label=_("ยืมไปใช้นอกสถานที่ราชการได้ไม่เกิน (วัน)"), min_value=1, max_value=365
    )
    follow_up_days = forms.IntegerField(
        label=_("ติดตามทวงคืนภายใน (วัน) นับจากวันครบกำหนด"), min_value=1, max_value=60
    )
    on_damage = forms.CharField(label=_("กรณีชำรุดเสียหายหรือสูญหาย"), widget=forms.Textarea(attrs={"rows": 3}))
    public_lending = forms.CharField(
        label=_("การให้ประชาชนยืม"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(label=_("เหตุผลของการแก้ไข (เมื่อคู่มือเผยแพร่แล้ว)"), required=False, max_length=300)

    @classmethod
    def initial_of(cls, rules: LendingRules | None) -> dict[str, Any]:
        if rules is None:
            return {}
        return {name: getattr(rules, name) for name in LendingRules.snapshot_fields}


def _purpose_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("ลักษณะการใช้"),
        choices=Loan.Purpose.choices,
        error_messages={"invalid_choice": PRIVATE_USE_REFUSED, "required": _("กรุณาเลือกลักษณะการใช้")},
        help_text=_("ไม่มีการให้ยืมเพื่อใช้ประโยชน์ส่วนตัว"),
    )


class LoanRequestForm(forms.Form):
    asset = forms.ModelChoiceField(
        queryset=Asset.objects.none(),
        label=_("ครุภัณฑ์ที่ขอยืม"),
        error_messages={
            "required": _("กรุณาเลือกครุภัณฑ์ที่ต้องการยืม"),
            "invalid_choice": _("กรุณาเลือกครุภัณฑ์จากรายการที่ให้ยืมได้"),
        },
    )
    purpose = _purpose_field()
    reason = forms.CharField(
        label=_("เหตุผลและงานที่จะใช้"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    place = forms.ChoiceField(label=_("สถานที่ใช้"), choices=Loan.Place.choices, widget=forms.RadioSelect)
    use_location = forms.CharField(label=_("สถานที่นำไปใช้ (กรณีนอกสถานที่ราชการ)"), max_length=200, required=False)
    starts_on = ThaiDateField(label=_("ยืมตั้งแต่วันที่"))
    due_on = ThaiDateField(label=_("กำหนดส่งคืน"))
    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "asset", selectors.lendable_assets(agency))


class PublicLoanForm(GuardedForm):
    """A citizen's request to borrow an item the agency lends to the community."""

    purpose = "asset-loan"

    asset = forms.ModelChoiceField(
        queryset=Asset.objects.none(),
        label=_("สิ่งของที่ขอยืม"),
        error_messages={
            "required": _("กรุณาเลือกสิ่งของที่ต้องการยืม"),
            "invalid_choice": _("กรุณาเลือกจากรายการที่ให้ประชาชนยืมได้"),
        },
    )
    reason = forms.CharField(
        label=_("ใช้ในกิจกรรมใด"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    use_location = forms.CharField(label=_("สถานที่จัดกิจกรรม"), max_length=200)
    starts_on = ThaiDateField(label=_("ยืมตั้งแต่วันที่"))
    due_on = ThaiDateField(label=_("กำหนดส่งคืน"))
    borrower_name = forms.CharField(label=_("ชื่อผู้ยืม (บุคคลหรือชุมชน)"), max_length=150)
    borrower_phone = ThaiPhoneField(label=_("โทรศัพท์"))
    borrower_email = forms.EmailField(label=_("อีเมล (ถ้ามี)"), required=False)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "asset", selectors.lendable_assets(agency, public=True))


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("ความเห็น"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = decision_confirm_field()


class LoanRejectionForm(DecisionForm):
    """Refusing a loan always says why (the borrower reads it); checked with the confirmation."""

    def clean_note(self) -> str:
        note = str(self.cleaned_data.get("note") or "").strip()
        if not note:
            raise forms.ValidationError(_("กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ขอยืมจะเห็นเหตุผลนี้"))
        return note


class ReturnForm(forms.Form):
    condition = forms.ChoiceField(label=_("สภาพเมื่อรับคืน"), choices=Condition.choices)
    note = forms.CharField(
        label=_("บันทึกการรับคืน"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("ถ้าชำรุดหรือสูญหาย ระบุสิ่งที่เกิดขึ้นและการชดใช้ของผู้ยืม"),
    )


class AppointForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)
    order_reference = forms.CharField(label=_("เลขที่คำสั่งแต่งตั้ง"), max_length=100)
    appointed_on = ThaiDateField(label=_("วันที่แต่งตั้ง"))
    committee = UserMultipleChoiceField(
        queryset=User.objects.none(),
        label=_("กรรมการ"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("ต้องไม่เป็นผู้ดูแลครุภัณฑ์"),
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "committee", selectors.members_of(agency))


class CheckForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    result = forms.ChoiceField(label=_("ผลการตรวจ"), choices=Condition.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, max_length=500)
    photo = forms.ImageField(label=_("ภาพถ่าย (ถ้ามี)"), required=False)


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("ความเห็นของคณะกรรมการ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class LedgerForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ทะเบียนครุภัณฑ์ (.xlsx)"),
        help_text=_(
            "หัวคอลัมน์: รหัสครุภัณฑ์, ชื่อ ยี่ห้อ และรุ่น, วันที่ได้มา, ราคาที่ได้มา (บาท), ส่วนงานที่ดูแล "
            "และถ้ามี: แหล่งเงิน, สถานที่ตั้ง/เก็บรักษา, สภาพ"
        ),
        error_messages={"required": _("กรุณาเลือกไฟล์ทะเบียนครุภัณฑ์")},
    )
