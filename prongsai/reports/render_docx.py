"""DOCX through python-docx, for documents staff still edit in Word.

Word treats Thai as a complex script: the font must be named on ``w:rFonts/@w:cs`` and the size given on
``w:szCs`` as well, or Word shows Thai in its default complex-script font and size. The first row of every
table is marked ``w:tblHeader`` so Word repeats it on each page, and rows may not split across pages only
when they are short (long rows must be allowed to, or Word pushes a page-long cell to the next page).
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from prongsai.reports import style
from prongsai.reports.document import Cell, Document, Paragraph, Signature, Table

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _thai_font(run_properties: object, *, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Set TH Sarabun New for every script (ascii, hAnsi, cs, eastAsia) and the size for Thai too."""
    rpr = run_properties
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), style.DOCX_FONT_FAMILY)
    fonts.set(qn("w:hint"), "cs")
    if size_pt is not None:
        half_points = str(int(size_pt * 2))
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))  # type: ignore[attr-defined]
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)  # type: ignore[attr-defined]
            element.set(qn("w:val"), half_points)
    if bold:
        for tag in ("w:b", "w:bCs"):
            if rpr.find(qn(tag)) is None:  # type: ignore[attr-defined]
                rpr.append(OxmlElement(tag))  # type: ignore[attr-defined]


def _add_run(paragraph: DocxParagraph, text: str, *, size_pt: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    _thai_font(run._r.get_or_add_rPr(), size_pt=size_pt, bold=bold)


def _tight(paragraph: DocxParagraph) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _setup(doc: object, document: Document) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if document.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = Cm(style.MARGIN_LEFT_CM)
    section.right_margin = Cm(style.MARGIN_RIGHT_CM)
    section.top_margin = Cm(style.MARGIN_TOP_CM)
    section.bottom_margin = Cm(style.MARGIN_BOTTOM_CM)
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    normal.font.name = style.DOCX_FONT_FAMILY
    normal.font.size = Pt(style.BODY_PT)
    _thai_font(normal.element.get_or_add_rPr(), size_pt=style.BODY_PT)
    doc.core_properties.title = document.title  # type: ignore[attr-defined]
    doc.core_properties.author = document.author or "Prongsai"  # type: ignore[attr-defined]
    doc.settings.element.append(_lang_element())  # type: ignore[attr-defined]
    _page_numbers(section, document)


def _page_numbers(section: object, document: Document) -> None:
    """ "- ๒ -" at the top centre from the second page on, as Thai official documents number their pages.

    The number is Word's PAGE field, so it stays right when staff edit the document; ``\\* ThaiArabic``
    makes Word print it in Thai numerals when the document uses them.
    """
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_run(paragraph, "- ", size_pt=style.BODY_PT)
    instruction = "PAGE \\* ThaiArabic" if document.thai_digits else "PAGE"
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        run = paragraph.add_run()
        _thai_font(run._r.get_or_add_rPr(), size_pt=style.BODY_PT)
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    _add_run(paragraph, document.digits("2"), size_pt=style.BODY_PT)  # shown until Word updates the field
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)
    _add_run(paragraph, " -", size_pt=style.BODY_PT)


def _lang_element() -> object:
    # Tell Word the document's complex-script language is Thai (line breaking and numerals follow it).
    theme = OxmlElement("w:themeFontLang")
    theme.set(qn("w:val"), "en-US")
    theme.set(qn("w:bidi"), "th-TH")
    return theme


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _fill_cell(cell: _Cell, content: Cell, document: Document, *, size_pt: float, bold: bool = False) -> None:
    lines = content.lines or [""]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        _tight(paragraph)
        paragraph.alignment = _ALIGN[content.align]
        text = document.digits(line, literal=content.literal)
        if content.nowrap:
            # Non-breaking spaces keep an amount or a date on one line.
            text = text.replace(" ", "\u00a0")
        _add_run(paragraph, text, size_pt=size_pt, bold=bold or content.bold)


def _table(doc: object, block: Table, document: Document) -> None:
    table = doc.add_table(rows=1, cols=len(block.columns))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    section = doc.sections[-1]  # type: ignore[attr-defined]
    usable = section.page_width - section.left_margin - section.right_margin
    total = sum(c.width for c in block.columns) or 1
    widths = [int(usable * c.width / total) for c in block.columns]
    size = style.SMALL_PT if block.compact else style.TABLE_PT
    header = table.rows[0]
    _repeat_header(header)
    for index, column in enumerate(block.columns):
        cell = header.cells[index]
        cell.width = widths[index]
        _fill_cell(cell, Cell([column.title], align="center"), document, size_pt=size, bold=True)
    for row in block.rows:
        cells = table.add_row().cells
        for index, content in enumerate(row):
            cells[index].width = widths[index]
            _fill_cell(cells[index], content, document, size_pt=size)


def _signature(doc: object, block: Signature, document: Document) -> None:
    doc.add_paragraph()  # type: ignore[attr-defined]
    lines = [f"{block.caption} ........................................", f"( {block.name} )", block.position]
    if block.date_text:
        lines.append(block.date_text)
    for line in lines:
        paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
        _tight(paragraph)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.left_indent = Cm(8)
        _add_run(paragraph, document.digits(line), size_pt=style.BODY_PT)


def render_docx(document: Document) -> bytes:
    """The document as DOCX bytes."""
    doc = new_docx()
    _setup(doc, document)
    for block in document.blocks:
        if isinstance(block, Paragraph):
            paragraph = doc.add_paragraph()
            paragraph.alignment = _ALIGN[block.align]
            size = style.TITLE_PT if block.style == "title" else style.BODY_PT
            if block.style == "note":
                size = style.SMALL_PT
            _add_run(
                paragraph,
                document.digits(block.text, literal=block.literal),
                size_pt=size,
                bold=block.style in {"title", "subtitle", "heading"},
            )
        elif isinstance(block, Table):
            _table(doc, block, document)
        elif isinstance(block, Signature):
            _signature(doc, block, document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
