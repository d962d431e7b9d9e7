"""Forms of the complaint channel. Every error message is a Thai sentence that says what to do."""

from __future__ import annotations

import copy
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from prongsai.complaints.models import DESCRIPTION_MAX, Complaint, ComplaintCategory
from prongsai.complaints.services import MAX_EVIDENCE, MAX_PHOTOS, PHOTO_KINDS, check_coordinates
from prongsai.core.fields import ThaiDateField, ThaiPhoneField
from prongsai.core.files import check_upload
from prongsai.core.forms import limit_choices
from prongsai.core.models import Agency, OrgUnit
from prongsai.core.safeguards import GuardedForm
from prongsai.core.thai import BANGKOK


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none was chosen)."""

    def __init__(self, *args: Any, max_files: int, **kwargs: Any) -> None:
        self.max_files = max_files
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if not items:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(items) > self.max_files:
            raise ValidationError(
                _("เลือกไฟล์ได้ไม่เกิน %(n)s ไฟล์ กรุณาเลือกเฉพาะไฟล์ที่จำเป็น") % {"n": self.max_files},
                code="too_many",
            )
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


def _coordinate_field(label: Any, invalid: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=9,
        decimal_places=6,
        localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "invalid": invalid,
            "max_decimal_places": _("พิกัดมีทศนิยมได้ไม่เกิน 6 ตำแหน่ง กรุณาตัดตำแหน่งที่เกินออก"),
            "max_digits": _("พิกัดยาวเกินไป กรุณาตรวจสอบตัวเลขอีกครั้ง"),
            "max_whole_digits": _("พิกัดยาวเกินไป กรุณาตรวจสอบตัวเลขอีกครั้ง"),
        },
    )


class ComplaintForm(GuardedForm):
    purpose = "complaint"

    category: forms.ModelChoiceField[ComplaintCategory] = forms.ModelChoiceField(
        queryset=ComplaintCategory.objects.none(),
        label=_("ประเภทเรื่อง"),
        empty_label=_("— เลือกประเภทเรื่อง —"),
        error_messages={
            "required": _("กรุณาเลือกประเภทเรื่องร้องเรียน"),
            "invalid_choice": _("กรุณาเลือกประเภทเรื่องร้องเรียนจากรายการ"),
        },
    )
    subject = forms.CharField(
        label=_("เรื่อง"),
        max_length=200,
        help_text=_("สั้น ๆ เช่น ไฟฟ้าส่องสว่างดับหน้าโรงเรียนบ้านวังทอง"),
        error_messages={
            "required": _("กรุณากรอกเรื่องที่ร้องเรียนโดยสรุป"),
            "max_length": _("เรื่องยาวเกิน 200 ตัวอักษร กรุณาย่อให้สั้นลง แล้วเล่ารายละเอียดในช่องถัดไป"),
        },
    )
    description = forms.CharField(
        label=_("รายละเอียด"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("เกิดอะไรขึ้น ตั้งแต่เมื่อไร และเดือดร้อนอย่างไร"),
        error_messages={
            "required": _("กรุณาเล่ารายละเอียดของปัญหา"),
            "max_length": _("รายละเอียดยาวเกิน 5,000 ตัวอักษร กรุณาย่อให้สั้นลง"),
        },
    )
    location_address = forms.CharField(
        label=_("สถานที่เกิดเหตุ"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("เช่น หมู่ที่ 3 บ้านโนนสูง ซอย 2 ใกล้ศาลาประชาคม (ถ้ามี)"),
        error_messages={"max_length": _("สถานที่ยาวเกิน 500 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )
    latitude = _coordinate_field(_("ละติจูด (ถ้าทราบ)"), _("กรุณากรอกละติจูดเป็นตัวเลขทศนิยม เช่น 16.020300"))
    longitude = _coordinate_field(_("ลองจิจูด (ถ้าทราบ)"), _("กรุณากรอกลองจิจูดเป็นตัวเลขทศนิยม เช่น 101.438600"))
    photos = MultipleFileField(
        label=_("ภาพถ่าย (ถ้ามี)"),
        max_files=MAX_PHOTOS,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}),
        help_text=_("JPEG หรือ PNG ไม่เกิน 5 ภาพ ระบบจะลบข้อมูลแฝงในภาพ เช่น พิกัด GPS และรุ่นกล้อง ก่อนจัดเก็บ"),
    )
    contact_name = forms.CharField(
        label=_("ชื่อผู้ร้อง (ไม่บังคับ)"),
        max_length=150,
        required=False,
        error_messages={"max_length": _("ชื่อยาวเกิน 150 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )
    contact_phone = ThaiPhoneField(label=_("โทรศัพท์ (ไม่บังคับ)"), required=False)
    contact_email = forms.EmailField(
        label=_("อีเมลสำหรับรับแจ้งความคืบหน้า (ไม่บังคับ)"),
        required=False,
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง กรุณาตรวจสอบ เช่น name@example.com หรือเว้นว่างไว้")},
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "category", ComplaintCategory.objects.filter(agency=agency, is_active=True))

    def clean_photos(self) -> list[UploadedFile]:
        return checked_photos(self.cleaned_data.get("photos") or [])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        latitude: Decimal | None = cleaned.get("latitude")
        longitude: Decimal | None = cleaned.get("longitude")
        if "latitude" not in self.errors and "longitude" not in self.errors:
            try:
                check_coordinates(latitude, longitude)
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned


class CitizenResponseForm(forms.Form):
    comment = forms.CharField(
        label=_("ความเห็นเพิ่มเติม"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("หากยังไม่ได้รับการแก้ไข กรุณาบอกว่ายังมีปัญหาอะไรอยู่"),
        error_messages={"max_length": _("ความเห็นยาวเกิน 2,000 ตัวอักษร กรุณาย่อให้สั้นลง")},
    )


# --- staff -------------------------------------------------------------------------------------------------


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("ข้อความถึงผู้ร้อง (ถ้ามี)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("ผู้ร้องจะเห็นข้อความนี้ในหน้าติดตามเรื่อง"),
    )


class ResolveForm(forms.Form):
    closing_note = forms.CharField(
        label=_("สรุปผลการดำเนินการ"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("ผู้ร้องจะเห็นข้อความนี้และหลักฐาน และยืนยันหรือโต้แย้งผลได้จากหน้าติดตามเรื่อง"),
        error_messages={"required": _("กรุณาสรุปผลการดำเนินการ")},
    )
    evidence = MultipleFileField(
        label=_("หลักฐานผลการดำเนินการ"),
        max_files=MAX_EVIDENCE,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
        help_text=_(
            "ภาพถ่ายหลังแก้ไข (JPEG, PNG) หรือหนังสือแจ้งผล (PDF) อย่างน้อย 1 ไฟล์ ภาพถ่ายจะถูกลบข้อมูลแฝงก่อนจัดเก็บ"
        ),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ไม่รับเรื่องหรือยุติเรื่อง"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("ผู้ร้องจะเห็นเหตุผลนี้ในหน้าติดตามเรื่อง"),
        error_messages={"required": _("กรุณาระบุเหตุผล")},
    )


class ForwardForm(forms.Form):
    to_agency = forms.CharField(
        label=_("หน่วยงานที่ส่งเรื่องต่อไป"),
        max_length=200,
        help_text=_("เช่น การไฟฟ้าส่วนภูมิภาคอำเภอภักดีชุมพล"),
        error_messages={"required": _("กรุณาระบุชื่อหน่วยงานที่ส่งเรื่องต่อไป")},
    )
    note = forms.CharField(
        label=_("ข้อความถึงผู้ร้อง (ถ้ามี)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่เปิดเรื่องดำเนินการต่อ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("ผู้ร้องจะเห็นข้อความนี้ในหน้าติดตามเรื่อง"),
        error_messages={"required": _("กรุณาระบุเหตุผลที่เปิดเรื่องดำเนินการต่อ")},
    )


class RouteForm(forms.Form):
    unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        label=_("ส่วนงานที่รับผิดชอบ"),
        error_messages={"required": _("กรุณาเลือกส่วนงาน"), "invalid_choice": _("กรุณาเลือกส่วนงานจากรายการ")},
    )
    note = forms.CharField(label=_("เหตุผล (ถ้ามี)"), required=False, max_length=300)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "unit", OrgUnit.objects.filter(agency=agency).order_by("side", "order", "name_th")
        )


class InternalNoteForm(forms.Form):
    note = forms.CharField(
        label=_("บันทึกภายใน"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("เห็นเฉพาะเจ้าหน้าที่"),
        error_messages={"required": _("กรุณาพิมพ์บันทึก")},
    )


class MoveForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่เห็นว่าเป็นเรื่องร้องเรียนการทุจริต"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("ส่งไปพร้อมเรื่องให้คณะทำงานผู้รับเรื่องร้องเรียนการทุจริตเท่านั้น ไม่บันทึกไว้ในระบบนี้"),
        error_messages={"required": _("กรุณาระบุเหตุผล")},
    )
    confirm = forms.BooleanField(
        label=_("ข้าพเจ้าเข้าใจว่า เนื้อหา ไฟล์ และข้อมูลผู้ร้องของเรื่องนี้จะถูกลบออกจากระบบเรื่องร้องเรียนทั่วไปทั้งหมด"),
        error_messages={"required": _("กรุณายืนยันว่าเข้าใจผลของการโอนเรื่อง")},
    )


class CategoryForm(forms.ModelForm):
    default_unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        label=_("ส่วนงานที่รับผิดชอบ"),
        error_messages={"required": _("กรุณาเลือกส่วนงานที่รับผิดชอบ")},
    )

    class Meta:
        model = ComplaintCategory
        fields = ["name_th", "description", "default_unit", "ack_days", "resolve_days", "is_active", "order"]
        error_messages = {
            "name_th": {"required": _("กรุณากรอกชื่อประเภท")},
            "ack_days": {
                "required": _("กรุณากรอกระยะเวลาตอบรับเรื่อง"),
                "min_value": _("ระยะเวลาตอบรับเรื่องต้องอย่างน้อย 1 วันทำการ"),
                "max_value": _("ระยะเวลาตอบรับเรื่องต้องไม่เกิน 60 วันทำการ"),
            },
            "resolve_days": {
                "required": _("กรุณากรอกระยะเวลาแก้ไข"),
                "min_value": _("ระยะเวลาแก้ไขต้องอย่างน้อย 1 วันทำการ"),
                "max_value": _("ระยะเวลาแก้ไขต้องไม่เกิน 365 วันทำการ"),
            },
        }

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "default_unit", OrgUnit.objects.filter(agency=agency).order_by("side", "order", "name_th")
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        ack, resolve = cleaned.get("ack_days"), cleaned.get("resolve_days")
        if ack and resolve and ack > resolve:
            self.add_error("ack_days", _("ระยะเวลาตอบรับเรื่องต้องไม่นานกว่าระยะเวลาแก้ไขให้แล้วเสร็จ"))
        return cleaned

    def validate_unique(self) -> None:
        # Uniqueness per agency is checked by the service, which knows the agency.
        return None


def checked_photos(photos: list[UploadedFile]) -> list[UploadedFile]:
    """The photos' content checked with the other fields, so a wrong type is told on the first round, not
    after the citizen has corrected everything else (the service checks them again when it stores them)."""
    errors = []
    for photo in photos:
        try:
            check_upload(photo, allowed=PHOTO_KINDS)
        except ValidationError as exc:
            errors.extend(exc.messages)
        finally:
            photo.seek(0)
    if errors:
        raise ValidationError(errors)
    return photos


def _copied(name: str) -> forms.Field:
    return copy.deepcopy(ComplaintForm.base_fields[name])


class StaffIntakeForm(forms.Form):
    """A complaint received by telephone, at the counter, by letter or on LINE, typed in by staff.

    The citizen form's fields and checks, without its anti-automation guards (staff are signed in), plus the
    channel and the moment the complaint was received, which start its time limits. The hidden key makes a
    form sent twice record one complaint.
    """

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("ช่องทางที่รับเรื่อง"),
        choices=[c for c in Complaint.Channel.choices if c[0] != Complaint.Channel.WEB],
        error_messages={"required": _("กรุณาเลือกช่องทางที่รับเรื่อง")},
    )
    received_on = ThaiDateField(label=_("วันที่รับเรื่อง"))
    received_time = forms.TimeField(
        label=_("เวลาที่รับเรื่อง"),
        required=False,
        help_text=_("เช่น 09:30 (ถ้าไม่ระบุ ถือเป็นเวลา 08:30 น.)"),
        error_messages={"invalid": _("กรุณากรอกเวลาเป็น ชั่วโมง:นาที เช่น 09:30")},
    )
    category = _copied("category")
    subject = _copied("subject")
    description = _copied("description")
    location_address = _copied("location_address")
    latitude = _copied("latitude")
    longitude = _copied("longitude")
    photos = _copied("photos")
    contact_name = _copied("contact_name")
    contact_phone = _copied("contact_phone")
    contact_email = _copied("contact_email")

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "category", ComplaintCategory.objects.filter(agency=agency, is_active=True))

    def clean_photos(self) -> list[UploadedFile]:
        return checked_photos(self.cleaned_data.get("photos") or [])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "latitude" not in self.errors and "longitude" not in self.errors:
            try:
                check_coordinates(cleaned.get("latitude"), cleaned.get("longitude"))
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned

    def received_at(self) -> datetime:
        moment = datetime.combine(
            self.cleaned_data["received_on"], self.cleaned_data.get("received_time") or time(8, 30)
        )
        return moment.replace(tzinfo=BANGKOK)
