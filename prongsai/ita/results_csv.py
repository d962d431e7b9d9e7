"""Reading a results CSV: the official scores of one year, one row per score.

Format (UTF-8, with or without a byte-order mark; Thai digits accepted)::

    kind,code,score
    total,,93.50
    instrument,IIT,97.10
    indicator,1,98.38
    question,i9,100.00
    oit,o24,100

``kind`` is total, instrument, indicator, question or oit. Every problem is reported as a Thai sentence
with its line number, so the person importing can fix the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from prongsai.core.thai import to_arabic_digits

KINDS = {"total", "instrument", "indicator", "question", "oit"}


@dataclass
class ParsedResults:
    total: Decimal | None = None
    instruments: dict[str, Decimal] = field(default_factory=dict)
    indicators: dict[int, Decimal] = field(default_factory=dict)
    questions: dict[str, Decimal] = field(default_factory=dict)
    oit: dict[str, Decimal] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _score(text: str) -> Decimal | None:
    try:
        value = Decimal(to_arabic_digits(text.strip()).replace(",", ""))
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > 100:
        return None
    return value.quantize(Decimal("0.01"))


def parse_results_csv(content: bytes) -> ParsedResults:
    """Parse the file; ``errors`` lists what is wrong (nothing is half-accepted by the caller)."""
    parsed = ParsedResults()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.errors.append(_("ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกไฟล์เป็น CSV UTF-8 แล้วนำเข้าใหม่"))
        return parsed
    reader = csv.reader(io.StringIO(text))
    rows = list(reader)
    if not rows or [c.strip().lower() for c in rows[0][:3]] != ["kind", "code", "score"]:
        parsed.errors.append(_("บรรทัดแรกของไฟล์ต้องเป็นหัวตาราง kind,code,score กรุณาแก้ไขแล้วนำเข้าใหม่"))
        return parsed
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3:
            parsed.errors.append(_("บรรทัดที่ %(line)s: ต้องมี 3 ช่อง (kind, code, score)") % {"line": number})
            continue
        kind, code, raw = row[0].strip().lower(), to_arabic_digits(row[1].strip()), row[2]
        if kind not in KINDS:
            parsed.errors.append(
                _(
                    "บรรทัดที่ %(line)s: ไม่รู้จักประเภท “%(kind)s” "
                    "ใช้ได้เฉพาะ total, instrument, indicator, question หรือ oit"
                )
                % {"line": number, "kind": row[0]}
            )
            continue
        score = _score(raw)
        if score is None:
            parsed.errors.append(
                _("บรรทัดที่ %(line)s: คะแนน “%(score)s” ต้องเป็นตัวเลขระหว่าง 0 ถึง 100")
                % {"line": number, "score": raw}
            )
            continue
        key = (kind, code.lower() if kind in {"question", "oit"} else code)
        if key in seen:
            parsed.errors.append(
                _("บรรทัดที่ %(line)s: %(kind)s %(code)s ซ้ำกับบรรทัดก่อนหน้า กรุณาลบบรรทัดที่ซ้ำ")
                % {"line": number, "kind": kind, "code": code}
            )
            continue
        seen.add(key)
        if kind == "total":
            parsed.total = score
        elif kind == "instrument":
            if code.upper() not in {"IIT", "EIT", "OIT"}:
                parsed.errors.append(_("บรรทัดที่ %(line)s: เครื่องมือต้องเป็น IIT, EIT หรือ OIT") % {"line": number})
                continue
            parsed.instruments[code.upper()] = score
        elif kind == "indicator":
            if not code.isdigit() or not 1 <= int(code) <= 10:
                parsed.errors.append(_("บรรทัดที่ %(line)s: ตัวชี้วัดต้องเป็นเลข 1 ถึง 10") % {"line": number})
                continue
            parsed.indicators[int(code)] = score
        elif kind == "question":
            parsed.questions[code.lower()] = score
        else:
            parsed.oit[code] = score
    if parsed.total is None and not parsed.errors:
        parsed.errors.append(_("ไฟล์ไม่มีคะแนนรวม (บรรทัด total) กรุณาเพิ่มแล้วนำเข้าใหม่"))
    return parsed
