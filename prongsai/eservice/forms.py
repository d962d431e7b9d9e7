"""Forms of the E-Service app. The request form is built from the service's form definition (data)."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from prongsai.core.fields import ThaiDateField, ThaiIDField, ThaiPhoneField
from prongsai.core.files import check_upload
from prongsai.core.forms import decision_confirm_field, limit_choices
from prongsai.core.models import Attachment, OrgUnit, User
from prongsai.core.safeguards import GuardedForm
from prongsai.core.thai import BANGKOK, to_arabic_digits

from .models import Service
from .services import Applicant, IncomingFile

DEFAULT_ACCEPT = ("pdf", "jpg", "png")
ANSWER_PREFIX = "a_"
_POSTAL_CODE = re.compile(r"(?<!\d)\d{5}(?!\d)")


class ThaiNumberField(forms.DecimalField):
    """A number typed with Thai or Arabic digits and optional thousands separators."""

    default_error_messages = {"invalid": _("กรุณากรอกเป็นตัวเลข เช่น 1500 หรือ 1,500.50")}

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = to_arabic_digits(value).replace(",", "").strip()
        return super().to_python(value)


class ThaiAddressField(forms.CharField):
    """A postal address in Thailand: free text that must name at least a place and a 5-digit postal code."""

    widget = forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"})
    default_error_messages = {
        "incomplete": _("กรุณากรอกที่อยู่ให้ครบ ได้แก่ บ้านเลขที่ หมู่ที่ ตำบล อำเภอ จังหวัด และรหัสไปรษณีย์ 5 หลัก")
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("help_text", _("เช่น 12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260"))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text = " ".join(to_arabic_digits(super().clean(value) or "").split())
        if text and (len(text) < 15 or not _POSTAL_CODE.search(text)):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        return text


def _answer_field(spec: dict[str, Any], service: Service) -> forms.Field:
    kind = spec["kind"]
    label = spec["label"]
    if kind == "choice":
        required_message = _("กรุณาเลือก%(label)s") % {"label": label}
    elif kind == "file":
        required_message = _("กรุณาแนบไฟล์%(label)s") % {"label": label}
    else:
        required_message = _("กรุณากรอก%(label)s") % {"label": label}
    common: dict[str, Any] = {
        "label": label,
        "required": bool(spec.get("required", False)),
        "help_text": spec.get("help", ""),
        "error_messages": {"required": required_message},
    }
    if kind == "textarea":
        return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **common)
    if kind == "number":
        return ThaiNumberField(max_digits=14, decimal_places=2, **common)
    if kind == "date":
        if not common["help_text"]:
            common.pop("help_text")
        # "past": true in the form definition marks a date that has happened (a birth date).
        return ThaiDateField(not_in_future=bool(spec.get("past")), **common)
    if kind == "choice":
        choices = [("", _("— เลือก —")), *[(str(k), str(v)) for k, v in spec["choices"]]]
        return forms.ChoiceField(choices=choices, **common)
    if kind == "thai_id":
        return ThaiIDField(**common)
    if kind == "phone":
        return ThaiPhoneField(**common)
    if kind == "email":
        return forms.EmailField(**common)
    if kind == "address":
        if not common["help_text"]:
            common.pop("help_text")
        return ThaiAddressField(**common)
    if kind == "file":
        accept = spec.get("accept") or DEFAULT_ACCEPT
        names = ", ".join(str(Attachment.Kind(k).label) for k in accept)
        common["help_text"] = common["help_text"] or _("ไฟล์ %(kinds)s ขนาดไม่เกิน %(mb)s MB") % {
            "kinds": names,
            "mb": service.upload_max_mb,
        }
        mime = {
            "pdf": "application/pdf",
            "jpg": "image/jpeg",
            "png": "image/png",
            "docx": ".docx",
            "xlsx": ".xlsx",
        }
        return forms.FileField(
            widget=forms.ClearableFileInput(attrs={"accept": ",".join(mime[k] for k in accept)}), **common
        )
    return forms.CharField(max_length=300, **common)


class RequestForm(forms.Form):
    """A request for ``service``: who asks, the service's own fields, and the privacy notice acknowledged.

    The hidden ``idempotency_key`` is made when the empty form is shown; sending the same form twice sends
    the same key, and the service layer returns the request already made instead of a second one.
    """

    idempotency_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("แบบฟอร์มนี้ไม่สมบูรณ์ กรุณาเปิดหน้าแบบฟอร์มใหม่แล้วส่งอีกครั้ง"),
            "invalid": _("แบบฟอร์มนี้ไม่สมบูรณ์ กรุณาเปิดหน้าแบบฟอร์มใหม่แล้วส่งอีกครั้ง"),
        },
    )
    applicant_name = forms.CharField(
        label=_("ชื่อ-นามสกุลผู้ยื่นคำขอ"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("กรุณากรอกชื่อ-นามสกุลของผู้ยื่นคำขอ")},
    )
    applicant_phone = ThaiPhoneField(label=_("หมายเลขโทรศัพท์ที่ติดต่อได้"), required=False)
    applicant_email = forms.EmailField(
        label=_("อีเมล"),
        required=False,
        help_text=_("ถ้ากรอก ระบบจะส่งรหัสติดตามและผลการพิจารณาไปที่อีเมลนี้"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง กรุณากรอกเช่น somchai@example.com")},
    )

    def __init__(self, *args: Any, service: Service, walk_in: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.service = service
        self.walk_in = walk_in
        self.answer_specs = list(service.form_fields)
        for spec in self.answer_specs:
            self.fields[ANSWER_PREFIX + spec["name"]] = _answer_field(spec, service)
        if walk_in:
            self.fields["received_date"] = ThaiDateField(
                label=_("วันที่ประชาชนมายื่นคำขอ ณ จุดให้บริการ"),
                required=False,
                help_text=_("เว้นว่างถ้าเป็นวันนี้และเวลานี้ ปี พ.ศ. เช่น 15/03/2569"),
            )
            self.fields["received_time"] = forms.TimeField(
                label=_("เวลาที่มายื่นคำขอ"),
                required=False,
                help_text=_("เช่น 09:30"),
                error_messages={"invalid": _("กรุณากรอกเวลาเป็นชั่วโมงและนาที เช่น 09:30")},
            )
        else:
            self.fields["consent"] = forms.BooleanField(
                label=_("ข้าพเจ้าได้อ่านและรับทราบประกาศความเป็นส่วนตัวข้างต้นแล้ว"),
                error_messages={"required": _("กรุณาอ่านประกาศความเป็นส่วนตัวแล้วทำเครื่องหมายรับทราบก่อนส่งคำขอ")},
            )
        self._incoming: list[IncomingFile] = []

    @property
    def identity_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in ("applicant_name", "applicant_phone", "applicant_email")]

    @property
    def answer_fields(self) -> list[forms.BoundField]:
        return [self[ANSWER_PREFIX + s["name"]] for s in self.answer_specs]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        no_contact = not data.get("applicant_phone") and not data.get("applicant_email")
        typed_wrong = "applicant_phone" in self.errors or "applicant_email" in self.errors
        if not self.walk_in and no_contact and not typed_wrong:
            self.add_error(
                "applicant_phone",
                _("กรุณากรอกหมายเลขโทรศัพท์หรืออีเมลอย่างน้อยหนึ่งช่อง เพื่อให้หน่วยงานติดต่อกลับได้"),
            )
        limit = self.service.upload_max_mb * 1024 * 1024
        self._incoming = []
        for spec in self.answer_specs:
            if spec["kind"] != "file":
                continue
            name = ANSWER_PREFIX + spec["name"]
            upload = data.get(name)
            if not isinstance(upload, UploadedFile):
                continue
            allowed = frozenset(Attachment.Kind(k) for k in (spec.get("accept") or DEFAULT_ACCEPT))
            try:
                checked = check_upload(upload, allowed=allowed, max_bytes=limit)
            except ValidationError as exc:
                self.add_error(name, exc)
                continue
            self._incoming.append(
                IncomingFile(field_name=spec["name"], original_name=upload.name or "file", checked=checked)
            )
        return data

    def received_at(self) -> datetime | None:
        """For a walk-in recorded late: the moment the citizen was at the counter (Bangkok time)."""
        day = self.cleaned_data.get("received_date")
        if not day:
            return None
        moment = self.cleaned_data.get("received_time") or time(8, 30)
        return datetime.combine(day, moment, tzinfo=BANGKOK)

    def applicant(self) -> Applicant:
        return Applicant(
            name=self.cleaned_data["applicant_name"],
            phone=self.cleaned_data.get("applicant_phone") or "",
            email=self.cleaned_data.get("applicant_email") or "",
        )

    def answers(self) -> dict[str, Any]:
        """JSON-ready answers of the non-file fields that were filled in."""
        result: dict[str, Any] = {}
        for spec in self.answer_specs:
            if spec["kind"] == "file":
                continue
            value = self.cleaned_data.get(ANSWER_PREFIX + spec["name"])
            if value in (None, ""):
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = format(value.normalize(), "f")  # 120, 1500.5: never 1.2E+2
            result[spec["name"]] = value
        return result

    def checked_files(self) -> list[IncomingFile]:
        return list(self._incoming)

    def key(self) -> uuid.UUID:
        value: uuid.UUID = self.cleaned_data["idempotency_key"]
        return value


class OnlineRequestForm(GuardedForm, RequestForm):  # type: ignore[misc]  # the field is in base_fields, not on the class
    """The citizen's online request, with the safeguards of every citizen form (``core.safeguards``).

    Anyone may send it without an account, and each accepted request mails an address the sender typed, so
    it gets the signed token, the honeypot, the minimum fill time, the per-client limits and the arithmetic
    question of the complaint and Q&A forms. The token carries the idempotency key: the walk-in form's
    hidden field is not used here.
    """

    purpose = "eservice-request"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["idempotency_key"]

    def key(self) -> uuid.UUID:
        return self.idempotency_key


class TrackingLookupForm(forms.Form):
    code = forms.CharField(
        label=_("รหัสติดตามคำขอ"),
        max_length=40,
        help_text=_("รหัส 12 ตัวอักษรที่ได้รับเมื่อยื่นคำขอ เช่น 7KQ2-M9XA-3HPD"),
        error_messages={"required": _("กรุณากรอกรหัสติดตามคำขอ")},
    )


SCORE_CHOICES = [(str(i), str(i)) for i in range(5, 0, -1)]


class SurveyForm(forms.Form):
    speed = forms.TypedChoiceField(
        label=_("ความรวดเร็วในการให้บริการ"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    staff = forms.TypedChoiceField(
        label=_("ความสุภาพและความช่วยเหลือของเจ้าหน้าที่"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    clarity = forms.TypedChoiceField(
        label=_("ความชัดเจนของขั้นตอนและเอกสาร"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    overall = forms.TypedChoiceField(
        label=_("ความพึงพอใจโดยรวม"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("ข้อเสนอแนะเพื่อการปรับปรุง"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("speed", "staff", "clarity", "overall"):
            self.fields[name].error_messages["required"] = _("กรุณาเลือกคะแนน 1 ถึง 5 (5 = พึงพอใจมากที่สุด)")


class AssignForm(forms.Form):
    assignee: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("มอบหมายให้"), error_messages={"required": _("กรุณาเลือกผู้รับผิดชอบ")}
    )

    def __init__(self, *args: Any, handlers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "assignee", handlers)
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]


class StepNoteForm(forms.Form):
    note = forms.CharField(
        label=_("บันทึกผลการดำเนินการขั้นตอนนี้"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AskDocumentsForm(forms.Form):
    note = forms.CharField(
        label=_("เอกสารหรือข้อมูลที่ขาด (แจ้งให้ครบในครั้งเดียว)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาระบุเอกสารที่ขาดให้ครบในครั้งเดียว ผู้ยื่นคำขอจะได้รับข้อความนี้")},
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผล/ผลการพิจารณา"),
        help_text=_("จำเป็นเมื่อไม่อนุมัติ ผู้ยื่นคำขอจะได้รับเหตุผลนี้"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = decision_confirm_field()


class RejectionForm(DecisionForm):
    """The same form posted to the reject button: a refusal always carries its reason (checked here, on the
    first round with the confirmation, and again by the service)."""

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(_("กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้ยื่นคำขอจะได้รับเหตุผลนี้"))
        return reason


class QueueFilterForm(forms.Form):
    STATES = [
        ("open", _("กำลังดำเนินการ")),
        ("new", _("คำขอใหม่ ยังไม่เริ่มดำเนินการ")),
        ("overdue", _("เลยกำหนด")),
        ("awaiting", _("รอเอกสารจากผู้ยื่นคำขอ")),
        ("closed", _("เสร็จแล้ว")),
        ("all", _("ทั้งหมด")),
    ]
    state = forms.ChoiceField(label=_("สถานะ"), choices=STATES, required=False)
    unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=_("ส่วนงาน"), required=False, empty_label=_("ทุกส่วนงาน")
    )
    mine = forms.BooleanField(label=_("เฉพาะเรื่องที่ท่านได้รับมอบหมาย"), required=False)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "unit", units)
