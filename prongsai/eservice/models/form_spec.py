"""Request forms as data: the shape of a service's ``form_fields`` and how it is checked.

A form is a list of field definitions, each a dict::

    {"name": "land_deed_no", "label": "เลขที่โฉนดที่ดิน", "kind": "text", "required": true,
     "help": "ดูได้จากหน้าโฉนด", "choices": [["a", "ตัวเลือก ก"]]}

``kind`` is one of KINDS. ``choices`` (pairs of key and Thai label) only for "choice". ``name`` is a
lower-case identifier unique within the form; it is the key of the answer and the Open311 attribute code.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

KINDS = ("text", "textarea", "number", "date", "choice", "thai_id", "phone", "email", "address", "file")
# Kinds whose answers identify or locate a person; they are masked in the audit log and never published.
PERSONAL_KINDS = frozenset({"thai_id", "phone", "email", "address"})
# Open311 datatype of each kind (GeoReport v2 service definition).
OPEN311_DATATYPE = {
    "text": "string",
    "textarea": "text",
    "number": "number",
    "date": "datetime",
    "choice": "singlevaluelist",
    "thai_id": "string",
    "phone": "string",
    "email": "string",
    "address": "text",
    "file": "string",
}
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
RESERVED_NAMES = frozenset(
    {"applicant_name", "applicant_phone", "applicant_email", "idempotency_key", "consent", "received_at"}
)


def validate_form_spec(spec: Any) -> list[str]:
    """Thai sentences describing what is wrong with a form definition; empty when it is usable."""
    if not isinstance(spec, list):
        return [_("แบบฟอร์มคำขอต้องเป็นรายการของช่องกรอก")]
    errors: list[str] = []
    seen: set[str] = set()
    for index, field in enumerate(spec, start=1):
        if not isinstance(field, dict):
            errors.append(_("ช่องกรอกที่ %(n)s ต้องเป็นข้อมูลแบบชื่อและค่า") % {"n": index})
            continue
        name = field.get("name")
        if not isinstance(name, str) or not _NAME.match(name) or name in RESERVED_NAMES:
            errors.append(
                _("ช่องกรอกที่ %(n)s ต้องมีชื่อภาษาอังกฤษตัวเล็ก ขึ้นต้นด้วยตัวอักษร และไม่ซ้ำกับชื่อที่ระบบใช้") % {"n": index}
            )
        elif name in seen:
            errors.append(_("ชื่อช่องกรอก “%(name)s” ซ้ำกัน กรุณาตั้งชื่อใหม่") % {"name": name})
        else:
            seen.add(name)
        if not isinstance(field.get("label"), str) or not field["label"].strip():
            errors.append(_("ช่องกรอกที่ %(n)s ต้องมีข้อความกำกับ") % {"n": index})
        kind = field.get("kind")
        if kind not in KINDS:
            errors.append(_("ช่องกรอกที่ %(n)s มีชนิด “%(kind)s” ซึ่งระบบไม่รู้จัก") % {"n": index, "kind": kind})
        choices = field.get("choices")
        if kind == "choice":
            valid = (
                isinstance(choices, list)
                and choices
                and all(isinstance(c, list | tuple) and len(c) == 2 for c in choices)
            )
            if not valid:
                errors.append(_("ช่องกรอกที่ %(n)s เป็นตัวเลือก จึงต้องมีรายการตัวเลือก") % {"n": index})
        if "required" in field and not isinstance(field["required"], bool):
            errors.append(_("ช่องกรอกที่ %(n)s ระบุว่าจำเป็นหรือไม่ด้วยค่า true หรือ false") % {"n": index})
    return errors
