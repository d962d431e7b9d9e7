"""The request-form builder: a service's ``form_fields`` edited as rows of a formset, never as JSON.

Each row is one field of the citizen's request form (its label, kind, whether it is required, help text,
choices, and for dates and files their own options); the order column and the delete box are the formset's.
Without JavaScript it is a plain formset with two empty rows; ``eservice/form_builder.js`` adds rows on
demand, moves them up and down and shows a live preview. Either way the server turns the rows into the
same definition (models/form_spec.py) and checks it with the same ``validate_form_spec``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Attachment

from .models.form_spec import KINDS, validate_form_spec

KIND_LABELS = {
    "text": _("ข้อความสั้น"),
    "textarea": _("ข้อความยาว"),
    "number": _("ตัวเลข"),
    "date": _("วันที่"),
    "choice": _("ตัวเลือก"),
    "thai_id": _("เลขประจำตัวประชาชน"),
    "phone": _("หมายเลขโทรศัพท์"),
    "email": _("อีเมล"),
    "address": _("ที่อยู่"),
    "file": _("ไฟล์แนบ"),
}
ACCEPT_KINDS = ("pdf", "jpg", "png", "docx", "xlsx")
CHOICE_SEPARATOR = "|"


class FieldSpecForm(forms.Form):
    """One field of a request form. Initial values equal what an untouched browser row sends, so empty
    extra rows are skipped."""

    label = forms.CharField(
        label=_("ข้อความกำกับช่องกรอก"),
        max_length=200,
        error_messages={"required": _("กรุณากรอกข้อความกำกับของช่องกรอก")},
    )
    kind = forms.ChoiceField(label=_("ชนิดข้อมูล"), choices=[(k, KIND_LABELS[k]) for k in KINDS], initial="text")
    required = forms.BooleanField(label=_("จำเป็นต้องกรอก"), required=False)
    help = forms.CharField(label=_("คำอธิบายใต้ช่องกรอก"), max_length=300, required=False)
    choices = forms.CharField(
        label=_("ตัวเลือก (เฉพาะชนิดตัวเลือก)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("บรรทัดละหนึ่งตัวเลือก ถ้าต้องการกำหนดรหัสของตัวเลือกเอง ให้เขียน รหัส | ข้อความ"),
    )
    past = forms.BooleanField(label=_("เป็นวันที่ที่ผ่านมาแล้ว เช่น วันเกิด (เฉพาะชนิดวันที่)"), required=False)
    accept = forms.MultipleChoiceField(
        label=_("ชนิดไฟล์ที่รับ (เฉพาะไฟล์แนบ ไม่เลือกคือรับ PDF, JPG และ PNG)"),
        choices=[(k, Attachment.Kind(k).label) for k in ACCEPT_KINDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    name = forms.CharField(
        label=_("รหัสช่องกรอก (ภาษาอังกฤษ ไม่บังคับ)"),
        max_length=40,
        required=False,
        help_text=_("ชื่อข้อมูลที่ระบบอื่นอ่านผ่าน API เว้นว่างได้ ระบบจะตั้งให้"),
    )

    def clean_choices(self) -> list[list[str]]:
        pairs: list[list[str]] = []
        for number, line in enumerate((self.cleaned_data.get("choices") or "").splitlines(), start=1):
            if not line.strip():
                continue
            key, separator, text = line.partition(CHOICE_SEPARATOR)
            if not separator:
                key, text = "", key
            key, text = key.strip(), text.strip()
            if not text:
                raise forms.ValidationError(_("ตัวเลือกบรรทัดที่ %(n)s ไม่มีข้อความ") % {"n": number})
            pairs.append([key or f"c{len(pairs) + 1}", text])
        keys = [key for key, _text in pairs]
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("รหัสของตัวเลือกซ้ำกัน กรุณาให้แต่ละตัวเลือกมีรหัสไม่ซ้ำ"))
        return pairs

    def spec(self, name: str) -> dict[str, Any]:
        """This row as a field definition (models/form_spec.py), named ``name``."""
        data = self.cleaned_data
        spec: dict[str, Any] = {
            "name": name,
            "label": data["label"].strip(),
            "kind": data["kind"],
            "required": bool(data["required"]),
        }
        if data["help"].strip():
            spec["help"] = data["help"].strip()
        if data["kind"] == "choice":
            spec["choices"] = data["choices"]
        if data["kind"] == "date" and data["past"]:
            spec["past"] = True
        if data["kind"] == "file" and data["accept"]:
            spec["accept"] = list(data["accept"])
        return spec


class BaseFieldSpecFormSet(forms.BaseFormSet[FieldSpecForm]):
    def add_fields(self, form: FieldSpecForm, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("ลำดับ")
        form.fields["DELETE"].label = _("ลบช่องกรอกนี้")

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        errors = validate_form_spec(self.definition())
        if errors:
            raise forms.ValidationError(errors)

    def definition(self) -> list[dict[str, Any]]:
        """The request form's definition, in the order given; a field left unnamed gets ``field_N``."""
        rows = [form for form in self.ordered_forms if form.cleaned_data]
        taken = {(form.cleaned_data.get("name") or "").strip() for form in rows}
        specs = []
        counter = 0
        for form in rows:
            name = (form.cleaned_data.get("name") or "").strip()
            if not name:
                counter += 1
                while f"field_{counter}" in taken:
                    counter += 1
                name = f"field_{counter}"
                taken.add(name)
            specs.append(form.spec(name))
        return specs


FieldSpecFormSet: type[BaseFieldSpecFormSet] = forms.formset_factory(  # type: ignore[assignment]
    FieldSpecForm, formset=BaseFieldSpecFormSet, extra=2, can_order=True, can_delete=True
)


def initial_rows(definition: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A stored definition as the builder's initial rows (choices written as ``key | text`` lines)."""
    rows = []
    for order, spec in enumerate(definition, start=1):
        choices = spec.get("choices") or []
        rows.append(
            {
                "label": spec.get("label", ""),
                "kind": spec.get("kind", "text"),
                "required": bool(spec.get("required", False)),
                "help": spec.get("help", ""),
                "choices": "\n".join(f"{key} {CHOICE_SEPARATOR} {text}" for key, text in choices),
                "past": bool(spec.get("past", False)),
                "accept": list(spec.get("accept") or []),
                "name": spec.get("name", ""),
                "ORDER": order,
            }
        )
    return rows
