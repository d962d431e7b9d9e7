"""Form fields for Thai input: Buddhist-era dates, 13-digit IDs and telephone numbers."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.phones import ThaiPhoneError, format_thai_phone, normalize_thai_phone
from prongsai.core.thai import ThaiDateError, format_date, parse_date
from prongsai.core.thaiid import format_thai_id, is_valid_thai_id, normalize_thai_id


class ThaiDateInput(forms.TextInput):
    """Shows a stored date as ``30/09/2567`` so staff read and type the Buddhist era."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return f"{value.day:02d}/{value.month:02d}/{value.year + 543}"
        return super().format_value(value)


class ThaiDateField(forms.Field):
    widget = ThaiDateInput
    default_error_messages = {
        "invalid": _("อ่านวันที่ไม่ได้ กรุณากรอกเช่น 30/09/2567 หรือ 30 กันยายน 2567"),
        "future": _("วันที่นี้ต้องไม่เกินวันนี้ กรุณาตรวจสอบวัน เดือน และปี พ.ศ. อีกครั้ง"),
    }

    def __init__(self, *, not_in_future: bool = False, **kwargs: Any) -> None:
        """``not_in_future``: a date that has happened (a birth date); a later one is refused in Thai."""
        kwargs.setdefault("help_text", _("ปี พ.ศ. เช่น 30/09/2567 หรือ 30 กันยายน 2567"))
        super().__init__(**kwargs)
        self.not_in_future = not_in_future
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("placeholder", _("วว/ดด/ปปปป"))

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            # A person types the four-digit year: a two-digit one is refused with a Thai message that names
            # the full year, never guessed (ADR 0124); the form shows the date back as typed.
            return parse_date(str(value), short_year=False)
        except ThaiDateError as exc:
            raise ValidationError(str(exc), code="invalid") from None

    def validate(self, value: Any) -> None:
        super().validate(value)
        if self.not_in_future and isinstance(value, date) and value > timezone.localdate():
            raise ValidationError(self.error_messages["future"], code="future")

    def prepare_value(self, value: Any) -> Any:
        return value

    def bound_data(self, data: Any, initial: Any) -> Any:
        """A form sent back shows a readable date in the Buddhist era, so a year typed in the Christian era
        (1962) is seen converted (2505) before the form is sent again; an unreadable one stays as typed."""
        try:
            parsed = self.to_python(data)
        except ValidationError:
            return data
        return parsed if parsed is not None else data


class ThaiIDField(forms.CharField):
    """A 13-digit citizen or taxpayer ID, checked by its check digit; cleaned to 13 digits."""

    default_error_messages = {
        "invalid": _("เลขประจำตัว 13 หลักไม่ถูกต้อง กรุณาตรวจสอบตัวเลขอีกครั้ง (หลักสุดท้ายเป็นเลขตรวจสอบ)"),
        "max_length": _("เลขประจำตัวต้องมี 13 หลัก กรุณาตรวจสอบตัวเลขอีกครั้ง"),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        if not is_valid_thai_id(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return normalize_thai_id(text)

    def prepare_value(self, value: Any) -> Any:
        return format_thai_id(value) if isinstance(value, str) and value else value


class ThaiPhoneField(forms.CharField):
    """A Thai telephone number, cleaned to the national form with dashes (e.g. 081-234-5678)."""

    default_error_messages = {"max_length": _("หมายเลขโทรศัพท์ยาวเกินไป กรุณากรอกเฉพาะหมายเลขเดียว")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")
        self.widget.attrs.setdefault("autocomplete", "tel")

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        try:
            return format_thai_phone(normalize_thai_phone(text))
        except ThaiPhoneError as exc:
            raise ValidationError(str(exc), code="invalid") from None


def thai_date_display(value: date | None) -> str:
    return format_date(value) if value else ""
