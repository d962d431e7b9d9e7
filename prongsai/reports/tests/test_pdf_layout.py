"""The look of a printed document, measured in the PDF: lines whose tone marks and tails clear each other,
headings broken only between words, and pages numbered as Thai official documents number them."""

from __future__ import annotations

import io

import pypdfium2
from docx import Document as open_docx
from docx.oxml.ns import qn

from prongsai.core import thai_words
from prongsai.reports import style
from prongsai.reports.document import Cell, Column, Document, Paragraph, Signature, Table
from prongsai.reports.render_docx import render_docx
from prongsai.reports.render_pdf import render_pdf
from prongsai.reports.tests.pdf_lines import Segment, line_gaps, lines_of, segments

# Letters with marks stacked above (vowel + tone mark) and below (vowels, tails of ฐ ญ ฎ ฏ ฤ), so that the
# line above's lowest ink meets the line below's highest ink in the same place.
STACKED = "ปู่ชี้ฟั่นฐู ญี่ปุ่นฎีกาฤๅษีน้ำท่วมครู้ผู้ใหญ่ปั้นซี่ ทั้งนี้ดูแลผู้สูงอายุ ต้องรู้ก่อนกู้เงินที่ฝั่งฟ้า"
MIN_GAP_PT = 0.5


def _document(*, thai_digits: bool = True) -> Document:
    document = Document(title="ทดสอบ", filename_stem="t", thai_digits=thai_digits)
    document.add(
        Paragraph(
            "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานขององค์การบริหารส่วนตำบล",
            style="title",
            align="center",
        )
    )
    for _ in range(6):
        document.add(Paragraph(STACKED * 3))
    document.add(
        Table(
            columns=[
                Column("ลำดับที่", 0.5, "center"),
                Column("ผลลัพธ์หรือความสำเร็จของการดำเนินการ", 1.2),
                Column("รายละเอียด", 3),
            ],
            rows=[[Cell.of(str(n)), Cell.of(STACKED), Cell.of(STACKED * 2)] for n in range(1, 40)],
        )
    )
    document.add(Signature(name="นายชาญชัย ศรีวังทอง", position="นายกองค์การบริหารส่วนตำบลวังทอง"))
    return document


def assert_lines_clear(content: bytes) -> None:
    clashes = line_gaps(content)
    assert clashes, "no two lines share any width: the measure found nothing to measure"
    worst = clashes[0]
    assert worst.gap >= MIN_GAP_PT, (
        f"page {worst.page}: {worst.upper!r} touches {worst.lower!r} ({worst.gap:.2f} pt)"
    )


def word_breaks_of(text: str) -> set[int]:
    """Offsets in ``text`` without spaces at which PyThaiNLP allows a line to break."""
    offsets, position = {0}, 0
    for token in thai_words.words(text):
        if not token.isspace():
            position += len(token)
            offsets.add(position)
    return offsets


def assert_broken_between_words(found: list[Segment], heading: str) -> int:
    """Every setting of ``heading`` breaks its lines only between words; returns how many were checked."""
    settings = lines_of(found, heading)
    assert settings, f"{heading!r} is not in the PDF"
    allowed = word_breaks_of(heading)
    for parts in settings:
        position = 0
        for part in parts[:-1]:
            position += len(part)
            assert position in allowed, f"{heading!r} broken inside a word as {parts}"
    return sum(len(parts) > 1 for parts in settings)


def page_numbers(content: bytes) -> list[tuple[str, float, float]]:
    """The text of each page's topmost line with its horizontal centre and its distance from the top."""
    pdf = pypdfium2.PdfDocument(content)
    found = segments(content)
    tops = []
    for number in range(1, len(pdf) + 1):
        width, height = pdf[number - 1].get_size()
        first = max((s for s in found if s.page == number), key=lambda s: s.baseline)
        tops.append((first.text, (first.left + first.right) / 2 - width / 2, height - first.baseline))
    return tops


def test_stacked_marks_and_tails_clear_the_next_line_in_paragraphs_and_tables():
    assert_lines_clear(render_pdf(_document()))


def test_the_measure_fails_when_lines_are_set_tight():
    """The gap measure itself: the same text with the lines drawn over each other is caught."""
    from prongsai.reports import render_pdf as module

    template = module.TEMPLATE.read_text()
    tight = template.replace("leading: 0.1em", "leading: -0.6em")
    assert tight != template
    path = module.TEMPLATE.parent / "_tight_test.typ"
    path.write_text(tight)
    try:
        original, module.TEMPLATE = module.TEMPLATE, path
        content = render_pdf(_document())
    finally:
        module.TEMPLATE = original
        path.unlink()
    assert line_gaps(content)[0].gap < 0


def test_headings_and_column_headers_break_only_between_words():
    content = render_pdf(_document())
    found = segments(content)
    broken = assert_broken_between_words(
        found, "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานขององค์การบริหารส่วนตำบล"
    )
    broken += assert_broken_between_words(found, "ผลลัพธ์หรือความสำเร็จของการดำเนินการ")
    assert broken, "no heading needed a second line: the test checked no break"


def test_pages_are_numbered_at_the_top_centre_from_the_second_page_in_thai_digits():
    content = render_pdf(_document())
    tops = page_numbers(content)
    assert len(tops) >= 3
    assert not tops[0][0].startswith("-")  # the first page carries no number
    for number, (text, offset, from_top) in enumerate(tops[1:], start=2):
        assert text == f"-{thai_words_digits(number)}-", text
        # Centred over the text, which the 3 cm binding margin on the left pushes right of the page's middle.
        text_centre = (style.MARGIN_LEFT_CM - style.MARGIN_RIGHT_CM) / 2 / 2.54 * 72
        assert abs(offset - text_centre) < 2 and from_top < style.MARGIN_TOP_CM / 2.54 * 72
    assert "หน้า" not in " ".join(t for t, _o, _f in tops)


def test_a_document_in_arabic_digits_numbers_its_pages_in_arabic_digits():
    tops = page_numbers(render_pdf(_document(thai_digits=False)))
    assert tops[1][0] == "-2-"


def thai_words_digits(number: int) -> str:
    from prongsai.core.thai import to_thai_digits

    return to_thai_digits(str(number))


def test_the_docx_numbers_its_pages_from_the_second_in_the_header():
    docx = open_docx(io.BytesIO(render_docx(_document())))
    section = docx.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    code = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert code.strip() == "PAGE \\* ThaiArabic"
    assert section.first_page_header.paragraphs[0].text == ""
    arabic = open_docx(io.BytesIO(render_docx(_document(thai_digits=False)))).sections[0].header._element
    assert "".join(t.text for t in arabic.iter(qn("w:instrText"))).strip() == "PAGE"
