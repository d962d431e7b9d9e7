"""ITA item codes (o1…o43, i1…, e1…) are written one way (ADR 0123): in official documents the lowercase
letter and Thai digits, as the seed report writes them ("ข้อ e๗"); on web pages and in data files the
lowercase letter and Arabic digits ("ข้อ e7"). The documents are opened as a person
would read them (PDF text through PDFium, DOCX through python-docx) and no code of the other style appears."""

from __future__ import annotations

import csv
import io
import re

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from prongsai.planning.models import ScoreCitation
from prongsai.reports.registry import Params, export
from prongsai.reports.tests.test_seed_report import docx_text, pdf_text, squash

# A code as a document prints it: the letter, digits of either kind, perhaps a space, dash or capital letter.
ANY_CODE = re.compile(r"(?<![A-Za-z0-9/._\-=?&])([oieOIE])\s?[-.]?\s?([0-9๐-๙]{1,3})(?![0-9๐-๙A-Za-z])")
DOCUMENT_STYLE = re.compile(r"[oie][๐-๙]+")
WEB_STYLE = re.compile(r"[oie][0-9]+")


def codes_in(text: str) -> list[str]:
    return [m.group(0) for m in ANY_CODE.finditer(text)]


def only_style(codes: list[str], style: re.Pattern[str]) -> list[str]:
    """The codes that do not follow ``style`` (an empty list when every code does)."""
    return [c for c in codes if not style.fullmatch(c)]


def table_column(content: bytes, heading: str) -> list[str]:
    """The cells under the column titled ``heading`` in every table of a DOCX."""
    cells = []
    for table in open_docx(io.BytesIO(content)).tables:
        titles = [c.text.strip() for c in table.rows[0].cells]
        if heading in titles:
            column = titles.index(heading)
            cells += [row.cells[column].text.strip() for row in table.rows[1:]]
    return cells


@pytest.fixture
def typed_carelessly(agency, seed_fy2567, in_scope):
    """A citation typed as people do ("ข้อ E 7", Thai digits): the document still prints one style."""
    with in_scope(agency):
        citation = ScoreCitation.objects.filter(code="e7").first()
        assert citation is not None, "the seed cites e7"
        citation.lead_text = "คะแนนข้อ E 7 ได้"
        citation.save(update_fields=["lead_text"])
        result = citation.result
        result.result = result.result.replace("ข้อ e7", "ข้อ E๗")
        result.save(update_fields=["result"])
    return citation


def _export(agency, in_scope, identifier: str, fmt: str) -> bytes:
    with in_scope(agency):
        return export(agency=agency, identifier=identifier, params=Params(fiscal_year=2567), fmt=fmt).content


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_seed_report_writes_every_ita_code_with_thai_digits_as_the_seed_does(
    agency, in_scope, typed_carelessly, fmt
):
    content = _export(agency, in_scope, "integrity-measures-results", fmt)
    text = pdf_text(content) if fmt == "pdf" else docx_text(content)
    codes = codes_in(text)
    assert {"e๗", "e๘", "e๙", "i๙", "i๑๓", "i๑๔", "i๑๕", "o๒๔", "o๒๘"} <= set(codes), codes
    assert only_style(codes, DOCUMENT_STYLE) == [], "codes in another style than the seed's"
    flat = squash(text)
    assert squash("คะแนนข้อ e๗ ได้ ๘๕.๘๖") in flat  # typed "ข้อ E 7", printed as the seed prints it
    assert "E๗" not in flat and "E7" not in flat


def test_the_ita_results_document_prints_its_item_codes_like_its_other_numbers(agency, seed_fy2567, in_scope):
    docx = _export(agency, in_scope, "ita-results", "docx")
    codes = [c for c in table_column(docx, "ข้อ") if c not in {"IIT", "EIT", "OIT"}]
    assert "i๙" in codes and "o๒๔" in codes, codes
    assert only_style(codes, DOCUMENT_STYLE) == []
    pdf_codes = codes_in(pdf_text(_export(agency, in_scope, "ita-results", "pdf")))
    assert "e๗" in pdf_codes and only_style(pdf_codes, DOCUMENT_STYLE) == []


def test_the_readiness_report_prints_thai_digit_codes_and_the_itas_sheet_prints_what_itas_reads(
    agency, seed_fy2567, in_scope
):
    readiness = table_column(_export(agency, in_scope, "ita-readiness", "docx"), "ข้อ")
    assert readiness[:3] == ["o๑", "o๒", "o๓"], readiness[:3]
    assert only_style(readiness, DOCUMENT_STYLE) == []
    # The answer sheet (a CSV) is copied into ITAS: the codes as the year's catalogue (ITAS's form) has them.
    sheet = _export(agency, in_scope, "ita-answer-sheet", "csv").decode("utf-8-sig")
    answers = [row[0] for row in csv.reader(io.StringIO(sheet))][1:]
    assert answers[:3] == ["o1", "o2", "o3"] and only_style(answers, WEB_STYLE) == []
    # A spreadsheet keeps Arabic digits whatever the printed document shows.
    book = load_workbook(io.BytesIO(_export(agency, in_scope, "ita-readiness", "xlsx")), read_only=True)
    first_column = [row[0] for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    assert "o1" in first_column and "o๑" not in first_column


def test_web_pages_write_the_codes_with_arabic_digits(anon, agency, seed_fy2567, in_scope):
    from prongsai.planning.models import ItemResult

    with in_scope(agency):
        result = ItemResult.objects.filter(result__contains="ข้อ e8").first()
        assert result is not None
        result.result = result.result.replace("ข้อ e8", "ข้อ E ๘")  # as someone might type it
        result.save(update_fields=["result"])
    pages = {
        "/ita/results/2567/": {"i9", "o24"},
        "/ita/2567/": {"o1", "o24"},
        f"/plans/{seed_fy2567.public_id}/results/": {"e8", "i9"},
    }
    for path, expected in pages.items():
        response = anon.get(path)
        assert response.status_code == 200, path
        codes = codes_in(response.content.decode())
        assert expected <= set(codes), (path, codes)
        assert only_style(codes, WEB_STYLE) == [], path
