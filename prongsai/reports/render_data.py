"""Data-set formats: XLSX through openpyxl (one worksheet per table) and CSV (the first table).

Data sets keep Arabic digits whatever the document's printed numerals: a spreadsheet or a CSV is read back
by machines (ITAS, e-GP, other agencies' tools) that expect them.
"""

from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from prongsai.reports import style
from prongsai.reports.document import Document, Paragraph

_SHEET_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def _sheet_name(title: str, index: int) -> str:
    name = _SHEET_FORBIDDEN.sub(" ", title).strip()[:31]
    return name or f"Sheet{index + 1}"


def render_xlsx(document: Document) -> bytes:
    """Every table of the document as a worksheet with a bold, frozen header row and wrapped text."""
    workbook = Workbook()
    # A new workbook starts with one empty sheet; every table adds its own, so the empty one goes.
    for empty in list(workbook.worksheets):
        workbook.remove(empty)
    body_font = Font(name=style.XLSX_FONT_FAMILY, size=style.TABLE_PT)
    header_font = Font(name=style.XLSX_FONT_FAMILY, size=style.TABLE_PT, bold=True)
    header_fill = PatternFill("solid", fgColor="EBEBEB")
    wrap = Alignment(wrap_text=True, vertical="top")
    intro = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.style in {"title", "subtitle"}]
    for index, table in enumerate(document.tables()):
        sheet = workbook.create_sheet(_sheet_name(table.sheet_title or document.title, index))
        offset = 0
        for line in intro:
            offset += 1
            sheet.cell(row=offset, column=1, value=line).font = header_font
        if intro:
            offset += 1
        header_row = offset + 1
        for col, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=header_row, column=col, value=column.title)
            cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap
            sheet.column_dimensions[get_column_letter(col)].width = max(10, min(80, column.width * 12))
        for r, row in enumerate(table.rows, start=header_row + 1):
            for col, content in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=col, value=_value(content.text))
                cell.font, cell.alignment = body_font, wrap
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        sheet.print_title_rows = f"{header_row}:{header_row}"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if document.landscape else "portrait"
    if not workbook.sheetnames:
        workbook.create_sheet(_sheet_name(document.title, 0))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _value(text: str) -> str | float | int:
    """Plain numbers become numbers (so sums work in Excel); everything else stays text."""
    cleaned = text.replace(",", "") if re.fullmatch(r"-?[\d,]+(\.\d+)?", text or "") else text
    if cleaned and _NUMBER.match(cleaned) and not (len(cleaned) > 1 and cleaned.startswith("0")):
        return float(cleaned) if "." in cleaned else int(cleaned)
    return text


def render_csv(document: Document) -> bytes:
    """The first table as UTF-8 CSV with a byte-order mark, so that Excel opens Thai text correctly."""
    tables = document.tables()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if tables:
        table = tables[0]
        writer.writerow([c.title for c in table.columns])
        for row in table.rows:
            writer.writerow([cell.text for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
