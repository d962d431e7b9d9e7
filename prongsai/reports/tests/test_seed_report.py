"""The seed report generated from data: every measure, activity, result and cited score of the seed, in
DOCX and PDF, opened the way a person or a machine would read them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2
import pytest
from django.core.management import call_command
from docx import Document as open_docx
from docx.oxml.ns import qn

from prongsai.core.thai import to_thai_digits
from prongsai.planning.seed_fy2567 import MEASURES
from prongsai.reports.registry import Params, build_document, export

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "reports"

# Every score the seed prints, in the seed's own (Thai) numerals.
SEED_SCORES = [
    "คะแนนตัวชี้วัดที่ ๑ ได้ ๙๘.๓๘",
    "คะแนนตัวชี้วัดที่ ๒ ได้ ๙๙.๐๓",
    "คะแนนตัวชี้วัดที่ ๖ ได้ ๘๒.๕๕",
    "คะแนนข้อ e๗ ได้ ๘๕.๘๖",
    "คะแนนข้อ e๘ ได้ ๙๑.๓๐",
    "คะแนนตัวชี้วัดที่ ๗ ได้ ๙๐.๔๘",
    "คะแนนตัวชี้วัดที่ ๔ ได้ ๙๕.๖๑",
    "คะแนน ข้อ i๙ ได้ ๑๐๐.๐๐",
    "คะแนนตัวชี้วัดที่ ๓ ได้ ๙๘.๘๖",
    "คะแนน ข้อ i๑๕ ได้ ๙๕.๑๒",
    "คะแนน ข้อ i๑๓ ได้ ๙๕.๑๒",
    "คะแนนที่ได้ ๑๐๐.๐๐",
    "คะแนน ข้อ i๑๔ ได้ ๙๖.๕๙",
    "คะแนนที่ได้ คือ ๙๓.๕๐",
]


def squash(text: str) -> str:
    """Text without any whitespace: line breaks inside table cells fall anywhere between words."""
    return re.sub(r"\s+", "", text)


def expected_fragments() -> list[str]:
    """Every measure title, every activity (numbered as printed) and every result, in Thai numerals."""
    fragments = []
    for number, (title, activities, results) in enumerate(MEASURES, start=1):
        fragments.append(to_thai_digits(f"{number}{title}"))
        for a_number, text in enumerate(activities, start=1):
            fragments.append(to_thai_digits(f"{a_number}.{text}"))
        for _covered, text, _citations in results:
            fragments.append(to_thai_digits(text))
    return [squash(f) for f in fragments]


def docx_text(content: bytes) -> str:
    document = open_docx(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                parts.append(cell.text)
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))


@pytest.fixture
def seed_export(agency, seed_fy2567, in_scope):
    def run(fmt: str) -> bytes:
        with in_scope(agency):
            return export(
                agency=agency,
                identifier="integrity-measures-results",
                params=Params(fiscal_year=2567),
                fmt=fmt,
            ).content

    return run


def test_the_docx_contains_every_measure_activity_result_and_score_of_the_seed(seed_export):
    text = docx_text(seed_export("docx"))
    flat = squash(text)
    missing = [f[:60] for f in expected_fragments() if f not in flat]
    assert not missing, missing
    for score in SEED_SCORES:
        assert squash(score) in flat, score
    assert "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in text
    assert "ประจำปีงบประมาณ พ.ศ.๒๕๖๗" in text


def expected_tokens() -> list[list[str]]:
    """The same texts as lists of their space-separated phrases (Thai writes spaces between phrases)."""
    texts = []
    for number, (title, activities, results) in enumerate(MEASURES, start=1):
        texts.append(f"{number} {title}")
        texts.extend(f"{a_number}. {text}" for a_number, text in enumerate(activities, start=1))
        texts.extend(text for _covered, text, _citations in results)
    return [to_thai_digits(t).split() for t in texts]


def test_the_pdf_contains_every_measure_activity_result_and_score_of_the_seed(seed_export):
    content = seed_export("pdf")
    flat = squash(pdf_text(content))

    def present(phrase: str) -> bool:
        # PDFium's text extraction sometimes repeats a glyph or two where a line breaks inside a phrase
        # ("สัมฤทธิ์ขธิ์ อง"); such a phrase still counts when its start and its end are both there.
        return phrase in flat or (len(phrase) > 12 and phrase[:6] in flat and phrase[-6:] in flat)

    missing = [phrase for phrases in expected_tokens() for phrase in phrases if not present(phrase)]
    assert not missing, missing
    for phrases in expected_tokens():
        assert "".join(phrases[:2]) in flat or phrases[0] in flat
    for score in SEED_SCORES:
        assert squash(score) in flat, score


def test_the_pdf_repeats_the_table_header_on_every_page_and_embeds_its_font(seed_export):
    content = seed_export("pdf")
    pdf = pypdfium2.PdfDocument(content)
    assert len(pdf) > 3
    for index in range(len(pdf)):
        page_text = squash(pdf[index].get_textpage().get_text_bounded())
        assert squash("รายละเอียดการดำเนินการ") in page_text, f"page {index + 1} has no table header"
        width, height = pdf[index].get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    assert b"Laksaman" in content
    assert b"/FontFile" in content  # the font program is embedded, not referenced


def test_the_pdf_pages_are_rendered_to_images_for_a_person_to_look_at(seed_export):
    content = seed_export("pdf")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "integrity-measures-results-2567.pdf").write_bytes(content)
    pdf = pypdfium2.PdfDocument(content)
    for index in range(len(pdf)):
        image = pdf[index].render(scale=1.5).to_pil()
        path = ARTIFACTS / f"integrity-measures-results-2567-page-{index + 1}.png"
        image.save(path)
        assert path.stat().st_size > 10_000
        # Not a blank page: enough dark pixels for text and table rules.
        dark = image.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255]
        assert dark > 5_000


def test_the_docx_names_the_thai_font_for_complex_script_and_sizes_thai_text(seed_export):
    document = open_docx(io.BytesIO(seed_export("docx")))
    runs = [r for p in document.paragraphs for r in p.runs] + [
        r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    assert runs
    for run in runs[:50]:
        rpr = run._r.rPr
        assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"
        assert rpr.find(qn("w:szCs")) is not None
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"  # 16 pt body
    header_row = document.tables[0].rows[0]._tr
    assert header_row.trPr.find(qn("w:tblHeader")) is not None


def test_scores_are_looked_up_from_the_ita_result_not_retyped(agency, admin_member, seed_fy2567, in_scope):
    from decimal import Decimal

    from prongsai.ita.models import ResultScore

    with in_scope(agency):
        ResultScore.objects.filter(kind="indicator", code="1").update(score=Decimal("97.00"))
        document = build_document(agency=agency, identifier="integrity-measures-results", params=Params(2567))
    flat = squash(
        "\n".join(line for t in document.tables() for row in t.rows for c in row for line in c.lines)
    )
    assert squash("คะแนนตัวชี้วัดที่ 1 ได้ 97.00") in flat
    assert "98.38" not in flat


def test_the_command_writes_the_report_in_every_format(agency, seed_fy2567, tmp_path):
    for fmt in ("docx", "pdf", "xlsx"):
        output = tmp_path / f"seed.{fmt}"
        call_command(
            "export_report",
            "integrity-measures-results",
            "--fiscal-year",
            "2567",
            "--format",
            fmt,
            "--output",
            str(output),
            stdout=io.StringIO(),
        )
        assert output.stat().st_size > 5_000
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "seed.xlsx").active
    values = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "มาตรการการป้องกันและแก้ไขการทุจริตของหน่วยงาน" in values


def test_a_year_without_a_plan_gives_a_thai_sentence_not_a_crash(agency, catalogues, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ยังไม่มี"):
        call_command(
            "export_report",
            "integrity-measures-results",
            "--fiscal-year",
            "2560",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
            stdout=io.StringIO(),
        )


def test_the_seed_pdf_lines_clear_each_other_headers_keep_words_and_pages_are_numbered(seed_export):
    """Issue 19: tone marks and tails clear the next line, no header breaks inside a word, "- ๒ -" on top."""
    from prongsai.reports.tests.pdf_lines import segments
    from prongsai.reports.tests.test_pdf_layout import (
        assert_broken_between_words,
        assert_lines_clear,
        page_numbers,
    )

    content = seed_export("pdf")
    assert_lines_clear(content)
    found = segments(content)
    for header in ("มาตรการหรือกิจกรรมที่ดำเนินการ", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"):
        assert_broken_between_words(found, header)
    tops = page_numbers(content)
    assert not tops[0][0].startswith("-")
    assert [t for t, _offset, _from_top in tops[1:]] == [
        f"-{to_thai_digits(str(n))}-" for n in range(2, len(tops) + 1)
    ]
