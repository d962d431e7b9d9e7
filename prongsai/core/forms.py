"""Forms of the core back office and of signing in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import QuerySet
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField, ThaiPhoneField
from prongsai.core.models import Agency, OrgUnit, Person, Position
from prongsai.core.roles import Role


class CanonicalChoices(BaseChoiceIterator):
    """Choices already in Django's canonical form, ``[(value, label), (group, [(value, label), ...]), ...]``,
    passed to a field as they are.

    Setting ``field.choices`` normalises the list twice (for the field and for its widget), recursing into
    every pair: for the register's filter (every month of every year, every vendor) that was two thirds of
    building the form, on every uncached register page. A list made here is canonical already."""

    def __init__(self, choices: list[tuple[Any, Any]]) -> None:
        self.choices = choices

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)


def limit_choices(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer ``queryset`` (the current agency's rows) as the choices of a model choice field."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


def decision_confirm_field() -> forms.BooleanField:
    """The tick a member gives before an approval or a rejection is recorded: the decision is told to the
    citizen at once and cannot be taken back, so one click on the wrong button must not decide it. A
    checkbox (not a script's dialog) works without JavaScript and is read by screen readers."""
    return forms.BooleanField(
        label=_("ข้าพเจ้าตรวจสอบแล้ว และยืนยันผลการพิจารณานี้ (บันทึกแล้วแก้ไขไม่ได้ ระบบแจ้งผลทันที)"),
        required=True,
        error_messages={"required": _("กรุณาทำเครื่องหมายยืนยันผลการพิจารณาก่อนบันทึก")},
    )


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาลองใหม่ (ตัวพิมพ์เล็ก-ใหญ่มีผล)"),
        "inactive": _("บัญชีนี้ถูกระงับการใช้งาน กรุณาติดต่อผู้ดูแลระบบของหน่วยงาน"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["password"].label = _("รหัสผ่าน")


class OTPTokenForm(forms.Form):
    token = forms.CharField(
        label=_("รหัสยืนยัน 6 หลักจากแอปยืนยันตัวตน"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
        error_messages={"required": _("กรุณากรอกรหัสยืนยัน 6 หลัก"), "min_length": _("รหัสยืนยันต้องมี 6 หลัก")},
    )

    def clean_token(self) -> str:
        from prongsai.core.thai import to_arabic_digits

        token = to_arabic_digits(self.cleaned_data["token"]).replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("รหัสยืนยันต้องเป็นตัวเลขเท่านั้น"))
        return token


class AgencyProfileForm(forms.ModelForm):
    website = forms.URLField(label=_("เว็บไซต์หลัก"), required=False, assume_scheme="https")
    phones_text = forms.CharField(
        label=_("หมายเลขโทรศัพท์"),
        required=False,
        help_text=_("หลายหมายเลขให้คั่นด้วยเครื่องหมายจุลภาค เช่น 044-810-123, 081-234-5678"),
    )

    class Meta:
        model = Agency
        fields = [
            "name_th",
            "name_en",
            "short_name_th",
            "address",
            "postal_code",
            "fax",
            "email",
            "website",
            "latitude",
            "longitude",
            "office_hours",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["phones_text"].initial = ", ".join(self.instance.phones or [])

    def clean_phones_text(self) -> list[str]:
        field = ThaiPhoneField()
        phones = []
        for raw in (self.cleaned_data.get("phones_text") or "").split(","):
            if raw.strip():
                phones.append(field.clean(raw.strip()))
        return phones


class OrgUnitForm(forms.ModelForm):
    # Choice fields over tenant models start empty and are filled per agency in __init__: a form that forgot
    # to do so offers nothing rather than every agency's rows (and no query runs at import time).
    parent: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("สังกัด")
    )

    class Meta:
        model = OrgUnit
        fields = ["side", "parent", "name_th", "name_en", "duties", "phone", "order"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = OrgUnit.objects.filter(agency=agency)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        limit_choices(self, "parent", parents)
        self.fields["phone"] = ThaiPhoneField(label=_("โทรศัพท์"), required=False)


class PositionForm(forms.ModelForm):
    unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=_("ส่วนงาน")
    )

    class Meta:
        model = Position
        fields = ["unit", "title_th", "title_en", "level", "order"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "unit", OrgUnit.objects.filter(agency=agency))


class PersonForm(forms.ModelForm):
    position: forms.ModelChoiceField[Position] = forms.ModelChoiceField(
        queryset=Position.objects.none(), label=_("ตำแหน่ง")
    )
    photo_upload = forms.FileField(
        label=_("รูปถ่าย"),
        required=False,
        help_text=_("ไฟล์ JPEG หรือ PNG ระบบจะลบข้อมูลแฝง (เช่น พิกัด GPS) ก่อนเผยแพร่"),
    )

    class Meta:
        model = Person
        fields = ["position", "prefix", "first_name", "last_name", "phone", "email", "order", "is_current"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "position", Position.objects.filter(agency=agency).select_related("unit"))
        self.fields["phone"] = ThaiPhoneField(label=_("โทรศัพท์"), required=False)


class MemberForm(forms.Form):
    username = forms.RegexField(
        label=_("ชื่อผู้ใช้"),
        regex=r"^[a-z0-9._-]{3,40}$",
        error_messages={"invalid": _("ชื่อผู้ใช้ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข จุด ขีด และขีดล่าง 3–40 ตัว")},
    )
    first_name = forms.CharField(label=_("ชื่อ"), max_length=100, required=False)
    last_name = forms.CharField(label=_("นามสกุล"), max_length=100, required=False)
    email = forms.EmailField(label=_("อีเมล"), required=False)
    role = forms.ChoiceField(label=_("บทบาท"), choices=Role.choices)


class DayOffForm(forms.Form):
    date = ThaiDateField(label=_("วันที่"))
    name_th = forms.CharField(label=_("เหตุผล/ชื่อวันหยุด"), max_length=200)
