"""Pieces shared by the exporters: headings, money, dates, cited scores."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from prongsai.core import selectors as core_selectors
from prongsai.core.models import Agency, OrgUnit, Position
from prongsai.core.thai import format_baht, format_date
from prongsai.ita import selectors as ita_selectors
from prongsai.planning.models import ScoreCitation
from prongsai.reports.document import Document, Paragraph, Signature

NO_SCORE = "(ยังไม่มีผลคะแนนนี้ในระบบ)"


def agency_line(agency: Agency) -> str:
    parts = [agency.name_th]
    if agency.district:
        parts.append(f"อำเภอ{agency.district}")
    if agency.province:
        parts.append(f"จังหวัด{agency.province}")
    return " ".join(parts)


def heading(document: Document, title: str, agency: Agency, *extra: str) -> None:
    document.add(Paragraph(title, style="title", align="center"))
    document.add(Paragraph(agency_line(agency), style="subtitle", align="center"))
    for line in extra:
        document.add(Paragraph(line, style="body", align="center"))


def money(value: Decimal | None) -> str:
    return format_baht(value) if value is not None else "–"


def day(value: date | None) -> str:
    return format_date(value, month="abbr") if value else "–"


def score_text(value: Decimal | None) -> str:
    return f"{value:.2f}" if value is not None else NO_SCORE


class ScoreBook:
    """The ITA scores a document cites, read once per fiscal year (one or two queries per year cited)."""

    def __init__(self, agency: Agency, *, published_only: bool = False) -> None:
        self.agency = agency
        self.published_only = published_only  # a public document cites published results only
        self._years: dict[int, tuple[Decimal | None, dict[tuple[str, str], Decimal]]] = {}

    def value(self, *, fiscal_year: int, kind: str, code: str) -> Decimal | None:
        if fiscal_year not in self._years:
            result = ita_selectors.result_of(self.agency, fiscal_year, published_only=self.published_only)
            self._years[fiscal_year] = (
                (result.total, ita_selectors.scores_of(result)) if result is not None else (None, {})
            )
        total, scores = self._years[fiscal_year]
        return total if kind == "total" else scores.get((kind, code.strip()))


def citation_line(book: ScoreBook, citation: ScoreCitation) -> str:
    """``คะแนนตัวชี้วัดที่ 1 ได้ 98.38``: the lead text and the score looked up in the ITA result."""
    value = book.value(fiscal_year=citation.fiscal_year, kind=citation.kind, code=citation.code)
    return f"{citation.lead_text} {score_text(value)}"


def signature(document: Document, name: str, position: str, signed_on: date | None = None) -> None:
    if not name and not position:
        return
    document.add(
        Signature(
            name=name or "........................................",
            position=position,
            date_text=format_date(signed_on) if signed_on else "",
        )
    )


def head_of_agency(agency: Agency) -> Signature:
    """The signature block of the agency's top executive (political side first), from the structure."""
    sides = core_selectors.executives(agency)
    for person in [*sides.get(OrgUnit.Side.POLITICAL, []), *sides.get(OrgUnit.Side.CAREER, [])]:
        if person.position.level == Position.Level.TOP_EXECUTIVE:
            return Signature(name=person.full_name, position=person.position.title_th)
    # No executive recorded yet: a blank line to sign by hand, never a missing block.
    return Signature(name="........................................", position=f"ผู้บริหาร{agency.name_th}")
