"""Thai wording as a Thai official writes it (issue 19, item 14), checked on every page template and module.

The corruption channel says แจ้งเรื่อง/แจ้งเบาะแส and ผู้รับเรื่อง (never ส่งรายงาน/ผู้รับรายงาน); settings are
การตั้งค่า (never ค่าตั้ง); a person is addressed as ท่าน (never ฉัน); public pages carry no statistics jargon
(มัธยฐาน); the integrity working group has one name, the role's.
"""

from __future__ import annotations

import re
from pathlib import Path

import prongsai
from prongsai.core.roles import Role

ROOT = Path(prongsai.__file__).resolve().parent
AVOID = {
    "ส่งรายงาน": "แจ้งเรื่อง",
    "ผู้รับรายงาน": "ผู้รับเรื่อง",
    "ค่าตั้ง": "การตั้งค่า",
    "ของฉัน": "ของท่าน",
    "ให้ฉัน": "ที่ท่านได้รับมอบหมาย",
    "มัธยฐาน": "words without statistics jargon",
    "คณะทำงานส่งเสริมคุณธรรมและความโปร่งใส": str(Role.INTEGRITY_COMMITTEE.label),
}
# Names kept where changing them needs a schema migration (model verbose names, shown in the operators'
# admin only) or where they are a data format's column label (the open-data schema of E-Service).
KEPT = {
    "whistleblower/models.py": {"ผู้รับรายงาน"},
    "procurement/models/settings.py": {"ค่าตั้ง"},
    "eservice/datasets.py": {"มัธยฐาน"},
}


def _sources() -> list[Path]:
    return [
        p
        for p in [*ROOT.rglob("*.html"), *ROOT.rglob("*.py")]
        if "migrations" not in p.parts and "tests" not in p.parts and "locale" not in p.parts
    ]


def test_no_page_or_message_uses_the_wording_to_avoid():
    found = []
    for path in _sources():
        rel = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        for word, instead in AVOID.items():
            # ค่าตั้งต้น (a default value) is a different word from ค่าตั้ง (settings).
            hits = re.findall(re.escape(word) + ("(?!ต้น)" if word == "ค่าตั้ง" else ""), text)
            if hits and word not in KEPT.get(rel, set()):
                found.append(f"{rel}: “{word}” → {instead}")
    assert not found, "\n".join(found)
