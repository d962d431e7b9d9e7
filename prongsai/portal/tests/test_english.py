"""The English interface: Thai is the source language, English comes from prongsai/locale/en.

A visitor who picks English sees the navigation, headings and labels in English; agency names and other data
stay as entered (usually Thai), so the page tests look for specific labels, not for the absence of all Thai.
The catalogue tests keep the committed .po and .mo complete and in step with each other.
"""

from __future__ import annotations

import gettext as gnu_gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

THAI = re.compile(r"[\u0e00-\u0e7f]")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")

# The main navigation in base.html, in order.
NAV_EN = [
    "Home",
    "Structure",
    "Executives",
    "Powers and duties",
    "Procurement",
    "E-Service",
    "News",
    "Questions and complaints",
    "Contact us",
    "Report corruption",
    "Plans and reports",
    "ITA",
]
NAV_TH = [
    "หน้าแรก",
    "โครงสร้าง",
    "ผู้บริหาร",
    "อำนาจหน้าที่",
    "จัดซื้อจัดจ้าง",
    "E-Service",
    "ข่าวประชาสัมพันธ์",
    "ถาม-ตอบ ร้องเรียน",
    "ติดต่อเรา",
    "แจ้งเบาะแสการทุจริต",
    "แผนงานและรายงาน",
    "ITA",
]

# Labels of the page frame (header, search box, footer) that every public page shows.
FRAME_EN = ["Skip to main content", "Search this website", "For staff", "Province"]
FRAME_TH = ["ข้ามไปยังเนื้อหาหลัก", "ค้นหาในเว็บไซต์", "สำหรับเจ้าหน้าที่", "จังหวัด", "อำเภอ", "เมนูหลัก"]

# Per page: English labels that must be there, Thai labels that must not.
PAGES = {
    "/structure/": (
        ["Organizational structure", "Political side", "Career officials", "No information yet."],
        ["โครงสร้างหน่วยงาน", "ฝ่ายการเมือง", "ฝ่ายประจำ", "ยังไม่มีข้อมูล", "แผนผังโครงสร้าง"],
    ),
    "/executives/": (
        ["Executive information", "Political side", "Career officials", "No information yet."],
        ["ข้อมูลผู้บริหาร", "ฝ่ายการเมือง", "ฝ่ายประจำ", "ยังไม่มีข้อมูล", "ผู้บริหารสูงสุด"],
    ),
    "/contact/": (
        [
            "Contact information",
            "Agency address",
            "Telephone numbers",
            "Email",
            "Office hours",
            "Location map",
        ],
        ["ข้อมูลการติดต่อ", "ที่อยู่หน่วยงาน", "หมายเลขโทรศัพท์", "อีเมล", "เวลาทำการ", "แผนที่ตั้ง"],
    ),
    "/news/": (
        ["News", "All categories", "There is no news in this category yet."],
        ["ข่าวประชาสัมพันธ์", "ทุกหมวด", "ยังไม่มีข่าวในหมวดนี้", "หมวดข่าว"],
    ),
    "/search/?q=x": (
        ["Search this website", "Search terms", "0 results found for “x”", "Nothing matches your search."],
        ["คำค้น", "พบ 0 รายการ", "ไม่พบข้อมูลที่ตรงกับคำค้น", "แก้ไขคำค้น"],
    ),
    "/accounts/login/": (
        ["Staff sign-in", "Username", "Password", "Sign in", "(required)"],
        ["เข้าสู่ระบบ", "ชื่อผู้ใช้", "รหัสผ่าน", "(จำเป็น)", "แอปยืนยันตัวตน"],
    ),
}

LOCALE_DIR = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"


def switch_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request in English leaves English active in this thread; later tests expect the Thai default."""
    yield
    translation.deactivate()


@pytest.fixture
def english(anon, agency):
    return switch_to_english(anon)


def main_nav_labels(html: str) -> list[str]:
    match = re.search(r'<nav class="main-nav".*?</nav>', html, re.DOTALL)
    assert match, "the page has no main navigation"
    return [text.strip() for text in re.findall(r"<a [^>]*>([^<]*)</a>", match.group(0))]


# --- pages -------------------------------------------------------------------------------------------------


def test_the_home_page_reads_in_english_after_choosing_english(english, agency):
    response = english.get("/")
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in html
    labels = main_nav_labels(html)
    assert labels == NAV_EN
    assert not any(THAI.search(label) for label in labels)
    for text in [*FRAME_EN, "Agency information", "Organizational structure", "Latest news"]:
        assert text in html, text
    for text in [*FRAME_TH, "ข้อมูลหน่วยงาน", "ข่าวประชาสัมพันธ์ล่าสุด", "ยังไม่มีข่าวประชาสัมพันธ์"]:
        assert text not in html, text
    # Data stays as entered: the agency's Thai name is still there.
    assert agency.name_th in html


@pytest.mark.parametrize("path", list(PAGES))
def test_key_pages_show_english_labels_and_no_thai_interface_text(english, path):
    response = english.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert main_nav_labels(html) == NAV_EN
    present, absent = PAGES[path]
    for text in [*FRAME_EN, *present]:
        assert text in html, f"{path}: missing English label {text!r}"
    for text in [*FRAME_TH, *(label for label in NAV_TH if label not in NAV_EN), *absent]:
        assert text not in html, f"{path}: untranslated Thai label {text!r}"


def test_the_staff_area_reads_in_english_too(staff_client, agency):
    html = switch_to_english(staff_client).get("/staff/").content.decode()
    assert '<html lang="en">' in html
    # The officer's home: the sidebar entries and the work queues of the officer's role, all in English.
    for text in [
        "Staff system",
        "Overview",
        "Sign out",
        "Staff menu",
        "Waiting for you on",
        "Requests assigned to you",
    ]:
        assert text in html, text
    for text in ["ระบบสำหรับเจ้าหน้าที่", "ภาพรวม", "ออกจากระบบ", "เมนูเจ้าหน้าที่", "คำขอที่ท่านได้รับมอบหมาย"]:
        assert text not in html, text


def test_thai_stays_the_default_language(anon, agency):
    response = anon.get("/")
    html = response.content.decode()
    assert response["Content-Language"] == "th"
    assert '<html lang="th">' in html
    assert main_nav_labels(html) == NAV_TH
    text_read = strip_tags(html)  # the home page keeps its Thai words whole with markup between them
    for text in ["ค้นหาในเว็บไซต์", "สำหรับเจ้าหน้าที่", "ข้อมูลหน่วยงาน"]:
        assert text in text_read, text
    for text in ["Powers and duties", "Contact us", "Search this website", "Agency information"]:
        assert text not in text_read, text
    login = anon.get("/accounts/login/").content.decode()
    assert "เข้าสู่ระบบสำหรับเจ้าหน้าที่" in login
    assert "Staff sign-in" not in login


def test_switching_back_to_thai_restores_thai_labels(english):
    english.post("/i18n/setlang/", {"language": "th", "next": "/"})
    html = english.get("/").content.decode()
    assert '<html lang="th">' in html
    assert main_nav_labels(html) == NAV_TH


# --- the catalogue -----------------------------------------------------------------------------------------


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text[1:-1])


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr (a dict of form index → text; None for singular),
    flags and whether the entry is obsolete (``#~``). Enough for the files makemessages writes."""
    entries: list[dict] = []
    entry: dict | None = None
    field: tuple | None = None

    def start() -> dict:
        return {"msgid": None, "msgid_plural": None, "msgstr": {}, "flags": set(), "obsolete": False}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        if entry is None:
            entry = start()
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            field = ("msgid_plural",)
            entry["msgid_plural"] = _unquote(line[len("msgid_plural ") :])
        elif line.startswith("msgid "):
            field = ("msgid",)
            entry["msgid"] = _unquote(line[len("msgid ") :])
        elif line.startswith("msgstr["):
            index = int(line[len("msgstr[") : line.index("]")])
            field = ("msgstr", index)
            entry["msgstr"][index] = _unquote(line[line.index("]") + 1 :])
        elif line.startswith("msgstr "):
            field = ("msgstr", None)
            entry["msgstr"][None] = _unquote(line[len("msgstr ") :])
        elif line.startswith('"') and field is not None:
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field[0]] += _unquote(line)
        else:
            raise AssertionError(f"unexpected line in {path.name}: {raw!r}")
    if entry is not None:
        entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def po_entries() -> list[dict]:
    assert PO_FILE.exists(), f"{PO_FILE} is missing: run makemessages -l en"
    return parse_po(PO_FILE)


@pytest.fixture(scope="module")
def messages(po_entries) -> list[dict]:
    return [e for e in po_entries if e["msgid"] and not e["obsolete"]]


def test_the_catalogue_header_declares_english_utf8_and_english_plurals(po_entries):
    header = po_entries[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    text = header["msgstr"][None]
    assert "Language: en\n" in text
    assert "charset=UTF-8" in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text


def test_every_message_has_an_english_translation(messages):
    assert len(messages) > 300
    untranslated = []
    for entry in messages:
        if entry["msgid_plural"] is None:
            if not entry["msgstr"].get(None, "").strip():
                untranslated.append(entry["msgid"])
        elif sorted(entry["msgstr"]) != [0, 1] or not all(s.strip() for s in entry["msgstr"].values()):
            untranslated.append(entry["msgid"])
    assert untranslated == []


def test_no_translation_is_fuzzy(po_entries):
    assert [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]] == []


def test_translations_keep_placeholders_and_contain_no_thai(messages):
    problems = []
    for entry in messages:
        wanted = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for form, text in entry["msgstr"].items():
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append((entry["msgid"], form, "placeholders differ"))
            if THAI.search(text):
                problems.append((entry["msgid"], form, "Thai text in the English translation"))
    assert problems == []


def test_the_compiled_catalogue_matches_the_po_file(messages):
    """The committed .mo must be compiled from the committed .po (CI has no msgfmt to rebuild it)."""
    assert MO_FILE.exists(), f"{MO_FILE} is missing: run compilemessages -l en"
    with MO_FILE.open("rb") as handle:
        catalogue = gnu_gettext.GNUTranslations(handle)
    stale = []
    for entry in messages:
        if entry["msgid_plural"] is None:
            if catalogue.gettext(entry["msgid"]) != entry["msgstr"][None]:
                stale.append(entry["msgid"])
        else:
            for n, form in ((1, 0), (2, 1)):
                if catalogue.ngettext(entry["msgid"], entry["msgid_plural"], n) != entry["msgstr"][form]:
                    stale.append(entry["msgid"])
    assert stale == []
